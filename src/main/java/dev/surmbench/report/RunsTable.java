package dev.surmbench.report;

import dev.surmbench.results.RunColumn;
import dev.surmbench.results.RunRecord;
import dev.surmbench.results.RunsCsv;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A suite's runs.csv as a Tablesaw {@link Table}, one row per run in file order: the table the
 * {@link Aggregator} groups and summarises, and the one to explore from jshell or a notebook with
 * {@link #load}.
 *
 * <p>Columns are runs.csv's ({@link RunColumn}: names, order and types stated once there), typed:
 * text as strings ({@code run_id}, {@code task},
 * {@code status} as written, e.g. {@code completed}, …), counts as longs ({@code seed}, {@code
 * trainable_stored}, {@code steps}, …) and measurements as doubles ({@code best_value}, {@code
 * wall_seconds}, …). The device is spread over its runs.csv columns ({@code device}, {@code
 * device_name}, {@code gpu_driver}, …). Each metrics map becomes one double column per metric named
 * in the suite, in place of the map: {@code best.<metric>} for {@code metrics_best}, {@code
 * last.<metric>} for {@code metrics_last}, {@code trivial.<metric>} for {@code metrics_trivial};
 * a run without that metric holds a missing value (NaN). Values are as recorded (fractions stay
 * fractions; {@link MetricScale} turns them into points).
 */
public final class RunsTable {
    /** Prefix of the columns holding {@code metrics_best}. */
    static final String BEST = "best.";
    /** Prefix of the columns holding {@code metrics_last}. */
    static final String LAST = "last.";
    /** Prefix of the columns holding {@code metrics_trivial}. */
    static final String TRIVIAL = "trivial.";

    private RunsTable() {}

    /**
     * The runs of {@code runsCsv} (read by {@link RunsCsv#read}) as a typed table named after the file;
     * no rows when the file does not exist.
     */
    public static Table load(Path runsCsv) {
        return of(String.valueOf(runsCsv.getFileName()), RunsCsv.read(runsCsv));
    }

    /** {@code runs} as a typed table named {@code name}, one row per run in list order. */
    static Table of(String name, List<RunRecord> runs) {
        List<Column<?>> columns = new ArrayList<>();
        for (RunColumn column : RunColumn.values()) {
            String csv = column.csvName;
            switch (column.type) {
                case TEXT -> columns.add(StringColumn.create(csv,
                        runs.stream().map(r -> Objects.toString(column.value(r), "")).toList()));
                case INTEGER -> columns.add(LongColumn.create(csv,
                        runs.stream().mapToLong(r -> ((Number) column.value(r)).longValue()).toArray()));
                case NUMBER -> columns.add(doubles(csv, runs, r -> ((Number) column.value(r)).doubleValue()));
                case METRICS -> columns.addAll(metricColumns(prefix(column), runs, r -> metrics(column, r)));
            }
        }
        return Table.create(name, columns);
    }

    /** {@code metrics_best} → {@code best.}: the prefix of a metrics column's per-metric columns. */
    private static String prefix(RunColumn column) {
        return column.csvName.substring(column.csvName.indexOf('_') + 1) + ".";
    }

    @SuppressWarnings("unchecked") // a METRICS column's value is the record's Map<String, Double>
    private static Map<String, Double> metrics(RunColumn column, RunRecord run) {
        return (Map<String, Double>) column.value(run);
    }

    /** One column per metric any run names in its map, sorted by metric; NaN where a run lacks it. */
    private static List<DoubleColumn> metricColumns(String prefix, List<RunRecord> runs,
                                                    Function<RunRecord, Map<String, Double>> map) {
        TreeSet<String> metrics = new TreeSet<>();
        runs.forEach(r -> metrics.addAll(map.apply(r).keySet()));
        return metrics.stream().map(m -> doubles(prefix + m, runs, r -> map.apply(r).getOrDefault(m, Double.NaN))).toList();
    }

    private static DoubleColumn doubles(String name, List<RunRecord> runs, ToDoubleFunction<RunRecord> f) {
        return DoubleColumn.create(name, runs.stream().mapToDouble(f).toArray());
    }
}
