package dev.surmbench.results;

import java.util.Locale;

/** How a run ended. Diverged and failed runs are kept in the results and shown, never dropped. */
public enum RunStatus {
    /** Trained and evaluated to the end. */
    COMPLETED,
    /** The loss became non-finite; the detail names the step. */
    DIVERGED,
    /** An exception stopped the run; the detail holds its message. */
    FAILED;

    public String csvName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RunStatus parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }
}
