package dev.surmbench.suite;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every setting of a run other than task, method and seed, as the user types them (snake_case keys).
 * Values resolve in layers: built-in defaults, an included file's defaults, the suite's defaults,
 * then per-task and per-method overrides.
 */
public final class RunSettings {

    /** A setting: its YAML key, its built-in default, its kind and allowed range, and what it means. */
    public record Key(String name, Object builtIn, Kind kind, double min, double max, String description) {}

    /** Value kinds a setting can take. */
    public enum Kind { INT, NUMBER, TEXT }

    public static final List<Key> KEYS = List.of(
            new Key("backbone", "embedded:all-minilm-l6-v2", Kind.TEXT, 0, 0, "backbone source (embedded:…, maven:…, hf:…)"),
            new Key("layers", 0L, Kind.INT, 0, 1000, "use only the first N encoder layers (0 = all)"),
            new Key("dropout", -1.0, Kind.NUMBER, -1, 0.9,
                    "hidden and attention dropout of the backbone (-1 = the checkpoint's own, e.g. 0.1)"),
            new Key("pooling", "cls", Kind.TEXT, 0, 0,
                    "head input: cls (first token, BERT's) or mean (masked mean, sentence-transformers')"),
            new Key("max_length", 128L, Kind.INT, 8, 4096, "maximum tokens per example (longest-first truncation)"),
            new Key("batch_size", 32L, Kind.INT, 1, 65536, "training batch size"),
            new Key("eval_batch_size", 64L, Kind.INT, 1, 65536, "evaluation batch size"),
            new Key("epochs", 3L, Kind.INT, 1, 10000, "passes over the training data"),
            new Key("learning_rate", 5e-4, Kind.NUMBER, 1e-9, 10, "peak AdamW learning rate"),
            new Key("weight_decay", 0.0, Kind.NUMBER, 0, 10, "decoupled weight decay (not on biases/LayerNorm)"),
            new Key("warmup_ratio", 0.06, Kind.NUMBER, 0, 1, "fraction of steps of linear warm-up"),
            new Key("max_grad_norm", 1.0, Kind.NUMBER, 0, 1e6, "global gradient-norm clip (0 = none)"),
            new Key("train_limit", 0L, Kind.INT, 0, 1e9, "stratified training subset size (0 = all)"),
            new Key("eval_limit", 0L, Kind.INT, 0, 1e9, "stratified dev subset size (0 = all)"),
            new Key("headline", "surm-paper", Kind.TEXT, 0, 0, "headline metric convention: surm-paper or glue-leaderboard"),
            new Key("glue_dir", "", Kind.TEXT, 0, 0, "GLUE folder (empty: -Dglue.dir, then $GLUE_DIR, then the download cache)"));

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
}
