package dev.surmbench.model;

import dev.surmbench.model.bert.BertConfig;
import dev.surmbench.model.safetensors.SafeTensors;
import dev.surmbench.model.source.HfCheckpointWriter;
import dev.surmbench.model.vit.VitConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Tiny configs and Hugging Face-style checkpoint folders written from live models, for CPU tests. */
public final class TinyCheckpoints {
    public static final BertConfig TINY_BERT = new BertConfig(64, 16, 2, 2, 32, 24, 2, 1e-12, 0.1, 0.1);
    public static final VitConfig TINY_VIT = new VitConfig(8, 4, 3, 16, 2, 2, 32, 1e-12, 0.0, 0.0, true);

    /** The words of {@link #bertFolder}'s vocabulary after the BERT specials. */
    public static final List<String> WORDS = List.of("the", "cat", "sat", "on", "mat", ".", "a", "dog", "##s", "ran");

    private TinyCheckpoints() {}

    /**
     * A Hugging Face BERT folder of {@link #TINY_BERT} with random weights: config.json,
     * model.safetensors (with the task model's "bert." prefix when {@code prefixed}, and an MLM head
     * bias) and a vocab.txt of {@link #WORDS}.
     */
    public static Path bertFolder(Path dir, long seed, boolean prefixed) throws IOException {
        try (ClassificationModel m = Backbones.random(TINY_BERT, 2, seed)) {
            Map<String, WeightTensor> tensors = new LinkedHashMap<>();
            parameters(m).forEach((k, v) -> tensors.put(prefixed || !k.startsWith("bert.") ? k : k.substring(5), v));
            tensors.put("cls.predictions.bias", new WeightTensor(new long[] {64}, new float[64]));
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("config.json"), configJson(m.config()));
            SafeTensors.write(dir.resolve("model.safetensors"), tensors, Map.of("format", "pt"));
            Files.writeString(dir.resolve("vocab.txt"), vocab(WORDS));
        }
        return dir;
    }

    /** Every parameter of {@code model} by its path, as weight tensors. */
    public static Map<String, WeightTensor> parameters(ClassificationModel model) {
        return HfCheckpointWriter.parameters(model);
    }

    /** Writes config.json + model.safetensors (HF names, with the model's prefix) for {@code model}. */
    public static void write(Path dir, ClassificationModel model, Map<String, WeightTensor> extra) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("config.json"), configJson(model.config()));
        Map<String, WeightTensor> tensors = new LinkedHashMap<>(parameters(model));
        tensors.putAll(extra);
        SafeTensors.write(dir.resolve("model.safetensors"), tensors, Map.of("format", "pt"));
    }

    public static String configJson(BackboneConfig config) throws IOException {
        return HfCheckpointWriter.configJson(config, 0);
    }

    /** A vocab.txt body with the BERT specials at their usual relative places and {@code words}. */
    public static String vocab(List<String> words) {
        List<String> v = new ArrayList<>(List.of("[PAD]", "[unused0]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"));
        v.addAll(words);
        return String.join("\n", v) + "\n";
    }

    /** Deterministic random floats in [-1, 1). */
    public static float[] randoms(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) (2 * r.nextDouble() - 1);
        }
        return out;
    }
}
