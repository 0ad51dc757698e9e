package dev.surmbench.data.glue;

import dev.surmbench.data.TsvFile;
import java.nio.file.Path;

/**
 * Where a task's texts and target sit in its TSV files. Files with a header are addressed by column
 * name (the header also fixes the column count, so MNLI's 12-column train and 16-column dev share
 * one description); CoLA, which has no header, by position.
 *
 * @param textA column of the first sentence
 * @param textB column of the second sentence, or {@code null} for single-sentence tasks
 * @param target column of the label or score
 * @param headerlessColumns column count of a file without header, or 0 when it has a header
 */
record GlueColumns(String textA, String textB, String target, int headerlessColumns) {

    static GlueColumns named(String textA, String textB, String target) {
        return new GlueColumns(textA, textB, target, 0);
    }

    static GlueColumns positional(int columns, int textA, int target) {
        return new GlueColumns(Integer.toString(textA), null, Integer.toString(target), columns);
    }

    boolean hasHeader() {
        return headerlessColumns == 0;
    }

    TsvFile.Table read(Path file) {
        return hasHeader() ? TsvFile.readWithHeader(file) : TsvFile.readWithoutHeader(file, headerlessColumns);
    }

    /** Resolves a column name (or position for headerless files) to an index in {@code table}. */
    int index(TsvFile.Table table, String column) {
        return hasHeader() ? table.column(column) : Integer.parseInt(column);
    }
}
