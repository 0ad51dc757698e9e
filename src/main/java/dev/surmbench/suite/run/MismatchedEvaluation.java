package dev.surmbench.suite.run;

import ai.djl.training.ParameterStore;
import dev.surmbench.artifact.AdapterFiles;
import dev.surmbench.artifact.ModelRecipe;
import dev.surmbench.data.glue.GlueSplit;
import dev.surmbench.data.glue.GlueTask;
import dev.surmbench.model.ClassificationModel;
import dev.surmbench.results.ResultsLayout;
import dev.surmbench.results.RunRecord;
import dev.surmbench.suite.RunSpec;
import dev.surmbench.suite.Suite;
import dev.surmbench.train.EpochRecord;
import dev.surmbench.train.HostBatch;
import dev.surmbench.train.Trainer;
import dev.surmbench.train.TrainingOutcome;
import dev.surmbench.train.TrivialPredictor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * GLUE's {@code mnli-mm} is not trained: as in the GLUE benchmark, it is the model trained on MNLI
 * scored on MNLI's mismatched dev set. A run of task {@code mnli-mm} therefore loads the adapter
 * saved by its <em>twin</em> — the suite's {@code mnli} run with the same method label and seed —
 * and evaluates it; it records no training steps and names the twin in {@code status_detail}.
 * The twin must be recorded as completed in the same results folder first (a suite's runs execute in
 * task-name order, and {@code mnli} sorts before {@code mnli-mm}; with shards, merge and run again
 * with {@code --retry-failed}) and must have kept its adapter ({@code save: adapter}; {@code full}
 * keeps none unless asked). Preparing the task still reads and tokenises the shared training split:
 * the trivial floor is the training set's majority class scored on this dev set.
 */
final class MismatchedEvaluation {
    private MismatchedEvaluation() {}

    /** The task whose model a run of {@code spec}'s task scores ({@link GlueTask#scoresModelOf}), if any. */
    static Optional<String> trainedTask(RunSpec spec) {
        return Arrays.stream(GlueTask.values()).filter(g -> g.userName().equals(spec.task())).findFirst()
                .flatMap(GlueTask::scoresModelOf).map(GlueTask::userName);
    }

    static boolean applies(RunSpec spec) {
        return trainedTask(spec).isPresent();
    }

    /** The suite's run of the trained task whose model {@code spec} scores: same label, same seed. */
    static Optional<RunSpec> twin(Suite suite, RunSpec spec) {
        String trained = trainedTask(spec).orElseThrow();
        return suite.runs().stream().filter(r -> r.task().equals(trained) && r.label().equals(spec.label())
                && r.seed() == spec.seed()).findFirst();
    }

    /** What the evaluation produced, for the run's record. */
    record Result(TrainingOutcome outcome, String headline, Map<String, Double> trivial, ModelRecipe.Built built,
                  long totalParameters, Map<String, String> datasetSha, String adapterOf) {}

    /**
     * Scores the twin's adapter on the mismatched dev set prepared as {@code spec} says. The caller
     * closes {@code built} of the result.
     */
    static Result evaluate(Suite suite, RunSpec spec, ResultsLayout layout, TaskRunner runner) throws Exception {
        String trained = trainedTask(spec).orElseThrow();
        RunSpec twin = twin(suite, spec).orElseThrow(() -> new IllegalArgumentException(spec.task() + " " + spec.label()
                + " seed " + spec.seed() + ": " + spec.task() + " scores the model of the suite's " + trained + " run with the "
                + "same method and seed, and this suite has none; add " + trained + " to its tasks"));
        String scored = "run " + twin.runId() + " (" + trained + ", same method and seed)";
        RunRecord recorded = layout.allRuns().stream().filter(r -> r.runId().equals(twin.runId()) && r.completed())
                .findFirst().orElseThrow(() -> new IllegalStateException(spec.task() + " scores the model of " + scored
                        + ", which is not recorded as completed in " + layout.suiteDir() + "; run " + trained
                        + " first (with shards: merge, then run again with --retry-failed)"));
        Path adapter = layout.adapterDir(twin.runId());
        if (!Files.isDirectory(adapter)) {
            throw new IllegalStateException(spec.task() + " scores the model of " + scored + ", which kept no adapter ("
                    + adapter + " is missing: its save setting was none, the default for full); set save: adapter on "
                    + trained + " and run it again");
        }
        AdapterFiles.Saved saved = AdapterFiles.read(adapter);
        ModelRecipe.Built built = saved.restore(null);
        try (TaskRunner.Prepared task = runner.prepare(spec, built.model())) {
            ClassificationModel model = built.model();
            Map<String, Double> trivial = TrivialPredictor.score(task.data());
            long start = System.nanoTime();
            Map<String, Double> metrics = Trainer.evaluate(model.block(), model.manager(),
                    new ParameterStore(model.manager(), false), task.data());
            double seconds = (System.nanoTime() - start) / 1e9;
            long examples = task.data().evalBatches().stream().mapToLong(HostBatch::size).sum();
            int twinBest = recorded.bestEpoch();
            TrainingOutcome outcome = new TrainingOutcome(TrainingOutcome.Status.COMPLETED,
                    "the model of run " + twin.runId() + " (" + trained + ", its best epoch " + (twinBest + 1) + ") on "
                            + GlueTask.fromName(spec.task()).relativePath(GlueSplit.DEV) + "; not trained again",
                    List.of(new EpochRecord(twinBest, 0, Double.NaN, metrics, 0, seconds)), 0, 0, 0, 0, 0, examples,
                    seconds, Double.NaN);
            long total = model.block().getParameters().values().stream().mapToLong(p -> p.getShape().size()).sum();
            return new Result(outcome, task.data().headlineMetric(), trivial, built, total, task.datasetSha(), twin.runId());
        } catch (Exception | Error e) {
            built.close();
            throw e;
        }
    }
}
