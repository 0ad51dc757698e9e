/**
 * Baseline files ({@code baselines/*.csv}): {@link dev.surmbench.report.baseline.BaselineCsv} reads and
 * writes them as {@link dev.surmbench.report.baseline.BaselineRow}s tagged with their {@link
 * dev.surmbench.report.baseline.BaselineSource}; bad input is a {@link
 * dev.surmbench.report.baseline.BaselineFormatException}.
 *
 * <p>Uses only {@code results} ({@code CsvTables}, {@code AtomicFiles}, {@code DeviceUsage}); knows
 * nothing of the rest of {@code report}, of training or of models.
 */
package dev.surmbench.report.baseline;
