package dev.surmbench.report;

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
import java.util.function.ToLongFunction;
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
 * <p>Columns keep runs.csv's names and order, typed: text as strings ({@code run_id}, {@code task},
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
        columns.add(text("run_id", runs, RunRecord::runId));
        columns.add(text("suite", runs, RunRecord::suite));
        columns.add(text("task", runs, RunRecord::task));
        columns.add(text("method", runs, RunRecord::method));
        columns.add(text("label", runs, RunRecord::label));
        columns.add(text("method_options", runs, RunRecord::methodOptions));
        columns.add(count("seed", runs, RunRecord::seed));
        columns.add(text("backbone", runs, RunRecord::backbone));
        columns.add(text("status", runs, r -> r.status().csvName()));
        columns.add(text("status_detail", runs, RunRecord::statusDetail));
        columns.add(text("headline_metric", runs, RunRecord::headlineMetric));
        columns.add(number("best_value", runs, RunRecord::bestValue));
        columns.add(number("last_value", runs, RunRecord::lastValue));
        columns.add(count("best_epoch", runs, RunRecord::bestEpoch));
        columns.addAll(metrics(BEST, runs, RunRecord::metricsBest));
        columns.addAll(metrics(LAST, runs, RunRecord::metricsLast));
        columns.addAll(metrics(TRIVIAL, runs, RunRecord::metricsTrivial));
        columns.add(count("trainable_stored", runs, RunRecord::trainableStored));
        columns.add(count("trainable_effective", runs, RunRecord::trainableEffective));
        columns.add(count("head_parameters", runs, RunRecord::headParameters));
        columns.add(count("total_parameters", runs, RunRecord::totalParameters));
        columns.add(count("epochs", runs, RunRecord::epochs));
        columns.add(count("steps", runs, RunRecord::steps));
        columns.add(number("train_examples_per_s", runs, RunRecord::trainExamplesPerSecond));
        columns.add(number("train_tokens_per_s", runs, RunRecord::trainTokensPerSecond));
        columns.add(number("eval_examples_per_s", runs, RunRecord::evalExamplesPerSecond));
        columns.add(number("wall_seconds", runs, RunRecord::wallSeconds));
        columns.add(number("peak_heap_mb", runs, RunRecord::peakHeapMb));
        columns.add(number("peak_native_mb", runs, RunRecord::peakNativeMb));
        columns.add(text("device", runs, r -> r.device().device()));
        columns.add(text("device_name", runs, r -> r.device().name()));
        columns.add(text("gpu_driver", runs, r -> r.device().gpuDriver()));
        columns.add(text("cuda_version", runs, r -> r.device().cudaVersion()));
        columns.add(number("gpu_memory_total_mb", runs, r -> r.device().gpuMemoryTotalMb()));
        columns.add(number("gpu_memory_peak_mb", runs, r -> r.device().gpuMemoryPeakMb()));
        columns.add(count("threads", runs, RunRecord::threads));
        columns.add(text("started_at", runs, RunRecord::startedAt));
        columns.add(text("finished_at", runs, RunRecord::finishedAt));
        columns.add(text("git_commit", runs, RunRecord::gitCommit));
        return Table.create(name, columns);
    }

    private static StringColumn text(String name, List<RunRecord> runs, Function<RunRecord, String> f) {
        return StringColumn.create(name, runs.stream().map(r -> Objects.toString(f.apply(r), "")).toList());
    }

    private static LongColumn count(String name, List<RunRecord> runs, ToLongFunction<RunRecord> f) {
        return LongColumn.create(name, runs.stream().mapToLong(f).toArray());
    }

    private static DoubleColumn number(String name, List<RunRecord> runs, ToDoubleFunction<RunRecord> f) {
        return DoubleColumn.create(name, runs.stream().mapToDouble(f).toArray());
    }

    /** One column per metric any run names in its map, sorted by metric; NaN where a run lacks it. */
    private static List<DoubleColumn> metrics(String prefix, List<RunRecord> runs,
            Function<RunRecord, Map<String, Double>> map) {
        TreeSet<String> names = new TreeSet<>();
        runs.forEach(r -> names.addAll(map.apply(r).keySet()));
        return names.stream()
                .map(m -> number(prefix + m, runs, r -> map.apply(r).getOrDefault(m, Double.NaN))).toList();
    }
}
