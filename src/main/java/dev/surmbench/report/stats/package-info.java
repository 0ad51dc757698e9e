/**
 * Statistics for the report: {@link dev.surmbench.report.stats.Summary} (mean, std, 95% confidence
 * interval) and {@link dev.surmbench.report.stats.Difference} (paired or Welch test, with its {@link
 * dev.surmbench.report.stats.TestKind}). Pure functions over numbers; depends on nothing else in the
 * project.
 */
package dev.surmbench.report.stats;
