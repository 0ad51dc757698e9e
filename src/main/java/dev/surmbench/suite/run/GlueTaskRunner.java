package dev.surmbench.suite.run;

import dev.surmbench.data.glue.GlueData;
import dev.surmbench.data.glue.GlueLocation;
import dev.surmbench.data.glue.GlueSplit;
import dev.surmbench.data.glue.GlueTask;
import dev.surmbench.data.glue.TaskData;
import dev.surmbench.data.text.TextTokenizer;
import dev.surmbench.model.ClassificationModel;
import dev.surmbench.model.LayerSelection;
import dev.surmbench.suite.ResolvedSettings;
import dev.surmbench.suite.RunSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * GLUE tasks: the task's files (cached across runs), the backbone's tokenizer, {@link
 * GlueTrainingData}. With {@code adapt_layers} above layer 0 the model is entered at the lowest
 * adapted layer and fed the frozen prefix's states from the {@link ActivationCache}.
 */
final class GlueTaskRunner implements TaskRunner {
    private final Map<String, TaskData> cache = new HashMap<>();
    private final ActivationCache activations;

    GlueTaskRunner(ActivationCache activations) {
        this.activations = activations;
    }
    private final FileHashes hashes = new FileHashes();

    @Override
    public int numLabels(RunSpec spec) {
        return GlueTask.fromName(spec.task()).numLabels();
    }

    @Override
    public Prepared prepare(RunSpec spec, ClassificationModel model) {
        GlueTask task = GlueTask.fromName(spec.task());
        ResolvedSettings settings = spec.config();
        TaskData data = cache.computeIfAbsent(spec.task() + "|" + settings.glueDir(),
                k -> GlueData.fromSettings(settings.glueDir()).load(task));
        TextTokenizer tokenizer = TextTokenizer.fromTokenizerJson(
                model.tokenizerPath().orElseThrow(() -> new IllegalArgumentException(
                        "backbone " + settings.backbone() + " has no tokenizer.json; GLUE needs a text encoder")),
                settings.maxLength());
        try {
            int entry = entryLayer(spec, model);
            if (entry > 0) {
                model.enterAt(entry);
            }
            GlueTrainingData trainingData = new GlueTrainingData(task, data, tokenizer, settings.headline(),
                    settings.trainLimit(), settings.evalLimit(), settings.validation(), settings.batchSize(),
                    settings.evalBatchSize(), spec.seed(),
                    entry > 0 ? examples -> activations.states(model, entry, examples) : null);
            return new Prepared(trainingData, datasetSha(task, data.glueDir()), tokenizer);
        } catch (RuntimeException e) {
            tokenizer.close();
            throw e;
        }
    }

    /** The lowest adapted layer (0 = the whole encoder trains from the embeddings up). */
    static int entryLayer(RunSpec spec, ClassificationModel model) {
        LayerSelection adapted = spec.config().adaptLayers();
        return adapted.isAll() ? 0 : adapted.firstLayer(model.config().numHiddenLayers());
    }

    @Override
    public Map<String, String> currentDatasetSha(RunSpec spec) {
        return datasetSha(GlueTask.fromName(spec.task()), GlueLocation.resolve(spec.config().glueDir()).dir());
    }

    /** SHA-256 of each of the task's files present in {@code glueDir} by relative name ("unknown" without a folder). */
    private Map<String, String> datasetSha(GlueTask task, Path glueDir) {
        Map<String, String> out = new LinkedHashMap<>();
        for (GlueSplit split : GlueSplit.values()) {
            Path file = glueDir == null ? null : glueDir.resolve(task.relativePath(split));
            if (file == null || Files.isRegularFile(file)) {
                out.put(task.relativePath(split), file == null ? "unknown" : hashes.of(file));
            }
        }
        return out;
    }
}
