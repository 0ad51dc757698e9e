package dev.surmbench.report.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The result of a regression check: every comparison, in a stable order.
 *
 * @param rows every comparison made
 * @param skippedBaselineRows baseline rows for another backbone, not compared
 */
public record CheckReport(List<CheckRow> rows, int skippedBaselineRows) {

    private static final List<String> HEADER =
            List.of("STATUS", "CHECK", "TASK", "METHOD", "METRIC", "BASELINE", "OURS", "DELTA", "LIMIT", "DETAIL");

    public CheckReport {
        rows = List.copyOf(rows);
    }

    /** Comparisons that failed. */
    public List<CheckRow> failures() {
        return rows.stream().filter(r -> r.status() == CheckStatus.FAIL).toList();
    }

    public boolean passed() {
        return failures().isEmpty();
    }

    /** The table of every comparison, aligned in columns, then a one-line verdict. */
    public String table() {
        List<List<String>> cells = new ArrayList<>();
        cells.add(HEADER);
        for (CheckRow r : rows) {
            cells.add(List.of(r.status().name(), r.check(), r.task(), r.method(), r.metric(), r.baseline(), r.ours(),
                    r.delta(), r.limit(), r.detail()));
        }
        int[] width = new int[HEADER.size()];
        for (List<String> row : cells) {
            for (int i = 0; i < row.size(); i++) {
                width[i] = Math.max(width[i], row.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (List<String> row : cells) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                line.append(i == row.size() - 1 ? row.get(i) : String.format(Locale.ROOT, "%-" + width[i] + "s  ", row.get(i)));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        long pass = rows.stream().filter(r -> r.status() == CheckStatus.PASS).count();
        out.append(String.format(Locale.ROOT, "%s: %d comparisons, %d passed, %d failed, %d info%s%n",
                passed() ? "CHECK PASSED" : "CHECK FAILED", rows.size(), pass, failures().size(),
                rows.size() - pass - failures().size(),
                skippedBaselineRows > 0 ? "; " + skippedBaselineRows + " baseline rows for other backbones skipped" : ""));
        return out.toString();
    }
}
