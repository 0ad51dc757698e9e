package dev.surmbench.report;

import dev.surmbench.results.RunRecord;
import java.util.Collection;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * The learning rates a group of runs used ({@code learning_rate} of runs.csv), as the report shows
 * them: one rate, several (the runs of a cell differ: said so, never averaged), or none recorded (rows
 * written before the column).
 *
 * @param rates the distinct recorded rates, ascending
 */
public record LearningRates(List<Double> rates) {

    public LearningRates {
        rates = List.copyOf(rates);
    }

    /** The distinct finite rates of {@code runs} (every status: a diverged run used its rate too). */
    public static LearningRates of(Collection<RunRecord> runs) {
        return new LearningRates(runs.stream().map(r -> r.protocol().learningRate()).filter(Double::isFinite)
                .distinct().sorted().toList());
    }

    /** The one rate every run with a recorded rate used; empty when none is recorded or they differ. */
    public OptionalDouble single() {
        return rates.size() == 1 ? OptionalDouble.of(rates.get(0)) : OptionalDouble.empty();
    }

    /** "lr 2e-3", "lr 1e-3 / 1e-2 (runs differ)", or "" when no run recorded its rate. */
    public String display() {
        return rates.isEmpty() ? "" : "lr " + values();
    }

    /** "2e-3", "1e-3 / 1e-2 (runs differ)", or "" when no run recorded its rate: {@link #display} without "lr". */
    public String values() {
        String all = rates.stream().map(Fmt::rate).collect(Collectors.joining(" / "));
        return all + (rates.size() > 1 ? " (runs differ)" : "");
    }
}
