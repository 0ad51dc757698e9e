package dev.surmbench.report.check;

/** Outcome of one comparison of the regression check. */
public enum CheckStatus {
    /** Within the limit. */
    PASS,
    /** A regression, a failed/diverged run, a changed parameter count or a missing run: exit code 1. */
    FAIL,
    /** Shown for information only (e.g. a row without a baseline). */
    INFO
}
