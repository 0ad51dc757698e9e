/**
 * Where backbone weights come from, one class per source spec: {@link
 * dev.surmbench.model.source.EmbeddedMiniLmSource}, {@link dev.surmbench.model.source.MavenBertBaseSource},
 * {@link dev.surmbench.model.source.HfCheckpointSource} and {@link dev.surmbench.model.source.HfHubSource}
 * (via {@link dev.surmbench.model.source.HubClient}); {@link
 * dev.surmbench.model.source.HfCheckpointWriter} writes checkpoints back.
 *
 * <p>Uses {@code model} and its sub-packages, {@code data.download} (the download client {@code
 * Downloader}), {@code util} ({@code Sha256}), {@code data.text} ({@code WordPieceTokenizerJson}) and
 * {@code peft.BlockPaths}; knows nothing of suites, results or training.
 */
package dev.surmbench.model.source;
