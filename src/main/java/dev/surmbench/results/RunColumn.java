package dev.surmbench.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.apache.commons.csv.CSVRecord;

/**
 * The columns of runs.csv, in file order, each stated once: its name, the value a {@link RunRecord}
 * writes there and how a cell is read back. {@link RunRecord#COLUMNS} and {@link RunsCsv}'s writer and
 * reader all derive from this list. The {@link #added} columns came after runs.csv was first written:
 * a file may lack them (see {@link RunsCsv}).
 */
public enum RunColumn {
    RUN_ID("run_id", CellType.TEXT, RunRecord::runId, (r, c) -> r.runId = c.text()),
    SUITE("suite", CellType.TEXT, RunRecord::suite, (r, c) -> r.suite = c.text()),
    TASK("task", CellType.TEXT, RunRecord::task, (r, c) -> r.task = c.text()),
    METHOD("method", CellType.TEXT, RunRecord::method, (r, c) -> r.method = c.text()),
    LABEL("label", CellType.TEXT, RunRecord::label, (r, c) -> r.label = c.text()),
    METHOD_OPTIONS("method_options", CellType.TEXT, RunRecord::methodOptions, (r, c) -> r.methodOptions = c.text()),
    SEED("seed", CellType.INTEGER, RunRecord::seed, (r, c) -> r.seed = c.integer()),
    BACKBONE("backbone", CellType.TEXT, RunRecord::backbone, (r, c) -> r.backbone = c.text()),
    STATUS("status", CellType.TEXT, r -> r.status().csvName(), (r, c) -> r.status = c.status()),
    STATUS_DETAIL("status_detail", CellType.TEXT, RunRecord::statusDetail, (r, c) -> r.statusDetail = c.text()),
    HEADLINE_METRIC("headline_metric", CellType.TEXT, RunRecord::headlineMetric, (r, c) -> r.headlineMetric = c.text()),
    BEST_VALUE("best_value", CellType.NUMBER, RunRecord::bestValue, (r, c) -> r.bestValue = c.number()),
    LAST_VALUE("last_value", CellType.NUMBER, RunRecord::lastValue, (r, c) -> r.lastValue = c.number()),
    BEST_EPOCH("best_epoch", CellType.INTEGER, RunRecord::bestEpoch, (r, c) -> r.bestEpoch = (int) c.integer()),
    METRICS_BEST("metrics_best", CellType.METRICS, RunRecord::metricsBest, (r, c) -> r.metricsBest = c.metrics()),
    METRICS_LAST("metrics_last", CellType.METRICS, RunRecord::metricsLast, (r, c) -> r.metricsLast = c.metrics()),
    /** Without it the trivial floor reads as empty (unknown). */
    METRICS_TRIVIAL("metrics_trivial", CellType.METRICS, RunRecord::metricsTrivial, (r, c) -> r.metricsTrivial = c.metrics(), true),
    TRAINABLE_STORED("trainable_stored", CellType.INTEGER, RunRecord::trainableStored, (r, c) -> r.trainableStored = c.integer()),
    TRAINABLE_EFFECTIVE("trainable_effective", CellType.INTEGER, RunRecord::trainableEffective, (r, c) -> r.trainableEffective = c.integer()),
    HEAD_PARAMETERS("head_parameters", CellType.INTEGER, RunRecord::headParameters, (r, c) -> r.headParameters = c.integer()),
    TOTAL_PARAMETERS("total_parameters", CellType.INTEGER, RunRecord::totalParameters, (r, c) -> r.totalParameters = c.integer()),
    EPOCHS("epochs", CellType.INTEGER, RunRecord::epochs, (r, c) -> r.epochs = (int) c.integer()),
    STEPS("steps", CellType.INTEGER, RunRecord::steps, (r, c) -> r.steps = c.integer()),
    TRAIN_EXAMPLES_PER_S("train_examples_per_s", CellType.NUMBER, RunRecord::trainExamplesPerSecond, (r, c) -> r.trainExamplesPerSecond = c.number()),
    TRAIN_TOKENS_PER_S("train_tokens_per_s", CellType.NUMBER, RunRecord::trainTokensPerSecond, (r, c) -> r.trainTokensPerSecond = c.number()),
    EVAL_EXAMPLES_PER_S("eval_examples_per_s", CellType.NUMBER, RunRecord::evalExamplesPerSecond, (r, c) -> r.evalExamplesPerSecond = c.number()),
    WALL_SECONDS("wall_seconds", CellType.NUMBER, RunRecord::wallSeconds, (r, c) -> r.wallSeconds = c.number()),
    PEAK_HEAP_MB("peak_heap_mb", CellType.NUMBER, RunRecord::peakHeapMb, (r, c) -> r.peakHeapMb = c.number()),
    PEAK_NATIVE_MB("peak_native_mb", CellType.NUMBER, RunRecord::peakNativeMb, (r, c) -> r.peakNativeMb = c.number()),
    /** Without {@code device_name} this is the old column (CPU model plus an unused GPU count): a CPU run on that CPU. */
    DEVICE("device", CellType.TEXT, r -> r.device().device(), (r, c) -> r.device = c.device()),
    DEVICE_NAME("device_name", CellType.TEXT, r -> r.device().name(), (r, c) -> r.deviceName = c.text(), true),
    GPU_DRIVER("gpu_driver", CellType.TEXT, r -> r.device().gpuDriver(), (r, c) -> r.gpuDriver = c.text(), true),
    CUDA_VERSION("cuda_version", CellType.TEXT, r -> r.device().cudaVersion(), (r, c) -> r.cudaVersion = c.text(), true),
    GPU_MEMORY_TOTAL_MB("gpu_memory_total_mb", CellType.NUMBER, r -> r.device().gpuMemoryTotalMb(), (r, c) -> r.gpuMemoryTotalMb = c.number(), true),
    GPU_MEMORY_PEAK_MB("gpu_memory_peak_mb", CellType.NUMBER, r -> r.device().gpuMemoryPeakMb(), (r, c) -> r.gpuMemoryPeakMb = c.number(), true),
    THREADS("threads", CellType.INTEGER, RunRecord::threads, (r, c) -> r.threads = (int) c.integer()),
    STARTED_AT("started_at", CellType.TEXT, RunRecord::startedAt, (r, c) -> r.startedAt = c.text()),
    FINISHED_AT("finished_at", CellType.TEXT, RunRecord::finishedAt, (r, c) -> r.finishedAt = c.text()),
    GIT_COMMIT("git_commit", CellType.TEXT, RunRecord::gitCommit, (r, c) -> r.gitCommit = c.text()),
    /** Without it: unknown (NaN). */
    LEARNING_RATE("learning_rate", CellType.NUMBER, r -> r.protocol().learningRate(), (r, c) -> r.learningRate = c.number(), true),
    /** Without it: {@code dev} (rows written before validation splits chose their epoch on dev). */
    SELECTION("selection", CellType.TEXT, r -> r.protocol().selection().word(), (r, c) -> r.selection = c.selection(), true),
    VALIDATION_VALUE("validation_value", CellType.NUMBER, r -> r.protocol().validationValue(), (r, c) -> r.validationValue = c.number(), true),
    METRICS_VALIDATION("metrics_validation", CellType.METRICS, r -> r.protocol().metricsValidation(), (r, c) -> r.metricsValidation = c.metrics(), true),
    /** Without the dev-best columns: the best epoch's (such a row was selected on dev). */
    DEV_BEST_VALUE("dev_best_value", CellType.NUMBER, r -> r.protocol().devBestValue(), (r, c) -> r.devBestValue = c.number(), true),
    DEV_BEST_EPOCH("dev_best_epoch", CellType.INTEGER, r -> r.protocol().devBestEpoch(), (r, c) -> r.devBestEpoch = (int) c.integer(), true),
    METRICS_DEV_BEST("metrics_dev_best", CellType.METRICS, r -> r.protocol().metricsDevBest(), (r, c) -> r.metricsDevBest = c.metrics(), true);

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The header, in order. */
    static final List<String> NAMES = Arrays.stream(values()).map(c -> c.csvName).toList();

