package dev.surmbench.data;

import dev.surmbench.util.Utf8;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The one tab-separated-values mechanism shared by every text reader.
 *
 * <p>Rules, chosen for the files the GLUE download script produces: UTF-8 (invalid bytes are an
 * error, not replaced); a leading byte-order mark is dropped (MRPC); lines end with {@code \n} or
 * {@code \r\n}; a missing final newline is fine (CoLA dev); cells are split on {@code \t} only —
 * {@code "} has no special meaning, since sentences contain unbalanced quotes; every row must have
 * exactly the expected number of cells, else {@link DataFormatException}.
 */
public final class TsvFile {

    /** One row: its 1-based line number in the file and its cells. */
    public record Row(long line, List<String> cells) {
        public String cell(int index) {
            return cells.get(index);
        }
    }

    private TsvFile() {}

    /** Splits one line on tabs, keeping empty cells (also trailing ones). */
    public static List<String> split(String line) {
        List<String> cells = new ArrayList<>();
        int start = 0;
        for (int tab = line.indexOf('\t'); tab >= 0; tab = line.indexOf('\t', start)) {
            cells.add(line.substring(start, tab));
            start = tab + 1;
        }
        cells.add(line.substring(start));
        return cells;
    }

    /**
     * Calls {@code sink} for each line of {@code file} (BOM dropped, line ending removed), with the
     * 1-based line number. Decoding errors become {@link DataFormatException}.
     */
    public static void forEachLine(Path file, LineSink sink) {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        long lineNumber = 0;
        try (BufferedReader reader = new BufferedReader(
                new java.io.InputStreamReader(Files.newInputStream(file), decoder), 1 << 16)) {
            String line;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (lineNumber == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                sink.accept(lineNumber, line);
            }
        } catch (CharacterCodingException e) {
            // The reader decodes ahead of the lines it hands out: find the bad byte's own line.
            Utf8.Position at = Utf8.firstMalformed(file).orElse(new Utf8.Position(lineNumber + 1, 1));
            throw new DataFormatException(file, at.line(), "not valid UTF-8 at column " + at.column(),
                    "re-download the file; GLUE files are UTF-8");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Receives one line. */
    @FunctionalInterface
    public interface LineSink {
        void accept(long lineNumber, String line);
    }

    /** A parsed file: its header cells (empty without header) and its data rows. */
    public record Table(Path file, List<String> header, List<Row> rows) {

        /** The index of the header column {@code name}; a {@link DataFormatException} if absent. */
        public int column(String name) {
            int index = header.indexOf(name);
            if (index < 0) {
                throw new DataFormatException(file, 1, "the header has no column '" + name + "'; found "
                        + header, "is this the right file for the task?");
            }
            return index;
        }
    }

    /** Reads a file whose first line is a header; every row must have as many cells as the header. */
    public static Table readWithHeader(Path file) {
        return read(file, true, -1);
    }

    /** Reads a file without header; every row must have exactly {@code columns} cells. */
    public static Table readWithoutHeader(Path file, int columns) {
        return read(file, false, columns);
    }

    private static Table read(Path file, boolean header, int columns) {
        List<Row> rows = new ArrayList<>();
        List<List<String>> headerCells = new ArrayList<>();
        int[] expected = {columns};
        forEachLine(file, (number, line) -> {
            List<String> cells = List.copyOf(split(line));
            if (header && number == 1) {
                headerCells.add(cells);
                expected[0] = cells.size();
                return;
            }
            if (cells.size() != expected[0]) {
                throw new DataFormatException(file, number,
                        "found " + cells.size() + " tab-separated columns, expected " + expected[0],
                        "the row is malformed (a tab inside a sentence or a truncated line?); "
                                + "restore the file from the official archive");
            }
            rows.add(new Row(number, cells));
        });
        if (header && headerCells.isEmpty()) {
            throw new DataFormatException(file, 1, "the file is empty, expected a header line",
                    "restore the file from the official archive");
        }
        return new Table(file, header ? headerCells.get(0) : List.of(), List.copyOf(rows));
    }
}
