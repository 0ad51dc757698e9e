package dev.surmbench.results;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one rule for rows that carry the same run id — within one rows file, across a results folder's
 * rows files (runs.csv and the shard files), among {@code merge}'s inputs, and in a baseline file's
 * {@code run_ids}. Every reader of recorded rows goes through it, so {@code report}, {@code check},
 * {@code run} (resume) and {@code merge} see the same rows:
 *
 * <ul>
 *   <li>rows whose cells are all equal are one row (a merged runs.csv repeats its shards' rows);</li>
 *   <li>a completed row supersedes a failed or diverged one (a retry recorded in another file);</li>
 *   <li>any other two rows for one id disagree: a {@link Disagreement} naming both places, the id and
 *   the differing columns. Nothing picks a winner silently.</li>
 * </ul>
 *
 * <p>The writer keeps it so: {@link ResultsLayout#record} replaces a run's row in every rows file
 * that holds it, so rows differ only when a file was edited or copied in by hand.
 */
public final class DuplicateRunIds {

    /**
     * One row as the rule sees it.
     *
     * @param value the row itself (returned by {@link #resolve})
     * @param cells its cells by column name, as written
     * @param completed whether it records a completed run (a completed row supersedes others)
     */
    public record Row<T>(T value, String runId, Path file, long line, Map<String, String> cells, boolean completed) {
        String place() {
            return file + ":" + line;
        }
    }

    /** Two rows for one run id that differ: bad input (exit 2), on one line, with the fix. */
    public static final class Disagreement extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        Disagreement(Row<?> first, Row<?> second, List<String> columns) {
            super(second.place() + ": run " + second.runId() + " has a different row at " + first.place()
                    + " (differing columns: " + String.join(", ", columns) + "); the two cannot both be right. "
                    + "Fix: delete the wrong row (or both rows and runs/" + second.runId() + "/ to train it again)");
        }
    }

    private DuplicateRunIds() {}

    /** One row per run id, in the order ids first appear; throws {@link Disagreement} when two rows for one id differ. */
    public static <T> List<T> resolve(List<Row<T>> rows) {
        Map<String, Row<T>> kept = new LinkedHashMap<>();
        for (Row<T> row : rows) {
            Row<T> earlier = kept.get(row.runId());
            if (earlier == null || (row.completed() && !earlier.completed())) {
                kept.put(row.runId(), row);
            } else if (row.completed() == earlier.completed()) {
                List<String> differing = differing(earlier.cells(), row.cells());
                if (!differing.isEmpty()) {
                    throw new Disagreement(earlier, row, differing);
                }
            }
        }
        List<T> out = new ArrayList<>();
        kept.values().forEach(r -> out.add(r.value()));
        return out;
    }

    /**
     * The names of the columns both rows have whose cells differ, in the first row's order (a column
     * one file lacks was added after it was written and is not compared).
     */
    static List<String> differing(Map<String, String> a, Map<String, String> b) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> e : a.entrySet()) {
            String other = b.get(e.getKey());
            if (other != null && !e.getValue().equals(other)) {
                out.add(e.getKey());
            }
        }
        return out;
    }
}
