package dev.surmbench.data;

import java.nio.file.Path;

/**
 * A data file does not have the layout its reader expects. The message always names the file, the
 * 1-based line, what was found against what was expected, and how to fix it; a malformed row is
 * never skipped silently.
 *
 * <p>It is an {@link IllegalArgumentException} because a bad file is bad input: the CLI maps it to
 * exit code 2.
 */
public class DataFormatException extends IllegalArgumentException {

    private final Path file;
    private final long line;

    public DataFormatException(Path file, long line, String problem, String fix) {
        super(file + ":" + line + ": " + problem + (fix == null || fix.isEmpty() ? "" : " — " + fix));
        this.file = file;
        this.line = line;
    }

    /** The file that is malformed. */
    public Path file() {
        return file;
    }

    /** The 1-based line of the problem (0 when it concerns the whole file). */
    public long line() {
        return line;
    }
}
