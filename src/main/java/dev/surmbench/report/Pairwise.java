package dev.surmbench.report;

import dev.surmbench.report.stats.Difference;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every SURM variant row against every row of its low-rank counterpart ({@link Counterparts}), per
 * task on the headline metric, and on the GLUE average when the suite has GLUE tasks. Differences
 * are variant − counterpart in points, paired by seed (see {@link Difference}).
 */
public final class Pairwise {
    private Pairwise() {}

    /** All comparisons of the suite: per task in task order, then on the GLUE average. */
    public static List<PairComparison> all(SuiteAggregate agg) {
        List<PairComparison> out = new ArrayList<>();
        for (String task : agg.tasks()) {
            out.addAll(onTask(agg, task));
        }
        out.addAll(onGlueAverage(agg));
        return out;
    }

    /** Comparisons on one task. */
    public static List<PairComparison> onTask(SuiteAggregate agg, String task) {
        List<PairComparison> out = new ArrayList<>();
        for (MethodKey variant : agg.rows()) {
            Optional<String> counterpart = Counterparts.of(variant.method());
            Optional<Cell> v = agg.cell(task, variant);
            if (counterpart.isEmpty() || v.isEmpty()) {
                continue;
            }
            for (MethodKey base : agg.rowsOf(counterpart.get())) {
                agg.cell(task, base).ifPresent(b -> out.add(new PairComparison(task, variant, base,
                        Difference.of(v.get().bySeed(), b.bySeed()), v.get().meanTrainable(), b.meanTrainable())));
            }
        }
        return out;
    }

    /** Comparisons on the GLUE average (rows complete on every GLUE task of the suite only). */
    public static List<PairComparison> onGlueAverage(SuiteAggregate agg) {
        List<PairComparison> out = new ArrayList<>();
        for (MethodKey variant : agg.rows()) {
            Optional<String> counterpart = Counterparts.of(variant.method());
            TaskAverage v = agg.glueAverages().get(variant);
            if (counterpart.isEmpty() || v == null || !v.complete()) {
                continue;
            }
            for (MethodKey base : agg.rowsOf(counterpart.get())) {
                TaskAverage b = agg.glueAverages().get(base);
                if (b != null && b.complete()) {
                    out.add(new PairComparison(PairComparison.GLUE_AVERAGE, variant, base,
                            Difference.of(v.bySeed(), b.bySeed()), v.trainable(), b.trainable()));
                }
            }
        }
        return out;
    }
}
