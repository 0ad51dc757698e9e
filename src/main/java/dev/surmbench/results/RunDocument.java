package dev.surmbench.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code runs/<run-id>/run.json}, typed: the fully resolved configuration ({@code config}), the
 * per-epoch series ({@code epochs}), the result row ({@code result}, a {@link RunRecord}), a failure's
 * {@code error} (absent for a run that ended), the files the run saved ({@code artifacts}, absent when
 * none) and its {@link RunProvenance}. {@link RunJson} writes and reads it.
 *
 * @param artifacts saved files by kind ({@code adapter} → folder under the run's folder); empty when none
 */
@JsonRecord
public record RunDocument(
        Config config,
        List<Epoch> epochs,
        RunRecord result,
        @JsonInclude(JsonInclude.Include.NON_NULL) Failure error,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> artifacts,
        RunProvenance provenance) {

    public RunDocument {
        epochs = epochs == null ? List.of() : List.copyOf(epochs);
        artifacts = artifacts == null ? Map.of() : RunProvenance.ordered(artifacts);
        provenance = provenance == null ? RunProvenance.NONE : provenance;
    }

    /**
     * The resolved run, from which {@code replay} rebuilds it: its suite (and version), id, task,
     * method, label, method options, seed and every setting.
     *
     * @param seed null only in a file that lacks it (no run.json written by {@code run})
     */
    @JsonRecord
    public record Config(
            String suite,
            Integer suiteVersion,
            String runId,
            String task,
            String method,
            String label,
            Map<String, Object> options,
            Long seed,
            Map<String, Object> settings) {
        public Config {
            options = RunProvenance.ordered(options);
            settings = RunProvenance.ordered(settings);
        }

        /** The suite's version; 1 for files written before suites had versions. */
        public int suiteVersionOrFirst() {
            return suiteVersion == null ? 1 : suiteVersion;
        }
    }

    /**
     * One epoch: its 1-based number, steps so far, mean training loss, dev metrics, times, and the
     * validation metrics of a run with a validation split (absent otherwise).
     */
    @JsonRecord
    public record Epoch(
            int epoch,
            long steps,
            double trainLoss,
            Map<String, Double> metrics,
            double trainSeconds,
            double evalSeconds,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Double> validation) {
        public Epoch {
            metrics = RunRecord.sorted(metrics);
            validation = RunRecord.sorted(validation);
        }

        /** An epoch of a run without a validation split. */
        public Epoch(int epoch, long steps, double trainLoss, Map<String, Double> metrics, double trainSeconds,
                     double evalSeconds) {
            this(epoch, steps, trainLoss, metrics, trainSeconds, evalSeconds, Map.of());
        }
    }

    /** A failure as run.json keeps it: the exception's type, message and full stack trace. */
    @JsonRecord
    public record Failure(
            String type,
            String message,
            String stackTrace) {
        public Failure {
            Objects.requireNonNull(type, "type");
        }

        public static Failure of(Throwable e) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            return new Failure(e.getClass().getName(), String.valueOf(e.getMessage()), trace.toString());
        }
    }
}
