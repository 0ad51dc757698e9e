package dev.surmbench.suite.run;

import java.util.Locale;

/**
 * The suite's progress line: how many of the runs this invocation trains are done, and the time left
 * estimated from the mean wall time of those done so far (runs of one suite differ in cost, so this is
 * a rough guide that settles as runs finish).
 */
final class SuiteEta {
    private final int toTrain;
    private int done;
    private double seconds;

    SuiteEta(int toTrain) {
        this.toTrain = toTrain;
    }

    /** One run finished after {@code wallSeconds}. */
    void ran(double wallSeconds) {
        done++;
        seconds += wallSeconds;
    }

    /** {@code " (suite: 3/118 trained, ETA 1h05m)"}; {@code ""} before the first run has finished. */
    String describe() {
        if (done == 0 || toTrain == 0) {
            return "";
        }
        double left = seconds / done * Math.max(0, toTrain - done);
        return String.format(Locale.ROOT, " (suite: %d/%d trained, ETA %s)", done, toTrain, duration(left));
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
