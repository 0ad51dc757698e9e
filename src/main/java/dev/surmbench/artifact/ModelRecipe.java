package dev.surmbench.artifact;

import dev.surmbench.model.BackboneConfig;
import dev.surmbench.model.BackboneSource;
import dev.surmbench.model.Backbones;
import ai.djl.Device;
import dev.surmbench.model.ClassificationModel;
import dev.surmbench.model.LayerSelection;
import dev.surmbench.model.ModelOptions;
import dev.surmbench.model.Pooling;
import dev.surmbench.peft.InjectionReport;
import dev.surmbench.peft.MethodConfig;
import dev.surmbench.peft.MethodRegistry;
import dev.surmbench.peft.PeftInjector;
import dev.surmbench.util.Seeds;
import java.util.Map;
import java.util.TreeMap;

/**
 * How a run's model is built: the backbone from {@code source} cut to {@code layers} with the given
 * dropout and pooling, a task head seeded from {@code Seeds.derive(seed, "head")} — or, with
 * {@code randomInit}, the same shape seeded throughout from {@code Seeds.derive(seed,
 * "backbone-init")} — and the method injected with {@code Seeds.derive(seed, "peft-init")}, only
 * in the encoder layers {@code adaptLayers} selects (nothing else of the backbone trains).
 * Training and every restore (eval, merged export) build through this one recipe.
 *
 * @param source a backbone source spec {@link BackboneSource#parse} accepts (a {@code pretrain:}
 *     stage already resolved to its {@code hf:} folder)
 * @param layers encoder layers kept (0 = all)
 * @param dropout every dropout rate of the encoder ({@code < 0}: the checkpoint's own)
 * @param options the method's options as {@link MethodRegistry#parse} takes them
 * @param adaptLayers the encoder layers the method adapts
 */
public record ModelRecipe(String source, int layers, double dropout, Pooling pooling, boolean randomInit,
                          int numLabels, long seed, String method, Map<String, Object> options,
                          LayerSelection adaptLayers) {

    public ModelRecipe {
        options = java.util.Collections.unmodifiableMap(new TreeMap<>(options));
        adaptLayers = adaptLayers == null ? LayerSelection.ALL : adaptLayers;
    }

    /** The same recipe on another backbone source. */
    public ModelRecipe withSource(String otherSource) {
        return new ModelRecipe(otherSource, layers, dropout, pooling, randomInit, numLabels, seed, method, options,
                adaptLayers);
    }

    /** The same recipe with the method's options given another way (e.g. resolved, every default filled in). */
    public ModelRecipe withOptions(Map<String, Object> otherOptions) {
        return new ModelRecipe(source, layers, dropout, pooling, randomInit, numLabels, seed, method, otherOptions,
                adaptLayers);
    }

    /** The model with the method injected, untrained, on the CPU. */
    public Built build() {
        return build(false, Device.cpu());
    }

    /**
     * The model with the method injected; with {@code hashBackbone} the SHA-256 of the backbone's
     * weights ({@link AdapterWeights#backboneSha256}) is taken first, before anything can train.
     */
    public Built build(boolean hashBackbone, Device device) {
        MethodConfig config = MethodRegistry.parse(method, options);
        ModelOptions modelOptions = new ModelOptions(layers, dropout, pooling);
        ClassificationModel model;
        if (randomInit) {
            BackboneConfig shape = modelOptions.apply(BackboneSource.parse(source).config());
            model = Backbones.random(shape, numLabels, Seeds.derive(seed, "backbone-init"), pooling, device);
        } else {
            model = Backbones.classification(BackboneSource.parse(source), numLabels, Seeds.derive(seed, "head"), modelOptions,
                    device);
        }
        try {
            String sha = hashBackbone ? AdapterWeights.backboneSha256(model.block(), model.headPrefixes()) : null;
            InjectionReport injection = PeftInjector.inject(model.block(), config, model.headPrefixes(),
                    adaptLayers.modulePrefixes(model.config().prefix(), model.config().numHiddenLayers()),
                    Seeds.derive(seed, "peft-init"));
            return new Built(model, config, injection, sha);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /**
     * A built model; closing it closes the model.
     *
     * @param backboneSha256 the backbone weights' SHA-256, or null when not asked for
     */
    public record Built(ClassificationModel model, MethodConfig method, InjectionReport injection, String backboneSha256)
            implements AutoCloseable {
        @Override
        public void close() {
            model.close();
        }
    }
}
