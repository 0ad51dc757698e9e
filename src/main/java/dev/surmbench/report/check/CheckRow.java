package dev.surmbench.report.check;

/**
 * One line of the check table.
 *
 * @param status pass, fail or info
 * @param check what was compared: metric, runs, status, params, throughput or coverage
 * @param task the task
 * @param method the method row (label [method])
 * @param metric the metric, or empty
 * @param baseline the baseline's number, or "–"
 * @param ours our number, or "–"
 * @param delta ours − baseline, or "–"
 * @param limit the allowed limit, or "–"
 * @param detail why, in words
 */
public record CheckRow(CheckStatus status, String check, String task, String method, String metric, String baseline,
        String ours, String delta, String limit, String detail) {}
