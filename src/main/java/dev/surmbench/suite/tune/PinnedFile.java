package dev.surmbench.suite.tune;

import dev.surmbench.results.AtomicFiles;
import dev.surmbench.suite.Suite;
import dev.surmbench.suite.Tuning;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes a tuning's winners as the overlay a suite pins ({@code pinned:}): per (task, method) the
 * learning rate, and under {@code tuning:} how it was chosen — the grid, the trial seeds, each rate's
 * mean validation score ({@code null}: cannot win), whether the winner is at the grid's edge, and the
 * trial run ids (in {@code <out>/<suite>-tune/}) — so anyone can check or re-tune it. Cells in task,
 * then method order; the same rows give the same bytes. Written atomically.
 */
public final class PinnedFile {
    private PinnedFile() {}

    /** The file's text for {@code winners} of {@code suite}'s {@code tuning}. */
    public static String text(Suite suite, Path suiteFile, Tuning tuning, List<Winners.Winner> winners) {
        List<Long> seeds = tuning.seeds();
        StringBuilder out = new StringBuilder();
        out.append("# Written by `surm-bench tune ").append(suiteFile).append("` from the trials in <out>/")
                .append(suite.name()).append("-tune/.\n")
                .append("# Pinned by the suite (`pinned:`): `surm-bench run` runs the final stage at these rates.\n")
                .append("# Tune again rather than edit; `tuning.grid` must match the suite's grid or the pin is stale.\n");
        out.append("suite: ").append(suite.name()).append('\n');
        out.append("rule: \"").append(Winners.RULE).append("\"\n");
        out.append("overrides:\n");
        List<Winners.Winner> ordered = winners.stream().sorted(Comparator.comparing((Winners.Winner w) -> w.cell().task())
                .thenComparing(w -> w.cell().method())).toList();
        for (Winners.Winner w : ordered) {
            out.append("  - task: ").append(w.cell().task()).append('\n');
            out.append("    method: ").append(w.cell().method()).append('\n');
            out.append("    learning_rate: ").append(number(w.learningRate())).append('\n');
            out.append("    tuning:\n");
            out.append("      grid: ").append(list(w.points().stream().map(p -> number(p.learningRate())).toList())).append('\n');
            out.append("      seeds: ").append(list(seeds.stream().map(String::valueOf).toList())).append('\n');
            out.append("      rank: ").append(tuning.ranking().of(w.cell().task()).key).append('\n');
            out.append("      validation: ").append(list(w.points().stream().map(p -> number(p.meanValidation())).toList()))
                    .append('\n');
            out.append("      edge: ").append(w.edge()).append('\n');
            out.append("      trials: ").append(list(w.runIds())).append('\n');
        }
        return out.toString();
    }

    /** Writes {@link #text} to {@code file}, atomically. */
    public static void write(Path file, Suite suite, Path suiteFile, Tuning tuning, List<Winners.Winner> winners)
            throws IOException {
        AtomicFiles.write(file, text(suite, suiteFile, tuning, winners));
    }

    /** The shortest decimal that reads back as the same double; {@code null} for NaN. */
    public static String number(double v) {
        return Double.isNaN(v) ? "null" : Double.isInfinite(v) ? "null" : BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private static String list(List<String> items) {
        return items.stream().collect(Collectors.joining(", ", "[", "]"));
    }
}
