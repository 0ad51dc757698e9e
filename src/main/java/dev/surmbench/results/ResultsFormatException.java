package dev.surmbench.results;

import java.nio.file.Path;

/** A results file that cannot be read: names the file, the line and the field, and what to do. */
public final class ResultsFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public ResultsFormatException(Path file, long line, String field, String problem) {
        super(file + ":" + line + ": field '" + field + "': " + problem
                + " (the file is written by surm-bench; restore it from a shard or delete the row to re-run it)");
    }
}
