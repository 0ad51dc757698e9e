package dev.surmbench.suite.run;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.surmbench.results.RunProvenance;
import java.util.List;
import java.util.Map;

/**
 * A cached pretrain stage's {@code pretrain.json}: what was trained (name, hash, the stage's identity,
 * dataset and sizes), how well (test accuracy against chance, per epoch), how long, and its
 * provenance. Written once when the stage finishes; runs on the checkpoint cite it through {@link
 * #summary}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record PretrainReport(
        @JsonProperty("name") String name,
        @JsonProperty("hash") String hash,
        @JsonProperty("stage") Map<String, Object> stage,
        @JsonProperty("dataset") String dataset,
        @JsonProperty("train_images") int trainImages,
        @JsonProperty("test_images") int testImages,
        @JsonProperty("test_split") String testSplit,
        @JsonProperty("test_accuracy") double testAccuracy,
        @JsonProperty("chance_accuracy") double chanceAccuracy,
        @JsonProperty("epochs") List<Epoch> epochs,
        @JsonProperty("seconds") double seconds,
        @JsonProperty("train_examples_per_second") double trainExamplesPerSecond,
        @JsonProperty("provenance") RunProvenance provenance) {

    PretrainReport {
        epochs = epochs == null ? List.of() : List.copyOf(epochs);
    }

    /** One epoch of the stage: its 1-based number, mean training loss, test accuracy and seconds. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Epoch(
            @JsonProperty("epoch") int epoch,
            @JsonProperty("train_loss") double trainLoss,
            @JsonProperty("test_accuracy") double testAccuracy,
            @JsonProperty("train_seconds") double trainSeconds) {}

    /** What a run's provenance keeps of the stage in {@code dir}. */
    RunProvenance.Pretrain summary(String dir) {
        return new RunProvenance.Pretrain(dir, name, hash, dataset, testAccuracy, seconds, null);
    }
}
