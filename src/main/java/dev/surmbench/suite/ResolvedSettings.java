package dev.surmbench.suite;

import dev.surmbench.data.ValidationSplit;
import dev.surmbench.data.glue.HeadlineConvention;
import dev.surmbench.model.LayerSelection;
import dev.surmbench.model.Pooling;
import dev.surmbench.suite.RunSettings.Augment;
import dev.surmbench.suite.RunSettings.BackboneInit;
import dev.surmbench.suite.RunSettings.Save;
import java.util.Map;
import java.util.Objects;

/**
 * A run's resolved settings, typed: what the code that runs it reads, built once from the settings
 * map by {@link #of}. The map ({@link RunSpec#settings()}) stays what a run is identified and recorded
 * by; this is a view of it, one component per {@link RunSettings#KEYS key}.
 *
 * <p>A key absent from the map takes its built-in default ({@link RunSettings.Key#builtIn()}): a
 * setting of the other task domain (an image-only setting of a GLUE run is never read by its task
 * runner), or one added after a run.json was written (whose run then ran as the default says).
 *
 * @param validation the {@code validation} and {@code validation_seed} settings: the split carved from the
 *     training set that selects the epoch ({@link ValidationSplit#NONE}: dev selects it)
 * @param device the {@code device} text as written (auto, cpu, cuda, cuda:N), parsed and resolved
 *     ({@link DeviceChoice}) where runs are placed on devices
 */
public record ResolvedSettings(String backbone, int layers, LayerSelection adaptLayers, double dropout, Pooling pooling,
                               int maxLength, int batchSize, int evalBatchSize, int epochs, double learningRate,
                               double weightDecay, double warmupRatio, double maxGradNorm, int trainLimit, int evalLimit,
                               ValidationSplit validation, HeadlineConvention headline, String glueDir, int imageSize, String dataDir, Augment augment,
                               BackboneInit backboneInit, String device, Save save) {

    public ResolvedSettings {
        Objects.requireNonNull(backbone, "backbone");
        Objects.requireNonNull(adaptLayers, "adapt_layers");
        Objects.requireNonNull(pooling, "pooling");
        Objects.requireNonNull(validation, "validation");
        Objects.requireNonNull(headline, "headline");
        Objects.requireNonNull(glueDir, "glue_dir");
        Objects.requireNonNull(dataDir, "data_dir");
        Objects.requireNonNull(augment, "augment");
        Objects.requireNonNull(backboneInit, "backbone_init");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(save, "save");
    }

    /** The typed view of resolved settings by key (numbers of any boxed type, as run.json reads back). */
    public static ResolvedSettings of(Map<String, Object> settings) {
        Values v = new Values(settings);
        return new ResolvedSettings(v.text("backbone"), v.integer("layers"), LayerSelection.parse(v.text("adapt_layers")),
                v.number("dropout"), Pooling.fromName(v.text("pooling")), v.integer("max_length"), v.integer("batch_size"),
                v.integer("eval_batch_size"), v.integer("epochs"), v.number("learning_rate"), v.number("weight_decay"),
                v.number("warmup_ratio"), v.number("max_grad_norm"), v.integer("train_limit"), v.integer("eval_limit"),
                new ValidationSplit(v.number("validation"), v.integer("validation_seed")), v.choice("headline", HeadlineConvention.class), v.text("glue_dir"), v.integer("image_size"),
                v.text("data_dir"), v.choice("augment", Augment.class), v.choice("backbone_init", BackboneInit.class),
                v.text("device"), v.choice("save", Save.class));
    }

    /** Reads one key of the map, or its built-in default where the map lacks it. */
    private record Values(Map<String, Object> settings) {
        private Object get(String key) {
            Object value = settings.get(key);
            if (value != null) {
                return value;
            }
            RunSettings.Key known = RunSettings.key(key);
            if (known == null) {
                throw new IllegalArgumentException("no setting '" + key + "'");
            }
            return known.builtIn();
        }

        String text(String key) {
            return String.valueOf(get(key));
        }

        int integer(String key) {
            return ((Number) get(key)).intValue();
        }

        double number(String key) {
            return ((Number) get(key)).doubleValue();
        }

        <E extends Enum<E>> E choice(String key, Class<E> type) {
            return RunSettings.choice(type, text(key));
        }
    }
}
