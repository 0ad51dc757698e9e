package dev.surmbench.suite;

import java.nio.file.Path;
import java.util.List;

/**
 * A suite file is invalid. Each problem names the file, the 1-based line and column, what is wrong
 * and what is allowed; all problems found are reported together, before any training starts.
 */
public final class SuiteException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** One problem at one place. */
    public record Problem(Path file, int line, int column, String message) {
        @Override
        public String toString() {
            return file + ":" + line + ":" + column + ": " + message;
        }
    }

    private final transient List<Problem> problems;

    public SuiteException(Path file, int line, int column, String message) {
        this(List.of(new Problem(file, line, column, message)));
    }

    public SuiteException(List<Problem> problems) {
        super(render(problems));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String render(List<Problem> problems) {
        StringBuilder out = new StringBuilder();
        for (Problem p : problems) {
            out.append(out.length() == 0 ? "" : "\n").append(p);
        }
        return out.toString();
    }
}
