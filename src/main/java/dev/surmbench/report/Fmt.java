package dev.surmbench.report;

import dev.surmbench.report.stats.Summary;
import java.util.Locale;

/** Number formatting shared by the report, the summary and the check table (Locale.ROOT, "–" for undefined). */
public final class Fmt {
    /** Shown for an undefined number (n = 1 spread, no test, unknown count). */
    public static final String NONE = "–";

    private Fmt() {}

    /** A value in points with two decimals. */
    public static String pts(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.2f", noNegativeZero(v)) : NONE;
    }

    /** A signed difference in points ("+0.00", never "-0.00"). */
    public static String signed(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%+.2f", noNegativeZero(v)) : NONE;
    }

    /** {@code v}, or +0 when it would print as −0.00. */
    private static double noNegativeZero(double v) {
        return Math.abs(v) < 0.005 ? 0.0 : v;
    }

    /** "85.23 ± 0.41", "85.23" (n = 1) or "–" (n = 0). */
    public static String meanStd(Summary s) {
        if (s.n() == 0) {
            return NONE;
        }
        return s.hasSpread() ? pts(s.mean()) + " ± " + pts(s.std()) : pts(s.mean());
    }

    /** "[84.10, 86.36]" or "–". */
    public static String ci(Summary s) {
        return s.hasSpread() ? "[" + pts(s.ciLow()) + ", " + pts(s.ciHigh()) + "]" : NONE;
    }

    /** A p-value: "0.012", "&lt;0.001" or "–". */
    public static String p(double p) {
        if (!Double.isFinite(p)) {
            return NONE;
        }
        return p < 0.001 ? "<0.001" : String.format(Locale.ROOT, "%.3f", p);
    }

    /** A constant as written in prose: "5", "0.05", "12.5" (no trailing zeros), or "–". */
    public static String plain(double v) {
        return Double.isFinite(v) ? java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString() : NONE;
    }

    /** "12.0×" or "–". */
    public static String ratio(double r) {
        return Double.isFinite(r) ? String.format(Locale.ROOT, "%.1f×", r) : NONE;
    }

    /** "294,912" or "–" (negative or non-finite). */
    public static String count(double c) {
        return Double.isFinite(c) && c >= 0 ? String.format(Locale.ROOT, "%,d", Math.round(c)) : NONE;
    }

    /** A rate or size with one decimal: "1234.5" or "–". */
    public static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.1f", v) : NONE;
    }

    /** "1234.5 ± 10.2" (one decimal) or "–". */
    public static String numStd(Summary s) {
        if (s.n() == 0) {
            return NONE;
        }
        return s.hasSpread() ? num(s.mean()) + " ± " + num(s.std()) : num(s.mean());
    }

    /** A learning rate in three significant digits, as the issue and suites write it: "2e-3", "3.16e-4", "0.1" → "1e-1"; "–" when unknown. */
    public static String rate(double r) {
        if (!Double.isFinite(r) || r <= 0) {
            return Double.isFinite(r) && r == 0 ? "0" : NONE;
        }
        String[] parts = String.format(Locale.ROOT, "%.2e", r).split("e");
        String mantissa = new java.math.BigDecimal(parts[0]).stripTrailingZeros().toPlainString();
        return mantissa + "e" + Integer.parseInt(parts[1]);
    }
}
