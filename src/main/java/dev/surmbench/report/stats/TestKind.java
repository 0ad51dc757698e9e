package dev.surmbench.report.stats;

/** Which significance test produced a {@link Difference}'s p-value. */
public enum TestKind {
    /** Paired t-test over seeds present on both sides (needs ≥ 2 pairs). */
    PAIRED("paired t"),
    /** Welch's unequal-variance t-test (needs ≥ 2 values on each side). */
    WELCH("Welch t"),
    /** Too few values for any test: no p-value. */
    NONE("–");

    private final String label;

    TestKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
