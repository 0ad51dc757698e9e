package dev.surmbench.report;

import dev.surmbench.report.stats.Summary;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The average headline score of one method row over a set of tasks (the GLUE average when the set
 * is the suite's GLUE tasks).
 *
 * <p>The headline number {@link #value()} is the mean of the per-task means, defined only when the
 * row has at least one completed run on every task of the set ({@link #missingTasks()} empty). The
 * spread comes from per-seed averages: for each seed with a completed run on every task, the mean
 * over tasks; {@link #perSeed()} summarises them (std and CI need ≥ 2 such seeds) and {@link
 * #bySeed()} feeds the paired comparisons of the claim verdicts.
 *
 * @param row the method row
 * @param tasks the tasks averaged over
 * @param missingTasks tasks of the set without a completed run of this row
 * @param value mean of the per-task means in points, NaN when a task is missing
 * @param perSeed summary of the per-seed averages
 * @param bySeed per-seed average by seed (complete seeds only)
 * @param trainable mean trainable (stored) parameters over the tasks, NaN when unknown
 */
public record TaskAverage(MethodKey row, List<String> tasks, List<String> missingTasks, double value,
        Summary perSeed, Map<Long, Double> bySeed, double trainable) {

    public TaskAverage {
        tasks = List.copyOf(tasks);
        missingTasks = List.copyOf(missingTasks);
        bySeed = Collections.unmodifiableSortedMap(new TreeMap<>(bySeed));
    }

    public boolean complete() {
        return missingTasks.isEmpty() && !tasks.isEmpty();
    }
}
