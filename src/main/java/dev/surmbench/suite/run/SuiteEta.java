package dev.surmbench.suite.run;

import java.util.Locale;

/**
 * The suite's progress line: how many of the runs this invocation set out to train are finished — by
 * this process or by any other sharing the results folder (the other workers of {@code run --jobs},
 * another shard's process) — and the time left at the pace they finished since this process started
 * its first run. Counting only this process's runs would show each of N workers about 1/N of the
 * progress and an ETA N times too long. Runs of one suite differ in cost, so the ETA is a rough guide
 * that settles as runs finish.
 */
final class SuiteEta {
    private final int toTrain;
    private long firstStartNanos;
    private boolean started;

    SuiteEta(int toTrain) {
        this.toTrain = toTrain;
    }

    /** This process starts a run at {@code nanoTime}; the pace is measured from its first. */
    void starting(long nanoTime) {
        if (!started) {
            started = true;
            firstStartNanos = nanoTime;
        }
    }

    /**
     * {@code " (suite: 3/118 trained, ETA 1h05m)"} when {@code finished} of the runs to train are
     * recorded at {@code nanoTime}; {@code ""} before any has finished or before this process started one.
     */
    String describe(int finished, long nanoTime) {
        if (finished <= 0 || toTrain == 0 || !started) {
            return "";
        }
        double elapsed = (nanoTime - firstStartNanos) / 1e9;
        double left = elapsed / finished * (toTrain - finished);
        return String.format(Locale.ROOT, " (suite: %d/%d trained, ETA %s)", finished, toTrain, duration(left));
    }

    /** {@code 42s}, {@code 7m05s}, {@code 2h03m}. */
    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
    }
}
