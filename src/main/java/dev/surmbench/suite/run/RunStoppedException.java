package dev.surmbench.suite.run;

import dev.surmbench.results.RunRecord;

/**
 * A run failed in a way that the next runs would share, so the suite stops after recording it: an
 * {@link OutOfMemoryError} leaves this JVM unfit to train on. Its run.json and row are written like any
 * failure, then the suite stops instead of carrying on. Carries the failed run's row. (A full disk is
 * the machine's failure, not the run's: {@link EnvironmentUnavailableException}, never recorded, also
 * stops the suite at the first write that fails, naming the path.)
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
        return "the JVM is not trusted with more runs after this error. Run the suite again to go on (with more "
                + "memory: -Xmx, or a smaller batch_size)";
    }
}
