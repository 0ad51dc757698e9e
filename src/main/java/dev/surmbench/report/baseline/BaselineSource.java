package dev.surmbench.report.baseline;

import java.util.Locale;

/** Where a baseline number comes from. */
public enum BaselineSource {
    /** The SURM paper itself (Sehanobish et al., arXiv 2406.17740). */
    PAPER,
    /** Another publication (e.g. C3A, FourierFT), cited with table. */
    PEER,
    /** A run of this project, identified by run ids and commit. */
    REFERENCE;

    public String csvName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static BaselineSource parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }
}
