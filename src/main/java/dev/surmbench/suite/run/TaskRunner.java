package dev.surmbench.suite.run;

import dev.surmbench.model.ClassificationModel;
import dev.surmbench.suite.RunSpec;
import dev.surmbench.train.TrainingData;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The task-specific half of a run, one per task domain ({@link GlueTaskRunner}, {@link
 * ImageTaskRunner}): how many labels the head needs, and the task's data prepared for the model
 * (tokenised text or transformed images). Everything else — backbone, method injection, training,
 * records — is shared by {@link TrainingRunExecutor}. Implementations cache loaded datasets across
 * runs.
 */
interface TaskRunner {

    /** Output classes of the head (1 = regression). */
    int numLabels(RunSpec spec) throws IOException;

    /**
     * The preflight's question, asked before anything trains: are every split of the run's task
     * present and readable here? Loads (and caches) the task's data — downloading it first where this
     * task domain downloads — so a malformed file is refused now, with its file and line.
     *
     * @throws EnvironmentUnavailableException naming what is missing, where it looked and the fix
     * @throws IllegalArgumentException for a malformed data file (file:line)
     */
    void checkAvailable(RunSpec spec);

    /** The run's training data for {@code model}. */
    Prepared prepare(RunSpec spec, ClassificationModel model) throws IOException;

    /**
     * The SHA-256 of each dataset file the run would read that is present now, under the names
     * {@link Prepared#datasetSha()} records (nothing is downloaded or loaded): resume compares them.
     */
    Map<String, String> currentDatasetSha(RunSpec spec);

    /**
     * A task ready to train: the data, the SHA-256 of each dataset file read (relative name → hash,
     * for provenance), and resources to close afterwards (a tokenizer).
     */
    record Prepared(TrainingData data, Map<String, String> datasetSha, AutoCloseable resources) implements AutoCloseable {
        public Prepared {
            datasetSha = Collections.unmodifiableMap(new LinkedHashMap<>(datasetSha)); // in reading order, for messages
        }

        @Override
        public void close() throws Exception {
            if (resources != null) {
                resources.close();
            }
        }
    }
}
