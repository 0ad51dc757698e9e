package dev.surmbench.suite;

import dev.surmbench.data.TaskDomain;
import dev.surmbench.data.glue.HeadlineConvention;
import dev.surmbench.model.Pooling;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Every setting of a run other than task, method and seed, as the user types them (snake_case keys).
 * Values resolve in layers: built-in defaults, an included file's defaults, the suite's defaults,
 * then per-task and per-method overrides. Each setting applies to GLUE (text) tasks, image tasks or
 * both ({@link Domain}, against the task's {@link TaskDomain}); a run carries only the settings of its
 * task's domain, so an image-only setting never enters (and never changes) the id of a GLUE run. The
 * map is what identifies and records a run; code that runs it reads {@link ResolvedSettings}, which
 * takes each built-in default from here.
 */
public final class RunSettings {

    /**
     * A setting: its YAML key, its built-in default, its kind and allowed range, its domain, meaning,
     * allowed words, and whether it is part of a run's identity (see {@link Identity}).
     */
    public record Key(String name, Object builtIn, Kind kind, double min, double max, Domain domain, String description,
                      Set<String> choices, Identity identity) {
        public Key {
            choices = Set.copyOf(choices);
        }

        Key(String name, Object builtIn, Kind kind, double min, double max, Domain domain, String description,
            Set<String> choices) {
            this(name, builtIn, kind, min, max, domain, description, choices, Identity.ALWAYS);
        }

        Key(String name, Object builtIn, Kind kind, double min, double max, Domain domain, String description) {
            this(name, builtIn, kind, min, max, domain, description, Set.of());
        }

        /** A copy with another identity rule. */
        Key identity(Identity rule) {
            return new Key(name, builtIn, kind, min, max, domain, description, choices, rule);
        }
    }

    /**
     * How a setting enters a run id. A setting that can change a run's numbers is part of its identity;
     * one that only says how or where it executes (a device, what to save) never is. A setting added
     * after runs were recorded enters the id only when it differs from its built-in default, so the
     * ids of recorded runs (and the baselines that cite them) stay valid.
     */
    public enum Identity {
        /** Always part of the run id. */
        ALWAYS,
        /** Part of the run id only when not at its built-in default. */
        WHEN_SET,
        /** An execution detail: never part of the run id. */
        NEVER
    }

    /** Value kinds a setting can take. */
    public enum Kind {
        INT, NUMBER, TEXT,
        /** Encoder layers: {@code all}, {@code top-N} or a list of indices, kept as canonical text. */
        LAYERS
    }

    /** Which tasks a setting applies to. */
    public enum Domain {
        ALL,
        /** GLUE (text) tasks only. */
        TEXT,
        IMAGE;

        boolean includes(TaskDomain task) {
            return switch (this) {
                case ALL -> true;
                case TEXT -> task == TaskDomain.GLUE;
                case IMAGE -> task == TaskDomain.IMAGE;
            };
        }
    }

    /**
     * A setting whose values are a fixed set of words: each constant's word is its name in lower case
     * with {@code -} for {@code _} ({@code CROP_FLIP} is {@code crop-flip}), as {@link #choice} reads it.
     */
    public interface Word {
        /** The word a suite file (and run.json) uses for this value. */
        default String word() {
            return wordOf((Enum<?>) this);
        }
    }

    /** Values of {@code save}: what a run keeps of its best epoch. */
    public enum Save implements Word {
        /** Adapter, except none for {@code full} (whose "adapter" is the whole backbone). */
        AUTO,
        /** The best epoch's trainable parameters in {@code runs/<id>/adapter/}. */
        ADAPTER,
        /** Nothing but the metrics. */
        NONE,
        /** The adapter, and {@code runs/<id>/merged/}, a Hugging Face checkpoint with it merged. */
        MERGED
    }

    /** Values of {@code augment}. */
    public enum Augment implements Word { NONE, CROP_FLIP }

    /** Values of {@code backbone_init}. */
    public enum BackboneInit implements Word { PRETRAINED, RANDOM }

    /**
     * The constant of {@code type} whose word ({@link Word}: lower case, {@code -} for {@code _}) is
     * {@code word}; an {@link IllegalArgumentException} naming the allowed words otherwise.
     */
    public static <E extends Enum<E>> E choice(Class<E> type, String word) {
        for (E value : type.getEnumConstants()) {
            if (wordOf(value).equals(word)) {
                return value;
            }
        }
        throw new IllegalArgumentException("'" + word + "' is not one of " + words(type.getEnumConstants()));
    }

    private static String wordOf(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The words of {@code values}, sorted. */
    private static Set<String> words(Enum<?>... values) {
        return Arrays.stream(values).map(RunSettings::wordOf).collect(Collectors.toCollection(TreeSet::new));
    }

    public static final List<Key> KEYS = List.of(
            new Key("backbone", "embedded:all-minilm-l6-v2", Kind.TEXT, 0, 0, Domain.ALL,
                    "backbone source (embedded:…, maven:…, hf:…, pretrain:NAME)"),
            new Key("layers", 0L, Kind.INT, 0, 1000, Domain.ALL, "use only the first N encoder layers (0 = all)"),
            new Key("adapt_layers", "all", Kind.LAYERS, 0, 0, Domain.TEXT,
                    "encoder layers the method adapts (PEFT's layers_to_transform): all, top-N or a list like [4, 5];"
                            + " nothing below trains, and the frozen prefix below the lowest one is computed once per"
                            + " task (eval mode) and cached", Set.of()).identity(Identity.WHEN_SET),
            new Key("dropout", -1.0, Kind.NUMBER, -1, 0.9, Domain.ALL,
                    "hidden and attention dropout of the backbone (-1 = the checkpoint's own, e.g. 0.1)"),
            new Key("pooling", Pooling.CLS.userName(), Kind.TEXT, 0, 0, Domain.ALL,
                    "head input: cls (first token, BERT's/ViT's) or mean (masked mean, sentence-transformers')",
                    Arrays.stream(Pooling.values()).map(Pooling::userName).collect(Collectors.toSet())),
            new Key("max_length", 128L, Kind.INT, 8, 4096, Domain.TEXT, "maximum tokens per example (longest-first truncation)"),
            new Key("batch_size", 32L, Kind.INT, 1, 65536, Domain.ALL, "training batch size"),
            new Key("eval_batch_size", 64L, Kind.INT, 1, 65536, Domain.ALL, "evaluation batch size"),
            new Key("epochs", 3L, Kind.INT, 1, 10000, Domain.ALL, "passes over the training data"),
            new Key("learning_rate", 5e-4, Kind.NUMBER, 1e-9, 10, Domain.ALL, "peak AdamW learning rate"),
            new Key("weight_decay", 0.0, Kind.NUMBER, 0, 10, Domain.ALL, "decoupled weight decay (not on biases/LayerNorm)"),
            new Key("warmup_ratio", 0.06, Kind.NUMBER, 0, 1, Domain.ALL, "fraction of steps of linear warm-up"),
            new Key("max_grad_norm", 1.0, Kind.NUMBER, 0, 1e6, Domain.ALL, "global gradient-norm clip (0 = none)"),
            new Key("train_limit", 0L, Kind.INT, 0, 1e9, Domain.ALL, "stratified training subset size (0 = all)"),
            new Key("eval_limit", 0L, Kind.INT, 0, 1e9, Domain.ALL, "stratified dev/test subset size (0 = all)"),
            new Key("validation", 0.0, Kind.NUMBER, 0, 1e9, Domain.ALL,
                    "validation split carved from the training set, stratified, never trained on; the best epoch (and"
                            + " the saved adapter) is chosen on it and dev becomes the held-out test: 0 = none (best epoch"
                            + " on dev, the paper protocol), a fraction below 1 of the whole training set, or a whole count;"
                            + " carved before train_limit subsamples the rest")
                    .identity(Identity.WHEN_SET),
            new Key("validation_seed", 0L, Kind.INT, 0, 1e9, Domain.ALL,
                    "seed of the validation split, shared by every method and run seed").identity(Identity.WHEN_SET),
            new Key("headline", wordOf(HeadlineConvention.SURM_PAPER), Kind.TEXT, 0, 0, Domain.TEXT,
                    "headline metric convention: surm-paper or glue-leaderboard", words(HeadlineConvention.values())),
            new Key("glue_dir", "", Kind.TEXT, 0, 0, Domain.TEXT, "GLUE folder (empty: -Dglue.dir, then $GLUE_DIR, then the download cache)"),
            new Key("image_size", 0L, Kind.INT, 0, 4096, Domain.IMAGE,
                    "input side in pixels (0 = the backbone's image_size; otherwise it must equal it)"),
            new Key("data_dir", "", Kind.TEXT, 0, 0, Domain.IMAGE,
                    "images root (empty: -Dimages.dir, then $IMAGES_DIR, then the download cache)"),
            new Key("augment", Augment.NONE.word(), Kind.TEXT, 0, 0, Domain.IMAGE,
                    "training augmentation: none, or crop-flip (random crop with 1/8 padding + horizontal flip)",
                    words(Augment.values())),
            new Key("backbone_init", BackboneInit.PRETRAINED.word(), Kind.TEXT, 0, 0, Domain.IMAGE,
                    "pretrained, or random: the backbone's shape with seeded random weights (a transfer control)",
                    words(BackboneInit.values())),
            new Key("device", DeviceChoice.AUTO, Kind.TEXT, 0, 0, Domain.ALL,
                    "where runs execute: auto (the first GPU the engine can use, else the CPU), cpu, cuda or cuda:N;"
                            + " an execution detail, never part of the run id").identity(Identity.NEVER),
            new Key("save", Save.AUTO.word(), Kind.TEXT, 0, 0, Domain.ALL,
                    "what a run keeps of its best epoch: adapter (runs/<id>/adapter/), merged (the adapter and runs/<id>/merged/,"
                            + " a Hugging Face checkpoint), none; auto = adapter, but none for full",
                    words(Save.values())).identity(Identity.NEVER));

    private RunSettings() {}

    public static Key key(String name) {
        for (Key k : KEYS) {
            if (k.name().equals(name)) {
                return k;
            }
        }
        return null;
    }

    public static List<String> names() {
        return KEYS.stream().map(Key::name).toList();
    }

    /** The built-in defaults, in key order. */
    public static Map<String, Object> builtIns() {
        Map<String, Object> out = new LinkedHashMap<>();
        KEYS.forEach(k -> out.put(k.name(), k.builtIn()));
        return out;
    }

    /** The settings that determine a run's numbers (see {@link Identity}), in the order given. */
    public static Map<String, Object> identity(Map<String, Object> settings) {
        Map<String, Object> out = new LinkedHashMap<>();
        settings.forEach((k, v) -> {
            Key key = key(k);
            Identity rule = key == null ? Identity.ALWAYS : key.identity();
            if (rule == Identity.ALWAYS || (rule == Identity.WHEN_SET && !isBuiltIn(key, v))) {
                out.put(k, v);
            }
        });
        return out;
    }

    /** Whether {@code value} is the key's built-in default; numbers by value (run.json reads 0 back as an Integer). */
    private static boolean isBuiltIn(Key key, Object value) {
        if (value instanceof Number n && key.builtIn() instanceof Number b) {
            return n.doubleValue() == b.doubleValue();
        }
        return java.util.Objects.equals(value, key.builtIn());
    }

    /** {@code settings} restricted to the keys that apply to tasks of {@code domain}. */
    public static Map<String, Object> forDomain(Map<String, Object> settings, TaskDomain domain) {
        Map<String, Object> out = new LinkedHashMap<>();
        settings.forEach((k, v) -> {
            Key key = key(k);
            if (key == null || key.domain().includes(domain)) {
                out.put(k, v);
            }
        });
        return out;
    }
}
