/**
 * Small mechanisms every layer shares and that know nothing of the benchmark: named sub-seeds
 * ({@link dev.surmbench.util.Seeds}), locating the first non-UTF-8 byte of a text file
 * ({@link dev.surmbench.util.Utf8}) and the one SHA-256 helper ({@link dev.surmbench.util.Sha256}:
 * checksums, run ids, provenance). Nothing here may depend on another package of the project.
 */
package dev.surmbench.util;
