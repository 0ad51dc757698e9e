package dev.surmbench.suite.run;

import ai.djl.nn.Block;
import dev.surmbench.artifact.AdapterFiles;
import dev.surmbench.artifact.AdapterManifest;
import dev.surmbench.artifact.AdapterWeights;
import dev.surmbench.artifact.MergedExport;
import dev.surmbench.artifact.ModelRecipe;
import dev.surmbench.model.ClassificationModel;
import dev.surmbench.model.WeightTensor;
import dev.surmbench.peft.UpdateMethodConfig;
import dev.surmbench.results.ResultsLayout;
import dev.surmbench.suite.ResolvedSettings;
import dev.surmbench.suite.RunSettings;
import dev.surmbench.suite.RunSpec;
import dev.surmbench.train.ProgressListener;
import dev.surmbench.train.TrainingOutcome;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a run keeps of its best epoch, by its {@code save} setting: the adapter folder
 * ({@code runs/<id>/adapter/}) and, with {@code merged}, a merged Hugging Face checkpoint
 * ({@code runs/<id>/merged/}) — and the recipe that builds a run's model, shared with restoring.
 */
final class RunArtifacts {
    private RunArtifacts() {}

    /** The {@code save} setting resolved: {@code auto} is adapter, except none for {@code full}; never AUTO. */
    static RunSettings.Save save(RunSpec spec) {
        RunSettings.Save save = spec.config().save(); // auto in run.json files written before the setting
        return save != RunSettings.Save.AUTO ? save
                : spec.method().equals("full") ? RunSettings.Save.NONE : RunSettings.Save.ADAPTER;
    }

    /** How {@code spec}'s model is built on backbone {@code source} (a pretrain stage already resolved). */
    static ModelRecipe recipe(RunSpec spec, String source, int numLabels) {
        ResolvedSettings settings = spec.config();
        return new ModelRecipe(source, settings.layers(), settings.dropout(), settings.pooling(),
                settings.backboneInit() == RunSettings.BackboneInit.RANDOM, numLabels, spec.seed(), spec.method(),
                spec.methodOptions(), settings.adaptLayers());
    }

    /** The encoder layers a run's method was restricted to, as indices (null: every layer). */
    static List<Integer> adaptLayers(ModelRecipe recipe, ClassificationModel model) {
        return recipe.adaptLayers().isAll() ? null : recipe.adaptLayers().resolve(model.config().numHiddenLayers());
    }

    /** Copies the trainable parameters out at every new best epoch (combine with {@link ProgressListener#both}). */
    static final class BestEpoch implements ProgressListener {
        private final Block model;
        private Map<String, WeightTensor> weights;

        BestEpoch(Block model) {
            this.model = model;
        }

        @Override
        public void newBest(int epoch) {
            weights = AdapterWeights.snapshot(model);
        }
    }

    /**
     * Writes what the run's {@code save} setting asks for a completed run whose best epoch {@code best}
     * kept (null: the setting is none) and returns the written folders by kind, relative to the run's
     * folder (for run.json); nothing for other runs.
     */
    static Map<String, String> write(String suite, RunSpec spec, ModelRecipe recipe, ModelRecipe.Built built,
                                     BestEpoch best, TrainingOutcome result, ResultsLayout layout) throws IOException {
        Map<String, String> written = new LinkedHashMap<>();
        if (best == null || best.weights == null || result.status() != TrainingOutcome.Status.COMPLETED) {
            return written;
        }
        AdapterManifest manifest = new AdapterManifest(spec.runId(), suite, spec.task(), spec.label(), spec.settings(),
                recipe.withOptions(built.method().options()),
                spec.config().backbone(), built.backboneSha256(),
                built.method() instanceof UpdateMethodConfig update ? update.targets() : null,
                built.injection().adaptedModules(), adaptLayers(recipe, built.model()), built.model().headPrefixes(), result.bestEpoch() + 1,
                result.bestMetrics(), null);
        AdapterFiles.write(layout.adapterDir(spec.runId()), manifest, best.weights);
        written.put("adapter", ResultsLayout.ADAPTER_DIR);
        if (save(spec) == RunSettings.Save.MERGED) {
            MergedExport.write(AdapterFiles.read(layout.adapterDir(spec.runId())), layout.mergedDir(spec.runId()), null);
            written.put("merged", ResultsLayout.MERGED_DIR);
        }
        return written;
    }
}
