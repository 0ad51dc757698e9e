package dev.surmbench.report.baseline;

import dev.surmbench.results.AtomicFiles;
import dev.surmbench.results.DeviceUsage;
import dev.surmbench.results.CsvTables;
import dev.surmbench.results.DuplicateRunIds;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads and writes baseline CSV files ({@code baselines/*.csv}, schema in {@code baselines/README.md}).
 * Lines starting with {@code #} are comments. Every problem is a {@link BaselineFormatException}
 * naming file, line and field.
 */
public final class BaselineCsv {
    /** The header, in the order files are written. */
    public static final List<String> COLUMNS = List.of("source", "backbone", "task", "method", "label", "metric",
            "statistic", "value", "std", "n", "trainable_params", "train_examples_per_s", "tolerance",
            "min_throughput_ratio", "citation", "table", "run_ids", "git_commit", "notes", "learning_rate", "selection",
            "device");

    /**
     * Columns a file may lack because it was written before they existed ({@code device}: read as cpu;
     * {@code learning_rate}, {@code selection}: not known).
     */
    static final Set<String> ADDED_COLUMNS = Set.of("device", "learning_rate", "selection");

    private static final CSVFormat READ = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
            .setCommentMarker('#').setIgnoreEmptyLines(true).setTrim(true).get();
    private static final CSVFormat WRITE = CSVFormat.DEFAULT.builder().setHeader(COLUMNS.toArray(String[]::new))
            .setRecordSeparator('\n').get();

    private BaselineCsv() {}

    /** Every row of {@code file}. */
    public static List<BaselineRow> read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new BaselineFormatException(file, 0, "file", "no such baseline file");
        }
        CsvTables.Table table = CsvTables.read(file, READ, BaselineFormatException::new);
        List<String> header = table.header();
        TreeSet<String> missing = new TreeSet<>(COLUMNS);
        missing.removeAll(header);
        missing.removeAll(ADDED_COLUMNS);
        TreeSet<String> unknown = new TreeSet<>(header);
        unknown.removeAll(COLUMNS);
        if (!missing.isEmpty() || !unknown.isEmpty()) {
            throw new BaselineFormatException(file, 1, "header", "missing columns " + missing + ", unknown columns "
                    + unknown + "; expected " + COLUMNS);
        }
        List<BaselineRow> rows = new ArrayList<>();
        Map<String, Long> seen = new HashMap<>();
        for (CsvTables.Row record : table.rows()) {
            BaselineRow row = parse(file, record.line(), record.cells());
            String key = String.join("\u0000", row.source().csvName(), row.backbone(), row.task(), row.method(),
                    row.label(), row.metric(), row.device());
            Long first = seen.putIfAbsent(key, row.line());
            if (first != null) {
                throw new BaselineFormatException(file, row.line(), "task/method/label/metric",
                        "duplicate of line " + first + " (same source, backbone, task, method, label, metric and device)");
            }
            rows.add(row);
        }
        checkRunIds(file, rows);
        return rows;
    }

    /**
     * Reference rows name the runs behind them ({@code run_ids}); two different rows that name one run
     * on one device class disagree about it, by {@link DuplicateRunIds}' rule (the one runs.csv
     * follows): an error naming the file, the lines, the run id and the differing columns. (A run id
     * names the settings, not the machine: the same suite run on a CPU and on a GPU gives one id on
     * each device class, and a file may hold both groups.)
     */
    private static void checkRunIds(Path file, List<BaselineRow> rows) {
        Map<String, List<BaselineRow>> byDevice = new LinkedHashMap<>();
        rows.forEach(row -> byDevice.computeIfAbsent(row.device(), d -> new ArrayList<>()).add(row));
        byDevice.values().forEach(group -> checkRunIdsOnOneDevice(file, group));
    }

    private static void checkRunIdsOnOneDevice(Path file, List<BaselineRow> rows) {
        List<DuplicateRunIds.Row<BaselineRow>> byRun = new ArrayList<>();
        for (BaselineRow row : rows) {
            Map<String, String> cells = new LinkedHashMap<>();
            List<Object> values = cells(row);
            for (int i = 0; i < COLUMNS.size(); i++) {
                if (!COLUMNS.get(i).equals("run_ids")) {
                    cells.put(COLUMNS.get(i), String.valueOf(values.get(i)));
                }
            }
            row.runIds().forEach(id -> byRun.add(new DuplicateRunIds.Row<>(row, id, file, row.line(), cells, true)));
        }
        DuplicateRunIds.resolve(byRun);
    }

    /** Every row of every {@code *.csv} in {@code dir}, files in name order; none when it does not exist. */
    public static List<BaselineRow> readDirectory(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException(dir + " is a file, not a folder of baseline *.csv files; give the "
                    + "folder (or the file alone as a baseline)");
        }
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<BaselineRow> rows = new ArrayList<>();
            files.filter(p -> p.getFileName().toString().endsWith(".csv")).sorted().forEach(p -> rows.addAll(read(p)));
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    /** Writes {@code rows} to {@code file} (atomically), in the given order. */
    public static void write(Path file, List<BaselineRow> rows) throws IOException {
        StringWriter text = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(text, WRITE)) {
            for (BaselineRow r : rows) {
                printer.printRecord(cells(r));
            }
        }
        AtomicFiles.write(file, text.toString());
    }

    /** {@code r}'s cells as written, in {@link #COLUMNS} order. */
    private static List<Object> cells(BaselineRow r) {
        return List.of(r.source().csvName(), r.backbone(), r.task(), r.method(),
                r.label().equals(r.method()) ? "" : r.label(), r.metric(), r.statistic(), number(r.value()),
                number(r.std()), r.n() < 0 ? "" : Integer.toString(r.n()),
                r.trainableParams() < 0 ? "" : Long.toString(r.trainableParams()),
                number(r.trainExamplesPerSecond()), number(r.tolerance()), number(r.minThroughputRatio()),
                r.citation(), r.table(), String.join(" ", r.runIds()), r.gitCommit(), r.notes(),
                number(r.learningRate()), r.selection(), r.device());
    }

    private static String number(double v) {
        return Double.isFinite(v) ? BigDecimal.valueOf(v).stripTrailingZeros().toPlainString() : "";
    }

    private static BaselineRow parse(Path file, long line, CSVRecord rec) {
        Cells c = new Cells(file, line, rec);
        BaselineSource source;
        try {
            source = BaselineSource.parse(c.required("source"));
        } catch (IllegalArgumentException e) {
            if (e instanceof BaselineFormatException b) {
                throw b;
            }
            throw new BaselineFormatException(file, line, "source", "'" + c.text("source")
                    + "' is not one of paper, peer, reference");
        }
        String statistic = c.text("statistic");
        if (!statistic.isEmpty() && !List.of("mean", "median", "single").contains(statistic)) {
            throw new BaselineFormatException(file, line, "statistic", "'" + statistic
                    + "' is not one of mean, median, single (or empty when the source does not say)");
        }
        List<String> runIds = Arrays.stream(c.text("run_ids").split("[\\s;]+")).filter(s -> !s.isEmpty()).toList();
        BaselineRow row = new BaselineRow(source, c.text("backbone"), c.required("task"), c.required("method"),
                c.text("label"), c.required("metric"), statistic, c.number("value", true, false),
                c.number("std", false, false), (int) c.count("n", 1), c.count("trainable_params", 0),
                c.number("train_examples_per_s", false, true), c.device(), c.number("tolerance", false, false),
                c.number("min_throughput_ratio", false, true), c.text("citation"), c.text("table"), runIds,
                c.text("git_commit"), c.text("notes"), line, c.number("learning_rate", false, true), c.selection());
        if (source != BaselineSource.REFERENCE && (row.citation().isEmpty() || row.table().isEmpty())) {
            throw new BaselineFormatException(file, line, row.citation().isEmpty() ? "citation" : "table",
                    "a " + source.csvName() + " row needs its citation and table: a number without a source is not allowed");
        }
        if (source == BaselineSource.REFERENCE && (runIds.isEmpty() || row.gitCommit().isEmpty())) {
            throw new BaselineFormatException(file, line, runIds.isEmpty() ? "run_ids" : "git_commit",
                    "a reference row needs the run ids and the commit it was produced from");
        }
        return row;
    }

    /** Typed access to one record's cells with errors naming file, line and field. */
    private record Cells(Path file, long line, CSVRecord rec) {
        String text(String name) {
            return rec.isSet(name) ? rec.get(name).trim() : "";
        }

        /** The device class: cpu (also when empty or absent) or cuda. */
        String device() {
            try {
                return DeviceUsage.classOf(text("device"));
            } catch (IllegalArgumentException e) {
                throw new BaselineFormatException(file, line, "device", e.getMessage());
            }
        }

        /** {@code validation}, {@code dev}, or empty (not known). */
        String selection() {
            String t = text("selection");
            if (!t.isEmpty() && !t.equals("validation") && !t.equals("dev")) {
                throw new BaselineFormatException(file, line, "selection", "'" + t
                        + "' is not one of validation (the clean protocol), dev (the paper's), or empty");
            }
            return t;
        }

        String required(String name) {
            String t = text(name);
            if (t.isEmpty()) {
                throw new BaselineFormatException(file, line, name, "required but empty");
            }
            return t;
        }

        double number(String name, boolean required, boolean positive) {
            String t = required ? required(name) : text(name);
            if (t.isEmpty()) {
                return Double.NaN;
            }
            double v;
            try {
                v = Double.parseDouble(t);
            } catch (NumberFormatException e) {
                throw new BaselineFormatException(file, line, name, "not a number: '" + t + "'");
            }
            if (!Double.isFinite(v) || (!required && v < 0) || (positive && v <= 0)) {
                throw new BaselineFormatException(file, line, name, "out of range: '" + t + "'"
                        + (positive ? " (must be > 0)" : required ? "" : " (must be ≥ 0)"));
            }
            return v;
        }

        long count(String name, long min) {
            String t = text(name);
            if (t.isEmpty()) {
                return -1;
            }
            try {
                long v = Long.parseLong(t);
                if (v < min) {
                    throw new BaselineFormatException(file, line, name, "must be ≥ " + min + ", got " + v);
                }
                return v;
            } catch (NumberFormatException e) {
                throw new BaselineFormatException(file, line, name, "not a whole number: '" + t + "'");
            }
        }
    }
}
