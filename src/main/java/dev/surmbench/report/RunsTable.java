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

    /** Every runs.csv column, in runs.csv's order ({@link RunRecord#COLUMNS}), and how it becomes table columns. */
    private static final List<Spec> SPECS = List.of(
            text("run_id", RunRecord::runId), text("suite", RunRecord::suite), text("task", RunRecord::task),
            text("method", RunRecord::method), text("label", RunRecord::label),
            text("method_options", RunRecord::methodOptions), count("seed", RunRecord::seed),
            text("backbone", RunRecord::backbone), text("status", r -> r.status().csvName()),
            text("status_detail", RunRecord::statusDetail), text("headline_metric", RunRecord::headlineMetric),
            number("best_value", RunRecord::bestValue), number("last_value", RunRecord::lastValue),
            count("best_epoch", RunRecord::bestEpoch), metrics("metrics_best", BEST, RunRecord::metricsBest),
            metrics("metrics_last", LAST, RunRecord::metricsLast),
            metrics("metrics_trivial", TRIVIAL, RunRecord::metricsTrivial),
            count("trainable_stored", RunRecord::trainableStored),
            count("trainable_effective", RunRecord::trainableEffective),
            count("head_parameters", RunRecord::headParameters), count("total_parameters", RunRecord::totalParameters),
            count("epochs", RunRecord::epochs), count("steps", RunRecord::steps),
            number("train_examples_per_s", RunRecord::trainExamplesPerSecond),
            number("train_tokens_per_s", RunRecord::trainTokensPerSecond),
            number("eval_examples_per_s", RunRecord::evalExamplesPerSecond),
            number("wall_seconds", RunRecord::wallSeconds), number("peak_heap_mb", RunRecord::peakHeapMb),
            number("peak_native_mb", RunRecord::peakNativeMb), text("device", r -> r.device().device()),
            text("device_name", r -> r.device().name()), text("gpu_driver", r -> r.device().gpuDriver()),
            text("cuda_version", r -> r.device().cudaVersion()),
            number("gpu_memory_total_mb", r -> r.device().gpuMemoryTotalMb()),
            number("gpu_memory_peak_mb", r -> r.device().gpuMemoryPeakMb()), count("threads", RunRecord::threads),
            text("started_at", RunRecord::startedAt), text("finished_at", RunRecord::finishedAt),
            text("git_commit", RunRecord::gitCommit));

    /**
     * One runs.csv column and the table column(s) it becomes.
     *
     * @param csvName the runs.csv column
     * @param columns builds its table columns from the runs
     */
    private record Spec(String csvName, Function<List<RunRecord>, List<? extends Column<?>>> columns) {}

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
        SPECS.forEach(spec -> columns.addAll(spec.columns().apply(runs)));
        return Table.create(name, columns);
    }

    /** The runs.csv columns the table covers, in order (equal to {@link RunRecord#COLUMNS}). */
    static List<String> csvColumns() {
        return SPECS.stream().map(Spec::csvName).toList();
    }

    private static Spec text(String name, Function<RunRecord, String> f) {
        return new Spec(name, runs -> List.of(
                StringColumn.create(name, runs.stream().map(r -> Objects.toString(f.apply(r), "")).toList())));
    }

    private static Spec count(String name, ToLongFunction<RunRecord> f) {
        return new Spec(name, runs -> List.of(LongColumn.create(name, runs.stream().mapToLong(f).toArray())));
    }

    private static Spec number(String name, ToDoubleFunction<RunRecord> f) {
        return new Spec(name, runs -> List.of(doubles(name, runs, f)));
    }

    /** One column per metric any run names in its map, sorted by metric; NaN where a run lacks it. */
    private static Spec metrics(String name, String prefix, Function<RunRecord, Map<String, Double>> map) {
        return new Spec(name, runs -> {
            TreeSet<String> metrics = new TreeSet<>();
            runs.forEach(r -> metrics.addAll(map.apply(r).keySet()));
            return metrics.stream()
                    .map(m -> doubles(prefix + m, runs, r -> map.apply(r).getOrDefault(m, Double.NaN))).toList();
        });
    }

    private static DoubleColumn doubles(String name, List<RunRecord> runs, ToDoubleFunction<RunRecord> f) {
        return DoubleColumn.create(name, runs.stream().mapToDouble(f).toArray());
    }
}
