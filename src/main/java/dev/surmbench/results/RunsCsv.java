package dev.surmbench.results;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Reads and writes {@code runs.csv}. Every write rewrites the whole file through {@link
 * AtomicFiles} (a suite has hundreds of rows, not millions), so a kill never leaves a partial row;
 * a re-run of the same run id replaces its row.
 */
public final class RunsCsv {
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader(RunRecord.COLUMNS.toArray(String[]::new)).setRecordSeparator('\n').get();
    private static final CSVFormat READ = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();

    /**
     * Columns added after runs.csv was first written ({@link RunColumn#added}). A file may lack any of
     * them — it was written before they existed — and is still read: {@code metrics_trivial} then reads
     * as empty (the floor is unknown); without {@code device_name} the old {@code device} column (CPU model plus an unused
     * GPU count) is read as a CPU run on that CPU, with no GPU facts. Files are always written whole.
     */
    static final Set<String> ADDED_COLUMNS = Arrays.stream(RunColumn.values()).filter(c -> c.added).map(c -> c.csvName)
            .collect(Collectors.toUnmodifiableSet());

    private RunsCsv() {}

    /**
     * All rows of {@code file}, one per run id ({@link DuplicateRunIds}: identical repeats are read once,
     * two different rows for one id are an error), or none when it does not exist.
     */
    public static List<RunRecord> read(Path file) {
        return DuplicateRunIds.resolve(rows(file));
    }

    /** Every row of {@code file} as written, with its line and cells, before {@link DuplicateRunIds} applies. */
    static List<DuplicateRunIds.Row<RunRecord>> rows(Path file) {
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
        List<DuplicateRunIds.Row<RunRecord>> out = new ArrayList<>();
        for (CsvTables.Row row : table.rows()) {
            RunRecord record = RunColumn.parse(file, row.line(), row.cells());
            Map<String, String> cells = new LinkedHashMap<>();
            header.forEach(column -> cells.put(column, row.cells().isSet(column) ? row.cells().get(column) : ""));
            out.add(new DuplicateRunIds.Row<>(record, record.runId(), file, row.line(), cells, record.completed()));
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

    private static List<Object> values(RunRecord r) {
        return List.copyOf(Arrays.stream(RunColumn.values()).map(column -> column.cell(r)).toList()); // no nulls
    }
}
