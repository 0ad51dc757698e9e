package dev.surmbench.suite.run;

import dev.surmbench.data.glue.GlueData;
import dev.surmbench.data.glue.GlueDownloader;
import dev.surmbench.data.glue.GlueLocation;
import dev.surmbench.data.glue.GlueSplit;
import dev.surmbench.data.glue.GlueTask;
import dev.surmbench.data.glue.TaskData;
import dev.surmbench.data.text.TextTokenizer;
import dev.surmbench.model.ClassificationModel;
import dev.surmbench.model.LayerSelection;
import dev.surmbench.suite.ResolvedSettings;
import dev.surmbench.suite.RunSpec;
import java.io.UncheckedIOException;
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

    private final FileHashes hashes = new FileHashes();

    GlueTaskRunner(ActivationCache activations) {
        this.activations = activations;
    }

    @Override
    public int numLabels(RunSpec spec) {
        return GlueTask.fromName(spec.task()).numLabels();
    }

    @Override
    public Prepared prepare(RunSpec spec, ClassificationModel model) {
        GlueTask task = GlueTask.fromName(spec.task());
        ResolvedSettings settings = spec.config();
        TaskData data = data(task, settings.glueDir());
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

    @Override
    public void checkAvailable(RunSpec spec) {
        GlueTask task = GlueTask.fromName(spec.task());
        String setting = spec.config().glueDir();
        GlueLocation location = GlueLocation.resolve(setting);
        if (location.isConfigured()) {
            for (GlueSplit split : GlueSplit.values()) {
                if (!Files.isRegularFile(location.dir().resolve(task.relativePath(split)))) {
                    throw new EnvironmentUnavailableException("GLUE task " + task.userName() + ": no "
                            + task.relativePath(split) + " under " + location.dir() + " (from "
                            + location.source().description() + "); set " + GlueLocation.ENV
                            + "=/path/to/glue (or the suite's glue_dir) to a folder laid out by the GLUE download "
                            + "script (" + task.relativePath(GlueSplit.TRAIN) + ", " + task.relativePath(GlueSplit.DEV)
                            + "; see docs/cli.md#data), or unset it to download into the cache");
                }
            }
        }
        try {
            data(task, setting);
        } catch (UncheckedIOException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new EnvironmentUnavailableException("GLUE task " + task.userName() + ": no "
                    + task.relativePath(GlueSplit.TRAIN) + " under " + GlueLocation.ENV + " (unset) nor the download cache "
                    + location.dir() + ", and downloading it failed (" + cause.getMessage() + "); set "
                    + GlueLocation.ENV + "=/path/to/glue (a folder laid out by the GLUE download script, see "
                    + "docs/cli.md#data) or allow the download (network access to " + GlueDownloader.DEFAULT_BASE + ")", e);
        }
    }

    /** The task's files, read once per GLUE folder setting (downloaded into the cache first where that is the folder). */
    private TaskData data(GlueTask task, String glueDir) {
        return cache.computeIfAbsent(task.userName() + "|" + glueDir, k -> GlueData.fromSettings(glueDir).load(task));
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
