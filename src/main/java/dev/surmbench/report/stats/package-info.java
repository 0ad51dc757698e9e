/**
 * Statistics for the report: {@link dev.surmbench.report.stats.Summary} (n, mean, std — Tablesaw's
 * {@code count}, {@code mean} and {@code stdDev} — and the 95% confidence interval computed from them)
 * and {@link dev.surmbench.report.stats.Difference} (paired or Welch test, with its {@link
 * dev.surmbench.report.stats.TestKind}). Pure functions over numbers; depends on nothing else in the
 * project.
 */
package dev.surmbench.report.stats;
