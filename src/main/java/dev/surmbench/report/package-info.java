/**
 * The report of one suite folder: {@link dev.surmbench.report.Report} reads its runs, {@link
 * dev.surmbench.report.RunsTable} turns them into a typed Tablesaw table (also for jshell and
 * notebooks: {@code RunsTable.load(runsCsv)}), {@link dev.surmbench.report.Aggregator} groups and
 * summarises that table with Tablesaw per task and method row ({@link
 * dev.surmbench.report.GroupSummaries} → {@link dev.surmbench.report.Cell}, {@link
 * dev.surmbench.report.TaskAverage}, {@link dev.surmbench.report.TrivialFloor}, {@link
 * dev.surmbench.report.SuiteAggregate}), {@link dev.surmbench.report.Pairwise} and {@link
 * dev.surmbench.report.Claims} judge the paper's claims, {@link dev.surmbench.report.ProtocolComparison}
 * sets the clean protocol beside the paper's, {@link dev.surmbench.report.TuningResults} draws the tuning
 * stage's trials ({@code <suite>-tune}) without ever choosing a winner itself, and {@code report.render}
 * writes the files.
 *
 * <p>Reads only what {@code results} records; a task's family (GLUE, image, other) comes from
 * {@link dev.surmbench.data.TaskDomain}, the task catalogs' one notion of it. Knows nothing of
 * training, models, {@code peft} or suites (method names are opaque strings).
 */
package dev.surmbench.report;
