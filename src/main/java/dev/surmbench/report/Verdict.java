package dev.surmbench.report;

/** The outcome of checking a claim on one suite's data. */
public enum Verdict {
    SUPPORTED("supported"),
    NOT_SUPPORTED("not supported"),
    INCONCLUSIVE("inconclusive"),
    NOT_TESTED("not tested by this suite");

    private final String text;

    Verdict(String text) {
        this.text = text;
    }

    /** Human-readable form, as printed in the report. */
    public String text() {
        return text;
    }

    /** CSS-friendly form: supported, not-supported, inconclusive, not-tested. */
    public String css() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