    /** How a column's values are typed. */
    public enum CellType {
        /** Text (an enum's word included: status, device). */
        TEXT,
        /** A whole number. */
        INTEGER,
        /** A real number; NaN for unknown. */
        NUMBER,
        /** A metric → value map, written as a JSON object with the metrics in name order. */
        METRICS
    }

    /** The column's name in runs.csv's header. */
    public final String csvName;
    /** How its values are typed. */
    public final CellType type;
    final boolean added;
    private final Function<RunRecord, Object> value;
    private final BiConsumer<Reading, Reading.CellReader> read;

    RunColumn(String csvName, CellType type, Function<RunRecord, Object> value,
              BiConsumer<Reading, Reading.CellReader> read) {
        this(csvName, type, value, read, false);
    }

    RunColumn(String csvName, CellType type, Function<RunRecord, Object> value,
              BiConsumer<Reading, Reading.CellReader> read, boolean added) {
        this.csvName = csvName;
        this.type = type;
        this.value = value;
        this.read = read;
        this.added = added;
    }

    /**
     * {@code record}'s value in this column, typed: a String ({@link CellType#TEXT}), a Number ({@link
     * CellType#INTEGER}, {@link CellType#NUMBER}) or a {@code Map<String, Double>} ({@link CellType#METRICS}).
     */
    public Object value(RunRecord record) {
        return value.apply(record);
    }

    /** What {@code record} writes in this runs.csv cell. */
    Object cell(RunRecord record) {
        Object v = value(record);
        return type == CellType.METRICS ? json(metricsOf(v)) : v;
    }

    @SuppressWarnings("unchecked") // METRICS columns read RunRecord's Map<String, Double> fields
    private static Map<String, Double> metricsOf(Object value) {
        return (Map<String, Double>) value;
    }

