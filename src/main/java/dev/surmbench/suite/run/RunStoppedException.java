package dev.surmbench.suite.run;

import dev.surmbench.results.RunRecord;

/**
 * A run failed in a way that leaves this JVM unfit to train on ({@link OutOfMemoryError}): its
 * run.json and row are written like any failure, then the suite stops instead of carrying on in a
 * damaged JVM. Carries the failed run's row.
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
}
