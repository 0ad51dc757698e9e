package dev.surmbench.results;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
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
@JsonIgnoreProperties(ignoreUnknown = true)
public record RunDocument(
        @JsonProperty("config") Config config,
        @JsonProperty("epochs") List<Epoch> epochs,
        @JsonProperty("result") RunRecord result,
        @JsonProperty("error") @JsonInclude(JsonInclude.Include.NON_NULL) Failure error,
        @JsonProperty("artifacts") @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> artifacts,
        @JsonProperty("provenance") RunProvenance provenance) {

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
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Config(
            @JsonProperty("suite") String suite,
            @JsonProperty("suite_version") Integer suiteVersion,
            @JsonProperty("run_id") String runId,
            @JsonProperty("task") String task,
            @JsonProperty("method") String method,
            @JsonProperty("label") String label,
            @JsonProperty("options") Map<String, Object> options,
            @JsonProperty("seed") Long seed,
            @JsonProperty("settings") Map<String, Object> settings) {
        public Config {
            options = RunProvenance.ordered(options);
            settings = RunProvenance.ordered(settings);
        }

        /** The suite's version; 1 for files written before suites had versions. */
        public int suiteVersionOrFirst() {
            return suiteVersion == null ? 1 : suiteVersion;
        }
    }

    /** One epoch: its 1-based number, steps so far, mean training loss, dev metrics and times. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Epoch(
            @JsonProperty("epoch") int epoch,
            @JsonProperty("steps") long steps,
            @JsonProperty("train_loss") double trainLoss,
            @JsonProperty("metrics") Map<String, Double> metrics,
            @JsonProperty("train_seconds") double trainSeconds,
            @JsonProperty("eval_seconds") double evalSeconds) {
        public Epoch {
            metrics = RunRecord.sorted(metrics);
        }
    }

    /** A failure as run.json keeps it: the exception's type, message and full stack trace. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Failure(
            @JsonProperty("type") String type,
            @JsonProperty("message") String message,
            @JsonProperty("stack_trace") String stackTrace) {
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
