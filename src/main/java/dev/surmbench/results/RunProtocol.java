package dev.surmbench.results;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How a run's reported epoch was chosen, and the numbers of both protocols. With a validation split
 * ({@link Selection#VALIDATION}, the clean protocol) the run's best epoch is the one best on
 * validation and its headline ({@link RunRecord#bestValue()}) is the dev metric at that epoch — dev is
 * the held-out test; the paper protocol's number (the best dev epoch) stays beside it as {@code
 * devBestValue}. Without one ({@link Selection#DEV}) both are the same epoch.
 *
 * @param selection what chose the best epoch
 * @param learningRate the run's peak learning rate (NaN: unknown, a row written before this column)
 * @param validationValue the headline metric on validation at the best epoch (NaN without a split)
 * @param metricsValidation every validation metric at the best epoch (empty without a split), and the mean
 *     validation loss under {@link #VALIDATION_LOSS} where the trainer measured it
 * @param devBestValue the headline on dev at the epoch best on dev (the paper protocol; optimistic)
 * @param devBestEpoch that epoch, 0-based (-1 when none)
 * @param metricsDevBest every dev metric at that epoch
 */
public record RunProtocol(Selection selection, double learningRate, double validationValue,
                          Map<String, Double> metricsValidation, double devBestValue, int devBestEpoch,
                          Map<String, Double> metricsDevBest) {

    /**
     * The key of the mean validation loss (the training objective per example; lower is better) in {@link
     * #metricsValidation()}: the name the trainer gives it ({@code train.Trainer.LOSS}; a test holds them equal).
     */
    public static final String VALIDATION_LOSS = "loss";

    /** What chose a run's best epoch: a validation split carved from training, or the dev set itself. */
    public enum Selection {
        VALIDATION, DEV;

        /** The word runs.csv, run.json and baseline files use: {@code validation}, {@code dev}. */
        @JsonValue
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The selection written as {@code word}. */
        @JsonCreator
        public static Selection of(String word) {
            for (Selection s : values()) {
                if (s.word().equals(word)) {
                    return s;
                }
            }
            throw new IllegalArgumentException("'" + word + "' is not one of validation, dev");
        }
    }

    public RunProtocol {
        Objects.requireNonNull(selection, "selection");
        metricsValidation = RunRecord.sorted(metricsValidation);
        metricsDevBest = RunRecord.sorted(metricsDevBest);
    }

    /** The protocol of a run selected on dev: the dev-best numbers are its best epoch's. */
    public static RunProtocol devSelected(double learningRate, double bestValue, int bestEpoch, Map<String, Double> metricsBest) {
        return new RunProtocol(Selection.DEV, learningRate, Double.NaN, Map.of(), bestValue, bestEpoch, metricsBest);
    }
}
