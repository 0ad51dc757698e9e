/**
 * Rendering a report: {@link dev.surmbench.report.render.ReportViewBuilder} turns the aggregate,
 * verdicts, baselines and {@link dev.surmbench.report.render.ProvenanceSummary} into a {@link
 * dev.surmbench.report.render.ReportView} of pre-formatted strings, and {@link
 * dev.surmbench.report.render.ReportWriter} lays it out with FreeMarker (HTML and Markdown, both
 * escaped), with {@link dev.surmbench.report.render.ChartData} (the figures and their captions; learning
 * curves from each run's run.json through {@link dev.surmbench.report.render.LearningCurves}) and the
 * inlined ECharts library. The page's parts, in order, are the {@code part-*.ftlh} templates.
 *
 * <p>Uses {@code report}, {@code report.baseline}, {@code report.stats} and {@code results}; knows
 * nothing of training, models or the regression check.
 */
package dev.surmbench.report.render;
