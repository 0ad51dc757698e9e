package dev.surmbench.report;

import static tech.tablesaw.aggregate.AggregateFunctions.count;
import static tech.tablesaw.aggregate.AggregateFunctions.first;
import static tech.tablesaw.aggregate.AggregateFunctions.max;
import static tech.tablesaw.aggregate.AggregateFunctions.mean;
import static tech.tablesaw.aggregate.AggregateFunctions.min;
import static tech.tablesaw.aggregate.AggregateFunctions.stdDev;

import dev.surmbench.report.stats.Summary;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import tech.tablesaw.aggregate.AggregateFunction;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

/**
 * The per-group summaries of a {@link RunsTable}, computed by Tablesaw ({@code summarize(…).by(task,
 * method, label)}): mean, sample standard deviation and count of double columns as a {@link Summary},
 * min and max of long columns as a {@link Range}, and a column's first value per seed. Missing values
 * (NaN) are not counted; rows are taken in table order, so sort the table first where order matters.
 */
final class GroupSummaries {
    /** The columns a report cell is grouped by. */
    static final String[] GROUP = {"task", "method", "label"};
    private static final String[] GROUP_AND_SEED =
            Stream.concat(Arrays.stream(GROUP), Stream.of("seed")).toArray(String[]::new);

    private GroupSummaries() {}

    /** Per group, the {@link Summary} of each of {@code columns} (absent for groups without rows). */
    static Map<GroupKey, Map<String, Summary>> summaries(Table table, List<String> columns) {
        Map<GroupKey, Map<String, Summary>> out = new TreeMap<>();
        if (columns.isEmpty()) {
            return out;
        }
        for (Row row : table.summarize(columns, mean, stdDev, count).by(GROUP)) {
            Map<String, Summary> byColumn = out.computeIfAbsent(key(row), k -> new TreeMap<>());
            for (String c : columns) {
                byColumn.put(c, Summary.fromSample(Math.round(row.getDouble(name(count, c))),
                        row.getDouble(name(mean, c)), row.getDouble(name(stdDev, c))));
            }
        }
        return out;
    }

    /** Per group, the {@link Range} of each of the long {@code columns} (absent for groups without rows). */
    static Map<GroupKey, Map<String, Range>> ranges(Table table, List<String> columns) {
        Map<GroupKey, Map<String, Range>> out = new TreeMap<>();
        for (Row row : table.summarize(columns, min, max).by(GROUP)) {
            Map<String, Range> byColumn = out.computeIfAbsent(key(row), k -> new TreeMap<>());
            for (String c : columns) {
                byColumn.put(c, new Range((long) row.getDouble(name(min, c)), (long) row.getDouble(name(max, c))));
            }
        }
        return out;
    }

    /**
     * Per group, the first value of {@code column} for each seed, in table order (rows with a missing
     * value skipped): one value per seed when a seed ran more than once.
     */
    static Map<GroupKey, Map<Long, Double>> firstBySeed(Table table, String column) {
        Table present = table.where(table.doubleColumn(column).isNotMissing());
        Map<GroupKey, Map<Long, Double>> out = new TreeMap<>();
        for (Row row : present.summarize(column, first).by(GROUP_AND_SEED)) {
            out.computeIfAbsent(key(row), k -> new TreeMap<>())
                    .put(row.getLong("seed"), row.getDouble(name(first, column)));
        }
        return out;
    }

    /** The column Tablesaw names for {@code function} of {@code column}. */
    static String name(AggregateFunction<?, ?> function, String column) {
        return function.functionName() + " [" + column + "]";
    }

    private static GroupKey key(Row row) {
        return GroupKey.of(row.getString("task"), row.getString("method"), row.getString("label"));
    }
}