    /** Every cell of a runs.csv row that holds the column into its record; errors name file, line and field. */
    static RunRecord parse(Path file, long line, CSVRecord row) {
        Reading reading = new Reading(file, line, row);
        for (RunColumn column : values()) {
            if (!column.added || row.isMapped(column.csvName)) {
                column.read.accept(reading, reading.new CellReader(column.csvName));
            }
        }
        return reading.record();
    }

    private static String json(Map<String, Double> metrics) {
        try {
            return JSON.writeValueAsString(new TreeMap<>(metrics));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A row being read: the values read so far; an added column the file lacks keeps its default. */
    static final class Reading {
        private final Path file;
        private final long line;
        private final CSVRecord row;
        String runId, suite, task, method, label, methodOptions, backbone, statusDetail, headlineMetric;
        String startedAt, finishedAt, gitCommit, device, deviceName, gpuDriver = "", cudaVersion = "";
        long seed, trainableStored, trainableEffective, headParameters, totalParameters, steps;
        int bestEpoch, epochs, threads;
        double bestValue, lastValue, trainExamplesPerSecond, trainTokensPerSecond, evalExamplesPerSecond, wallSeconds;
        double peakHeapMb, peakNativeMb, gpuMemoryTotalMb = Double.NaN, gpuMemoryPeakMb = Double.NaN;
        RunStatus status;
        Map<String, Double> metricsBest, metricsLast, metricsTrivial = Map.of();
        double learningRate = Double.NaN, validationValue = Double.NaN;
        RunProtocol.Selection selection = RunProtocol.Selection.DEV;
        Map<String, Double> metricsValidation = Map.of();
        Double devBestValue;
        Integer devBestEpoch;
        Map<String, Double> metricsDevBest;

        private Reading(Path file, long line, CSVRecord row) {
            this.file = file;
            this.line = line;
            this.row = row;
        }

        RunRecord record() {
            return new RunRecord(runId, suite, task, method, label, methodOptions, seed, backbone, status, statusDetail,
                    headlineMetric, bestValue, lastValue, bestEpoch, metricsBest, metricsLast, metricsTrivial,
                    trainableStored, trainableEffective, headParameters, totalParameters, epochs, steps,
                    trainExamplesPerSecond, trainTokensPerSecond, evalExamplesPerSecond, wallSeconds, peakHeapMb,
                    peakNativeMb, deviceUsage(), threads, startedAt, finishedAt, gitCommit,
                    new RunProtocol(selection, learningRate, validationValue, metricsValidation,
                            devBestValue == null ? bestValue : devBestValue, devBestEpoch == null ? bestEpoch : devBestEpoch,
                            metricsDevBest == null ? metricsBest : metricsDevBest));
        }

        /** The device columns, or a file's pre-device-setting {@code device} column. */
        private DeviceUsage deviceUsage() {
            if (deviceName == null) {
                return DeviceUsage.fromLegacyColumn(device);
            }
            return new DeviceUsage(device, deviceName, gpuDriver, cudaVersion, gpuMemoryTotalMb, gpuMemoryPeakMb);
        }

        /** One field of the row, typed, with errors that name file, line and field. */
        final class CellReader {
            private final String name;

            CellReader(String name) {
                this.name = name;
            }

            String text() {
                if (!row.isSet(name)) {
                    throw new ResultsFormatException(file, line, name,
                            "missing (row has " + row.size() + " of " + NAMES.size() + " columns)");
                }
                return row.get(name);
            }

            long integer() {
                try {
                    return Long.parseLong(text());
                } catch (NumberFormatException e) {
                    throw new ResultsFormatException(file, line, name, "not an integer: '" + text() + "'");
                }
            }

            double number() {
                try {
                    return Double.parseDouble(text());
                } catch (NumberFormatException e) {
                    throw new ResultsFormatException(file, line, name, "not a number: '" + text() + "'");
                }
            }

            /** A device class ({@code cpu}, {@code cuda:N}); in an old file (no {@code device_name}) the old column's text. */
            String device() {
                String device = text();
                if (row.isMapped(DEVICE_NAME.csvName)) {
                    try {
                        DeviceUsage.classOf(device);
                    } catch (IllegalArgumentException e) {
                        throw new ResultsFormatException(file, line, name, e.getMessage());
                    }
                }
                return device;
            }

            RunStatus status() {
                try {
                    return RunStatus.parse(text());
                } catch (IllegalArgumentException e) {
                    throw new ResultsFormatException(file, line, name,
                            "'" + text() + "' is not one of completed, diverged, failed");
                }
            }

            RunProtocol.Selection selection() {
                try {
                    return RunProtocol.Selection.of(text());
                } catch (IllegalArgumentException e) {
                    throw new ResultsFormatException(file, line, name, e.getMessage());
                }
            }

            Map<String, Double> metrics() {
                try {
                    return JSON.readValue(text(), new TypeReference<LinkedHashMap<String, Double>>() {});
                } catch (JsonProcessingException e) {
                    throw new ResultsFormatException(file, line, name, "not a JSON object of numbers");
                }
            }
        }
    }
}
