package dev.surmbench.suite.run;

import ai.djl.training.ParameterStore;
import dev.surmbench.artifact.AdapterFiles;
import dev.surmbench.artifact.AdapterManifest;
import dev.surmbench.artifact.ModelRecipe;
import dev.surmbench.data.TaskDomain;
import dev.surmbench.model.ClassificationModel;
import dev.surmbench.results.ResultsLayout;
import dev.surmbench.suite.DefaultCatalog;
import dev.surmbench.suite.RunSpec;
import dev.surmbench.train.Trainer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Scores a saved adapter: rebuilds the run's model by its recipe, loads the adapter, prepares the
 * task's evaluation examples exactly as the run did (same settings, same seed) and evaluates. On
 * CPU the run's recorded best metrics come back bit for bit.
 */
public final class RunEvaluator {
    // A run with adapt_layers was scored on cached prefix states: the same cache gives the same floats.
    private final GlueTaskRunner glue = new GlueTaskRunner(new ActivationCache(null, true, System.err));
    private final ImageTaskRunner images = new ImageTaskRunner();
    private final DefaultCatalog catalog = new DefaultCatalog();

    /**
     * One evaluation.
     *
     * @param recorded the metrics the run recorded for this task and backbone, or empty when the
     *     evaluation is of another task
     */
    public record Evaluation(AdapterManifest manifest, String task, Map<String, Double> metrics, Map<String, Double> recorded) {
        public Evaluation {
            metrics = java.util.Collections.unmodifiableMap(new TreeMap<>(metrics));
            recorded = java.util.Collections.unmodifiableMap(new TreeMap<>(recorded));
        }

        /** Recorded metrics whose value this evaluation did not reproduce exactly. */
        public List<String> differences() {
            List<String> out = new ArrayList<>();
            recorded.forEach((name, value) -> {
                Double now = metrics.get(name);
                if (now == null || Double.compare(now, value) != 0) {
                    out.add(name);
                }
            });
            return out;
        }
    }

    /** {@code eval --run DIR}: the adapter of the run folder {@code runDir}, compared with its run.json. */
    public Evaluation evaluateRun(Path runDir) {
        RecordedRun run = RecordedRun.read(runDir.resolve(ResultsLayout.RUN_JSON));
        AdapterFiles.Saved saved = AdapterFiles.readOfRun(runDir);
        return evaluate(saved, null, null, run.metricsBest());
    }

    /**
     * {@code eval --adapter DIR [--backbone SRC] [--task T]}: the adapter on {@code backbone} (null:
     * the recorded one; its weights must be the ones trained on) scored on {@code task} (null: the
     * run's), compared with the recorded metrics when the task is the run's.
     */
    public Evaluation evaluate(Path adapterDir, String backbone, String task) {
        AdapterFiles.Saved saved = AdapterFiles.read(adapterDir);
        boolean sameTask = task == null || task.equals(saved.manifest().task());
        return evaluate(saved, backbone, task, sameTask ? saved.manifest().metrics() : Map.of());
    }

    private Evaluation evaluate(AdapterFiles.Saved saved, String backbone, String task, Map<String, Double> recorded) {
        AdapterManifest m = saved.manifest();
        String taskName = task == null ? m.task() : task;
        Map<String, Object> settings = new LinkedHashMap<>(m.settings());
        if (backbone != null) {
            settings.put("backbone", backbone);
        }
        RunSpec spec = new RunSpec(m.suite(), taskName, m.recipe().method(), m.label(), m.recipe().options(),
                m.recipe().seed(), settings);
        TaskRunner runner = catalog.taskDomain(taskName) == TaskDomain.IMAGE ? images : glue;
        try {
            int labels = runner.numLabels(spec);
            if (labels != m.recipe().numLabels()) {
                throw new IllegalArgumentException("task " + taskName + " needs a head with " + labels + " output(s); the adapter in "
                        + saved.dir() + " has " + m.recipe().numLabels() + " (trained on " + m.task() + ")");
            }
            try (ModelRecipe.Built built = saved.restore(backbone); TaskRunner.Prepared prepared = runner.prepare(spec, built.model())) {
                ClassificationModel model = built.model();
                Map<String, Double> metrics = Trainer.evaluate(model.block(), model.manager(),
                        new ParameterStore(model.manager(), false), prepared.data());
                return new Evaluation(m, taskName, metrics, recorded);
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot evaluate " + saved.dir() + " on " + taskName + ": " + e.getMessage(), e);
        }
    }
}
