package dev.surmbench.suite.run;

import dev.surmbench.results.JsonRecord;
import dev.surmbench.results.RunProvenance;
import java.util.List;
import java.util.Map;

/**
 * A cached pretrain stage's {@code pretrain.json}: what was trained (name, hash, the stage's identity,
 * dataset and sizes), how well (test accuracy against chance, per epoch), how long, and its
 * provenance. Written once when the stage finishes; runs on the checkpoint cite it through {@link
 * #summary}.
 */
@JsonRecord
record PretrainReport(
        String name,
        String hash,
        Map<String, Object> stage,
        String dataset,
        int trainImages,
        int testImages,
        String testSplit,
        double testAccuracy,
        double chanceAccuracy,
        List<StageEpoch> epochs,
        double seconds,
        double trainExamplesPerSecond,
        RunProvenance provenance) {

    PretrainReport {
        epochs = epochs == null ? List.of() : List.copyOf(epochs);
    }

    /** One epoch of the stage: its 1-based number, mean training loss, test accuracy and seconds. */
    @JsonRecord
    record StageEpoch(
            int epoch,
            double trainLoss,
            double testAccuracy,
            double trainSeconds) {}

    /** What a run's provenance keeps of the stage in {@code dir}. */
    RunProvenance.Pretrain summary(String dir) {
        return new RunProvenance.Pretrain(dir, name, hash, dataset, testAccuracy, seconds, null);
    }
}
