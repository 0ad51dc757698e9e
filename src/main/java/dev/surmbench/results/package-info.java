/**
 * A suite's results on disk: {@code runs.csv} rows ({@link dev.surmbench.results.RunsCsv}, {@link
 * dev.surmbench.results.RunRecord}, whose columns — names, order, types — are stated once in {@link dev.surmbench.results.RunColumn}), per-run
 * {@code run.json} typed as {@link dev.surmbench.results.RunDocument} with its {@link
 * dev.surmbench.results.RunProvenance} (written and read by {@link dev.surmbench.results.RunJson}),
 * where they live ({@link dev.surmbench.results.ResultsLayout}), the one rule for rows that share a
 * run id ({@link dev.surmbench.results.DuplicateRunIds}, used by every reader: report, check, resume,
 * merge and baselines), and the mechanisms for sharing a
 * folder safely ({@link dev.surmbench.results.AtomicFiles}, {@link dev.surmbench.results.FolderLock},
 * {@link dev.surmbench.results.RunClaim}).
 *
 * <p>Uses only {@code util} and {@code data.download}'s file helpers (and DJL's engine for its
 * versions); knows nothing of training, suites, models, reports or the format of the adapter folders
 * it points at: the suite fills the records, this package stores them.
 */
package dev.surmbench.results;
