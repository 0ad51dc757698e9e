/**
 * The report of one suite folder: {@link dev.surmbench.report.Report} reads its runs, {@link
 * dev.surmbench.report.Aggregator} summarises them per task and method row ({@link
 * dev.surmbench.report.Cell}, {@link dev.surmbench.report.TaskAverage}, {@link
 * dev.surmbench.report.SuiteAggregate}), {@link dev.surmbench.report.Pairwise} and {@link
 * dev.surmbench.report.Claims} judge the paper's claims, and {@code report.render} writes the files.
 *
 * <p>Reads only what {@code results} records; knows nothing of training, models, {@code peft} or
 * suites (task and method names are opaque strings).
 */
package dev.surmbench.report;
