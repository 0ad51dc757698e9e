package dev.surmbench.report.baseline;

import java.nio.file.Path;

/** A baseline CSV that cannot be used: names the file, the line and the field. Maps to exit code 2. */
public final class BaselineFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public BaselineFormatException(Path file, long line, String field, String problem) {
        super(file + ":" + line + ": field '" + field + "': " + problem + " (schema: baselines/README.md)");
    }
}
