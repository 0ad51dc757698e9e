/**
 * A suite's results on disk: {@code runs.csv} rows ({@link dev.surmbench.results.RunsCsv}, {@link
 * dev.surmbench.results.RunRecord}), per-run {@code run.json} ({@link dev.surmbench.results.RunJson},
 * {@link dev.surmbench.results.Provenance}), where they live ({@link
 * dev.surmbench.results.ResultsLayout}), and the mechanisms for sharing a folder safely ({@link
 * dev.surmbench.results.AtomicFiles}, {@link dev.surmbench.results.FolderLock}, {@link
 * dev.surmbench.results.RunClaim}).
 *
 * <p>Uses only {@code util} and {@code data.download}'s file helpers; knows nothing of training, suites,
 * models, reports or the format of the adapter folders it points at.
 */
package dev.surmbench.results;
