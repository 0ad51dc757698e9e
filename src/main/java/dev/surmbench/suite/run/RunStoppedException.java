package dev.surmbench.suite.run;

import dev.surmbench.results.RunRecord;
import java.io.IOException;
import java.util.Locale;

/**
 * A run failed in a way that the next runs would share, so the suite stops after recording it: an
 * {@link OutOfMemoryError} leaves this JVM unfit to train on, and a full disk ({@link #isDiskFull})
 * would fail every later write the same way. Its run.json and row are written like any failure (when
 * the disk allows), then the suite stops instead of carrying on. Carries the failed run's row.
 */
public final class RunStoppedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient RunRecord record;

    public RunStoppedException(RunRecord record, Throwable cause) {
        super("run " + record.runId() + " stopped the suite: " + cause, cause);
        this.record = record;
    }

    /** The failed run's row. */
    public RunRecord record() {
        return record;
    }

    /** What to do about it, for the log's "stopped:" line. */
    public String advice() {
        return isDiskFull(getCause())
                ? "the next runs would fail the same way: free space on that disk (or give another --out), then run "
                        + "the suite again to go on"
                : "the JVM is not trusted with more runs after this error. Run the suite again to go on (with more "
                        + "memory: -Xmx, or a smaller batch_size)";
    }

    /** Whether {@code failure} or one of its causes is a write refused for lack of space (ENOSPC, EDQUOT). */
    public static boolean isDiskFull(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (t instanceof IOException && (message.contains("no space left on device")
                    || message.contains("disk quota exceeded"))) {
                return true;
            }
        }
        return false;
    }
}
