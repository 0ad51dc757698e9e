package dev.surmbench.data.glue;

/**
 * Which single number stands for a task in tables. A run declares its choice; both are computed
 * from the same {@link dev.surmbench.metrics.MetricScores}.
 */
public enum HeadlineConvention {
    /** The GLUE leaderboard: the mean of the task's metrics where there are two (MRPC, QQP, STS-B). */
    GLUE_LEADERBOARD,
    /** The SURM paper: one metric per task — CoLA MCC, MRPC F1, STS-B Spearman, accuracy elsewhere. */
    SURM_PAPER
}
