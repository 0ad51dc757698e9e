package dev.surmbench.model;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.Initializer;
import dev.surmbench.model.bert.BertConfig;
import dev.surmbench.model.bert.BertForSequenceClassification;
import dev.surmbench.model.source.HfCheckpointSource;
import dev.surmbench.model.vit.VitConfig;
import dev.surmbench.model.vit.VitForImageClassification;
import java.lang.ref.SoftReference;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Builds classification models: an encoder from a {@link BackboneSource} with a fresh task head.
 *
 * <pre>{@code
 * try (ClassificationModel m = Backbones.classification("embedded:all-minilm-l6-v2", 2, seed)) {
 *     PeftInjector.inject(m.block(), MethodRegistry.parse("lora", Map.of()), m.headPrefixes(), seed);
 *     NDArray logits = m.forward(new NDList(ids, typeIds, mask), true);
 * }
 * }</pre>
 *
 * Every backbone parameter comes from the file (names and shapes checked, nothing partial); the
 * head ({@code classifier}, and a pooler the file lacks) is initialised from {@code seed} only,
 * never from the engine's random generator.
 */
public final class Backbones {
    private static final Map<String, SoftReference<TensorSet>> LOADED = new HashMap<>();
    private Backbones() {}

    /** A classification model on the backbone named by {@code sourceSpec} (see {@link BackboneSource#parse}). */
    public static ClassificationModel classification(String sourceSpec, int numLabels, long seed) {
        return classification(BackboneSource.parse(sourceSpec), numLabels, seed);
    }

    /** A classification model on {@code source}: weights loaded strictly, head seeded. */
    public static ClassificationModel classification(BackboneSource source, int numLabels, long seed) {
        return classification(source, numLabels, seed, 0);
    }

    /**
     * As {@link #classification(String, int, long)}, keeping only the first {@code layers} encoder
     * layers ({@code 0} = all): the file's tensors of the dropped layers are reported as ignored.
     */
    public static ClassificationModel classification(String sourceSpec, int numLabels, long seed, int layers) {
        return classification(BackboneSource.parse(sourceSpec), numLabels, seed, layers);
    }

    /** A classification model on the first {@code layers} layers of {@code source} (0 = all). */
    public static ClassificationModel classification(BackboneSource source, int numLabels, long seed, int layers) {
        return classification(source, numLabels, seed, new ModelOptions(layers, -1, Pooling.CLS));
    }

    /** A classification model on {@code source} cut and headed as {@code options} says, on the CPU. */
    public static ClassificationModel classification(BackboneSource source, int numLabels, long seed,
                                                     ModelOptions options) {
        return classification(source, numLabels, seed, options, Device.cpu());
    }

    /** As {@link #classification(BackboneSource, int, long, ModelOptions)}, every array on {@code device}. */
    public static ClassificationModel classification(BackboneSource source, int numLabels, long seed,
                                                     ModelOptions options, Device device) {
        BackboneConfig config = options.apply(source.config());
        Path tokenizer = config.family() == Architecture.Family.BERT ? source.tokenizer().orElse(null) : null;
        return build(config, numLabels, options.pooling(), weights(source), seed, source.spec(), tokenizer, device, false);
    }

    /**
     * The source's tensors, read once per process while memory allows: a suite builds the same
     * backbone for every run, and reading BERT-base's TF bundle takes seconds each time. Held softly,
     * so the collector may drop them under memory pressure (they are then read again).
     */
    private static TensorSet weights(BackboneSource source) {
        synchronized (LOADED) {
            SoftReference<TensorSet> held = LOADED.get(source.spec());
            TensorSet weights = held == null ? null : held.get();
            if (weights == null) {
                weights = source.weights();
                LOADED.put(source.spec(), new SoftReference<>(weights));
            }
            return weights;
        }
    }

    /**
     * A classification model exactly as a checkpoint folder holds it, task head included (e.g. a
     * merged export): {@code classifier.*} and the pooler come from the file — their absence is an
     * error, not a seeded fallback — the head's label count from {@code classifier.weight}, and the
     * pooling from {@link HfCheckpointSource#pooling()}.
     */
    public static ClassificationModel withCheckpointHead(HfCheckpointSource source) {
        TensorSet weights = source.weights();
        BackboneConfig config = source.config();
        Path tokenizer = config.family() == Architecture.Family.BERT ? source.tokenizer().orElse(null) : null;
        int numLabels = (int) weights.require("classifier.weight").shape()[0];
        return build(config, numLabels, source.pooling(), weights, 0L, source.spec(), tokenizer, Device.cpu(), true);
    }

    /** A model whose every parameter is seeded (no pretrained weights), e.g. a tiny ViT for CPU tests. */
    public static ClassificationModel random(BackboneConfig config, int numLabels, long seed) {
        return random(config, numLabels, seed, Pooling.CLS);
    }

    /** As {@link #random(BackboneConfig, int, long)} with the head pooling tokens by {@code pooling}. */
    public static ClassificationModel random(BackboneConfig config, int numLabels, long seed, Pooling pooling) {
        return random(config, numLabels, seed, pooling, Device.cpu());
    }

    /** As {@link #random(BackboneConfig, int, long, Pooling)}, every array on {@code device}. */
    public static ClassificationModel random(BackboneConfig config, int numLabels, long seed, Pooling pooling,
                                             Device device) {
        return build(config, numLabels, pooling, null, seed, "random", null, device, false);
    }

    /** The encoder of {@code sourceSpec} for inference (a 2-label head is built but unused). */
    public static ClassificationModel encoder(String sourceSpec) {
        return encoder(BackboneSource.parse(sourceSpec));
    }

    /** The encoder of {@code source} for inference (a 2-label head is built but unused; all parameters frozen). */
    public static ClassificationModel encoder(BackboneSource source) {
        return encoder(source, Device.cpu());
    }

    /** As {@link #encoder(BackboneSource)}, every array on {@code device}. */
    public static ClassificationModel encoder(BackboneSource source, Device device) {
        ClassificationModel m = classification(source, 2, 0L, ModelOptions.DEFAULT, device);
        m.freezeAll(true);
        return m;
    }

    /** The untrained block for a config (parameters not initialised). */
    public static Block newBlock(BackboneConfig config, int numLabels) {
        return newBlock(config, numLabels, Pooling.CLS);
    }

    /** The untrained block for a config whose head pools tokens by {@code pooling}. */
    public static Block newBlock(BackboneConfig config, int numLabels, Pooling pooling) {
        if (config instanceof BertConfig bert) {
            return new BertForSequenceClassification(bert, numLabels, pooling);
        }
        if (config instanceof VitConfig vit) {
            return new VitForImageClassification(vit, numLabels, pooling);
        }
        throw new IllegalArgumentException("unsupported backbone config " + config);
    }

    private static ClassificationModel build(
            BackboneConfig config, int numLabels, Pooling pooling, TensorSet weights, long seed, String spec,
            Path tokenizer, Device device, boolean headFromWeights) {
        Block block = newBlock(config, numLabels, pooling);
        LoadReport report = WeightBinder.bind(block, config, weights, seed, headFromWeights);
        Model model = Model.newInstance(spec, device, "PyTorch");
        try {
            model.setBlock(block);
            block.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, 1));
            for (Parameter p : block.getParameters().values()) {
                p.setInitializer(Initializer.ZEROS); // drop references to the loaded host arrays
            }
            return new ClassificationModel(model, config, numLabels, spec, tokenizer, report);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }
}
