package dev.surmbench.suite.tune;

import dev.surmbench.results.AtomicFiles;
import dev.surmbench.suite.Suite;
import dev.surmbench.suite.Tuning;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Writes a tuning's winners as the overlay a suite pins ({@code pinned:}): per (task, method) the
 * learning rate, and under {@code tuning:} how it was chosen — the grid, the trial budget, the trial seeds, each rate's
 * mean validation score ({@code null}: cannot win), whether the winner is at the grid's edge, and the
 * trial run ids (in {@code <out>/<suite>-tune/}) — so anyone can check or re-tune it. Cells in task,
 * then method order; the same rows give the same bytes. Written atomically. A tuning of some cells
 * ({@code tune --task T}) keeps the other cells' entries of the existing file, byte for byte.
 */
public final class PinnedFile {
    private PinnedFile() {}

    /**
     * The file's text for {@code winners} of {@code suite}'s {@code tuning}, with the entries of the cells
     * named in {@code kept} ("task/method") taken from {@code previous} (the existing file's text; "" for none).
     */
    public static String text(Suite suite, Path suiteFile, Tuning tuning, List<Winners.Winner> winners, String previous,
                              Set<String> kept) {
        List<Long> seeds = tuning.seeds();
        StringBuilder out = new StringBuilder();
        out.append("# Written by `surm-bench tune ").append(suiteFile).append("` from the trials in <out>/")
                .append(suite.name()).append("-tune/.\n")
                .append("# Pinned by the suite (`pinned:`): `surm-bench run` runs the final stage at these rates.\n")
                .append("# Tune again rather than edit; `tuning.grid` must match the suite's grid or the pin is stale.\n");
        Map<List<String>, String> entries = new TreeMap<>(Comparator.comparing((List<String> k) -> k.get(0))
                .thenComparing(k -> k.get(1)));
        entries(previous).forEach((cell, entry) -> {
            if (kept.contains(cell.get(0) + "/" + cell.get(1))) {
                entries.put(cell, entry);
            }
        });
        if (!entries.isEmpty()) {
            out.append("# Tuned in parts (`tune --task/--method`): each entry names its own budget, seeds and trials.\n");
        }
        out.append("suite: ").append(suite.name()).append('\n');
        out.append("rule: \"").append(Winners.RULE).append("\"\n");
        out.append("overrides:\n");
        for (Winners.Winner w : winners) {
            entries.put(List.of(w.cell().task(), w.cell().method()), entry(tuning, seeds, w));
        }
        entries.values().forEach(out::append);
        return out.toString();
    }

    /** The entries of a pinned file's text by (task, method label), each its lines as written. */
    static Map<List<String>, String> entries(String text) {
        Map<List<String>, String> out = new LinkedHashMap<>();
        String[] parts = text.split("(?m)^(?=  - task: )");
        for (String part : parts) {
            Matcher m = ENTRY.matcher(part);
            if (m.find()) {
                out.put(List.of(m.group(1), m.group(2)), part.endsWith("\n") ? part : part + "\n");
            }
        }
        return out;
    }

    private static final Pattern ENTRY = Pattern.compile("\\A  - task: (\\S+)\\n    method: (\\S+)\\n");

    private static String entry(Tuning tuning, List<Long> seeds, Winners.Winner w) {
        StringBuilder out = new StringBuilder();
        out.append("  - task: ").append(w.cell().task()).append('\n');
        out.append("    method: ").append(w.cell().method()).append('\n');
        out.append("    learning_rate: ").append(number(w.learningRate())).append('\n');
        out.append("    tuning:\n");
        out.append("      grid: ").append(list(w.points().stream().map(p -> number(p.learningRate())).toList())).append('\n');
        out.append("      budget: ").append(Tuning.describeBudget(w.cell().budget())).append('\n');
        out.append("      seeds: ").append(list(seeds.stream().map(String::valueOf).toList())).append('\n');
        out.append("      rank: ").append(tuning.ranking().of(w.cell().task()).key).append('\n');
        out.append("      validation: ").append(list(w.points().stream().map(p -> number(p.meanValidation())).toList()))
                .append('\n');
        out.append("      edge: ").append(w.edge()).append('\n');
        out.append("      trials: ").append(list(w.runIds())).append('\n');
        return out.toString();
    }

    /** Writes {@link #text} to {@code file}, atomically, keeping the entries of the cells in {@code kept}. */
    public static void write(Path file, Suite suite, Path suiteFile, Tuning tuning, List<Winners.Winner> winners,
                             Set<String> kept) throws IOException {
        String previous = kept.isEmpty() || !Files.exists(file) ? "" : Files.readString(file);
        AtomicFiles.write(file, text(suite, suiteFile, tuning, winners, previous, kept));
    }

    /** The shortest decimal that reads back as the same double; {@code null} for NaN. */
    public static String number(double v) {
        return Double.isNaN(v) ? "null" : Double.isInfinite(v) ? "null" : BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private static String list(List<String> items) {
        return items.stream().collect(Collectors.joining(", ", "[", "]"));
    }
}
