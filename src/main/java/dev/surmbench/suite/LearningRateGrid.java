package dev.surmbench.suite;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * The learning rates a tuning tries for one (task, method) cell, ascending. Written in a suite as
 * {@code {grid: [1e-4, 1e-3, 1e-2]}} or {@code {log_range: [1e-4, 1e-2], points: 5}} (log-spaced, each
 * value rounded to {@value #DIGITS} significant digits so that run ids and files read cleanly); a
 * method without one uses its {@link MethodFamily}'s default.
 *
 * @param values the rates, strictly ascending, positive
 */
public record LearningRateGrid(List<Double> values) {
    /** Significant digits of a log-spaced value. */
    static final int DIGITS = 3;
    /** The standard a benchmark's grid meets: at least this many points … */
    public static final int STANDARD_POINTS = 5;
    /** … spanning at least this ratio from the smallest to the largest. */
    public static final double STANDARD_SPAN = 100;

    public LearningRateGrid {
        values = List.copyOf(values);
        if (values.size() < 2) {
            throw new IllegalArgumentException("a learning-rate grid needs at least 2 values, got " + values);
        }
        for (int i = 0; i < values.size(); i++) {
            double v = values.get(i);
            if (!(v > 0) || Double.isInfinite(v) || v > 10) {
                throw new IllegalArgumentException("a learning rate must be in (0, 10], got " + v);
            }
            if (i > 0 && !(v > values.get(i - 1))) {
                throw new IllegalArgumentException("a learning-rate grid must be strictly ascending, got " + values);
            }
        }
    }

    /** {@code points} log-spaced rates from {@code low} to {@code high}, both included. */
    public static LearningRateGrid logRange(double low, double high, int points) {
        if (!(low > 0) || !(high > low) || points < 2) {
            throw new IllegalArgumentException("log_range needs 0 < low < high and points >= 2, got [" + low + ", " + high
                    + "] with " + points + " points");
        }
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < points; i++) {
            double v = i == 0 ? low : i == points - 1 ? high : low * Math.pow(high / low, i / (double) (points - 1));
            values.add(new BigDecimal(v).round(new MathContext(DIGITS)).doubleValue());
        }
        return new LearningRateGrid(values);
    }

    /** Whether {@code rate} is the grid's smallest or largest value (a winner there may lie outside it). */
    public boolean atEdge(double rate) {
        return rate == values.get(0) || rate == values.get(values.size() - 1);
    }

    /**
     * The rate one step past {@code edge}, the grid's smallest or largest rate: the step is the ratio of
     * the two rates at that end (a log-spaced grid's own step), the result rounded to {@value #DIGITS}
     * significant digits like a log range's; NaN past the largest rate a grid allows (10).
     *
     * @throws IllegalArgumentException when {@code edge} is not at the grid's edge
     */
    public double beyond(double edge) {
        int n = values.size();
        double step;
        if (edge == values.get(0)) {
            step = values.get(0) / values.get(1);
        } else if (edge == values.get(n - 1)) {
            step = values.get(n - 1) / values.get(n - 2);
        } else {
            throw new IllegalArgumentException(edge + " is not at the edge of " + values);
        }
        double next = new BigDecimal(edge * step).round(new MathContext(DIGITS)).doubleValue();
        return next > 10 ? Double.NaN : next;
    }

    /** This grid with {@code rate} added in its place. */
    public LearningRateGrid with(double rate) {
        List<Double> out = new ArrayList<>(values);
        out.add(rate);
        out.sort(Double::compare);
        return new LearningRateGrid(out);
    }

    /**
     * Whether {@code tried} is this grid, or this grid extended once past one of its edges ({@link #beyond}):
     * the grids a tuning of this grid may have decided on.
     */
    public boolean triedAs(List<Double> tried) {
        if (tried.equals(values)) {
            return true;
        }
        for (double edge : List.of(values.get(0), values.get(values.size() - 1))) {
            double past = beyond(edge);
            if (!Double.isNaN(past) && tried.equals(with(past).values())) {
                return true;
            }
        }
        return false;
    }

    /** Largest over smallest. */
    public double span() {
        return values.get(values.size() - 1) / values.get(0);
    }

    /** At least {@value #STANDARD_POINTS} points spanning at least {@code STANDARD_SPAN}x. */
    public boolean meetsStandard() {
        return values.size() >= STANDARD_POINTS && span() >= STANDARD_SPAN * (1 - 1e-9);
    }
}
