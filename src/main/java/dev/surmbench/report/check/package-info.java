/**
 * The regression gate: {@link dev.surmbench.report.check.RegressionCheck} compares a suite's aggregate
 * with a baseline file under {@link dev.surmbench.report.check.CheckOptions} and returns a {@link
 * dev.surmbench.report.check.CheckReport} of {@link dev.surmbench.report.check.CheckRow}s; {@link
 * dev.surmbench.report.check.ReferenceBaseline} writes a suite's own results as a baseline.
 *
 * <p>Uses {@code report}, {@code report.baseline}, {@code report.stats} and {@code results}; knows
 * nothing of rendering, training or models.
 */
package dev.surmbench.report.check;
