/**
 * Downloads into a cache: the one HTTP download client ({@link dev.surmbench.data.download.Downloader}:
 * retries, {@code Range} resume, {@link dev.surmbench.data.download.HttpStatusException} for answers
 * that are not content), staging and SHA-256 verification before an atomic move, archive extraction
 * (zip; tar.gz through Commons Compress), and the checksum tables (shipped and recorded on first
 * download). Knows no dataset, model or suite; {@code model.source}'s hub client sends its
 * transfers through the client here.
 */
package dev.surmbench.data.download;
