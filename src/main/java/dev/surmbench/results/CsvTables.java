package dev.surmbench.results;

import dev.surmbench.util.Utf8;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a whole CSV file (runs.csv, baselines) so that nothing the CSV library or the file system
 * says escapes without the file's name: unbalanced quotes, stray characters after a quoted cell, bytes
 * that are not UTF-8 (with their real line) and unreadable files all become the caller's format
 * exception, naming the file, the line and the reason.
 */
public final class CsvTables {

    /** The caller's exception for a problem at a file, line and field (e.g. {@link ResultsFormatException}). */
    @FunctionalInterface
    public interface FormatError {
        RuntimeException at(Path file, long line, String field, String problem);
    }

    /** One record and the 1-based line of the file where it ends. */
    public record Row(long line, CSVRecord cells) {}

    /** The header (empty for a format without one) and every record, in file order. */
    public record Table(List<String> header, List<Row> rows) {}

    private CsvTables() {}

    /** Parses {@code file} with {@code format}; every failure becomes {@code error}. */
    public static Table read(Path file, CSVFormat format, FormatError error) {
        CSVParser parser = null;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            parser = format.parse(reader);
            List<String> header = parser.getHeaderNames();
            List<Row> records = new ArrayList<>();
            Iterator<CSVRecord> rows = parser.iterator();
            while (rows.hasNext()) {
                CSVRecord next = rows.next();
                records.add(new Row(parser.getCurrentLineNumber(), next));
            }
            return new Table(header == null ? List.of() : List.copyOf(header), records);
        } catch (UncheckedIOException e) {
            throw problem(file, parser, e.getCause(), error);
        } catch (IOException e) {
            throw problem(file, parser, e, error);
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw error.at(file, parser == null ? 1 : parser.getCurrentLineNumber(), "csv", e.getMessage());
        }
    }

    private static RuntimeException problem(Path file, CSVParser parser, IOException cause, FormatError error) {
        if (cause instanceof CharacterCodingException) {
            Utf8.Position at = Utf8.firstMalformed(file).orElse(new Utf8.Position(1, 1));
            return error.at(file, at.line(), "encoding", "not UTF-8 at column " + at.column()
                    + "; the file must be UTF-8");
        }
        if (cause instanceof CSVException) {
            long line = parser == null ? 1 : Math.max(1, parser.getCurrentLineNumber());
            return error.at(file, line, "csv", "not valid CSV: " + cause.getMessage());
        }
        return error.at(file, 0, "file", "cannot read the file: " + cause);
    }
}
