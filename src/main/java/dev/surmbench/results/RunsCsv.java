package dev.surmbench.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads and writes {@code runs.csv}. Every write rewrites the whole file through {@link
 * AtomicFiles} (a suite has hundreds of rows, not millions), so a kill never leaves a partial row;
 * a re-run of the same run id replaces its row.
 */
public final class RunsCsv {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader(RunRecord.COLUMNS.toArray(String[]::new)).setRecordSeparator('\n').get();
    private static final CSVFormat READ = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();

    /**
     * Columns added after runs.csv was first written. A file may lack any of them — it was written
     * before they existed — and is still read: {@code metrics_trivial} then reads as empty (the floor
     * is unknown); without {@code device_name} the old {@code device} column (CPU model plus an unused
     * GPU count) is read as a CPU run on that CPU, with no GPU facts. Files are always written whole.
     */
    static final Set<String> ADDED_COLUMNS = Set.of("metrics_trivial", "device_name", "gpu_driver", "cuda_version",
            "gpu_memory_total_mb", "gpu_memory_peak_mb");

    private RunsCsv() {}

    /** All rows of {@code file}, or none when it does not exist. */
    public static List<RunRecord> read(Path file) {
        if (!Files.exists(file)) {
            return new ArrayList<>();
        }
        CsvTables.Table table = CsvTables.read(file, READ, ResultsFormatException::new);
        List<String> header = table.header();
        List<String> expected = RunRecord.COLUMNS.stream()
                .filter(col -> header.contains(col) || !ADDED_COLUMNS.contains(col)).toList();
        if (!header.equals(expected)) {
            throw new ResultsFormatException(file, 1, "header",
                    "columns " + header + " differ from the expected " + RunRecord.COLUMNS);
        }
        List<RunRecord> out = new ArrayList<>();
        for (CsvTables.Row row : table.rows()) {
            out.add(parse(file, row.line(), row.cells()));
        }
        return out;
    }

    /**
     * Adds {@code record}, replacing an earlier row with the same run id; atomic. A read-modify-write:
     * where other processes may write the same file, hold the folder's {@link FolderLock}.
     */
    public static synchronized void upsert(Path file, RunRecord record) throws IOException {
        Map<String, RunRecord> rows = new LinkedHashMap<>();
        for (RunRecord r : read(file)) {
            rows.put(r.runId(), r);
        }
        rows.put(record.runId(), record);
        write(file, new ArrayList<>(rows.values()));
    }

    /** Replaces {@code file} with exactly {@code records}; atomic. */
    public static void write(Path file, List<RunRecord> records) throws IOException {
        StringWriter text = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(text, FORMAT)) {
            for (RunRecord r : records) {
                printer.printRecord(values(r));
            }
        }
        AtomicFiles.write(file, text.toString());
    }

    private static List<Object> values(RunRecord r) throws JsonProcessingException {
        return List.of(r.runId(), r.suite(), r.task(), r.method(), r.label(), r.methodOptions(), r.seed(),
                r.backbone(), r.status().csvName(), r.statusDetail(), r.headlineMetric(), r.bestValue(),
                r.lastValue(), r.bestEpoch(), JSON.writeValueAsString(new TreeMap<>(r.metricsBest())),
                JSON.writeValueAsString(new TreeMap<>(r.metricsLast())),
                JSON.writeValueAsString(new TreeMap<>(r.metricsTrivial())), r.trainableStored(), r.trainableEffective(),
                r.headParameters(), r.totalParameters(), r.epochs(), r.steps(), r.trainExamplesPerSecond(),
                r.trainTokensPerSecond(), r.evalExamplesPerSecond(), r.wallSeconds(), r.peakHeapMb(),
                r.peakNativeMb(), r.device().device(), r.device().name(), r.device().gpuDriver(),
                r.device().cudaVersion(), r.device().gpuMemoryTotalMb(), r.device().gpuMemoryPeakMb(), r.threads(),
                r.startedAt(), r.finishedAt(), r.gitCommit());
    }

    private static RunRecord parse(Path file, long line, CSVRecord row) {
        Field f = new Field(file, line, row);
        return new RunRecord(f.text("run_id"), f.text("suite"), f.text("task"), f.text("method"), f.text("label"),
                f.text("method_options"), f.integer("seed"), f.text("backbone"), f.status(), f.text("status_detail"),
                f.text("headline_metric"), f.number("best_value"), f.number("last_value"), (int) f.integer("best_epoch"),
                f.metrics("metrics_best"), f.metrics("metrics_last"), row.isMapped("metrics_trivial") ? f.metrics("metrics_trivial") : Map.of(),
                f.integer("trainable_stored"),
                f.integer("trainable_effective"), f.integer("head_parameters"), f.integer("total_parameters"),
                (int) f.integer("epochs"), f.integer("steps"), f.number("train_examples_per_s"),
                f.number("train_tokens_per_s"), f.number("eval_examples_per_s"), f.number("wall_seconds"),
                f.number("peak_heap_mb"), f.number("peak_native_mb"), f.device(), (int) f.integer("threads"),
                f.text("started_at"), f.text("finished_at"), f.text("git_commit"));
    }

    /** Typed access to one row's fields with errors that name file, line and field. */
    private record Field(Path file, long line, CSVRecord row) {
        String text(String name) {
            if (!row.isSet(name)) {
                throw new ResultsFormatException(file, line, name,
                        "missing (row has " + row.size() + " of " + RunRecord.COLUMNS.size() + " columns)");
            }
            return row.get(name);
        }

        long integer(String name) {
            try {
                return Long.parseLong(text(name));
            } catch (NumberFormatException e) {
                throw new ResultsFormatException(file, line, name, "not an integer: '" + text(name) + "'");
            }
        }

        double number(String name) {
            try {
                return Double.parseDouble(text(name));
            } catch (NumberFormatException e) {
                throw new ResultsFormatException(file, line, name, "not a number: '" + text(name) + "'");
            }
        }

        /** The device columns, or a file's pre-device-setting {@code device} column. */
        DeviceUsage device() {
            if (!row.isMapped("device_name")) {
                return DeviceUsage.fromLegacyColumn(text("device"));
            }
            String device = text("device");
            try {
                DeviceUsage.classOf(device);
            } catch (IllegalArgumentException e) {
                throw new ResultsFormatException(file, line, "device", e.getMessage());
            }
            return new DeviceUsage(device, text("device_name"), optionalText("gpu_driver"), optionalText("cuda_version"),
                    optionalNumber("gpu_memory_total_mb"), optionalNumber("gpu_memory_peak_mb"));
        }

        String optionalText(String name) {
            return row.isMapped(name) ? text(name) : "";
        }

        double optionalNumber(String name) {
            return row.isMapped(name) ? number(name) : Double.NaN;
        }

        RunStatus status() {
            try {
                return RunStatus.parse(text("status"));
            } catch (IllegalArgumentException e) {
                throw new ResultsFormatException(file, line, "status",
                        "'" + text("status") + "' is not one of completed, diverged, failed");
            }
        }

        Map<String, Double> metrics(String name) {
            try {
                return JSON.readValue(text(name), new TypeReference<LinkedHashMap<String, Double>>() {});
            } catch (JsonProcessingException e) {
                throw new ResultsFormatException(file, line, name, "not a JSON object of numbers");
            }
        }
    }
}
