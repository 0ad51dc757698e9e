package dev.surmbench.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.surmbench.model.bert.BertConfig;
import dev.surmbench.model.safetensors.SafeTensors;
import dev.surmbench.model.vit.VitConfig;
import dev.surmbench.peft.BlockPaths;
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
    private static final ObjectMapper JSON = new ObjectMapper();

    private TinyCheckpoints() {}

    /** Every parameter of {@code model} by its path, as host tensors. */
    public static Map<String, HostTensor> parameters(ClassificationModel model) {
        Map<String, HostTensor> out = new LinkedHashMap<>();
        BlockPaths.parameters(model.block()).forEach((path, p) ->
                out.put(path, new HostTensor(p.getShape().getShape(), p.getArray().toFloatArray())));
        return out;
    }

    /** Writes config.json + model.safetensors (HF names, with the model's prefix) for {@code model}. */
    public static void write(Path dir, ClassificationModel model, Map<String, HostTensor> extra) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("config.json"), configJson(model.config()));
        Map<String, HostTensor> tensors = new LinkedHashMap<>(parameters(model));
        tensors.putAll(extra);
        SafeTensors.write(dir.resolve("model.safetensors"), tensors, Map.of("format", "pt"));
    }

    public static String configJson(BackboneConfig config) throws IOException {
        ObjectNode n = JSON.createObjectNode();
        if (config instanceof BertConfig c) {
            n.put("model_type", "bert").put("vocab_size", c.vocabSize()).put("hidden_size", c.hiddenSize())
                    .put("num_hidden_layers", c.numHiddenLayers()).put("num_attention_heads", c.numAttentionHeads())
                    .put("intermediate_size", c.intermediateSize()).put("max_position_embeddings", c.maxPositionEmbeddings())
                    .put("type_vocab_size", c.typeVocabSize()).put("layer_norm_eps", c.layerNormEps()).put("hidden_act", "gelu")
                    .put("hidden_dropout_prob", c.hiddenDropoutProb()).put("attention_probs_dropout_prob", c.attentionProbsDropoutProb());
            n.putArray("architectures").add("BertForSequenceClassification");
        } else if (config instanceof VitConfig c) {
            n.put("model_type", "vit").put("image_size", c.imageSize()).put("patch_size", c.patchSize())
                    .put("num_channels", c.numChannels()).put("hidden_size", c.hiddenSize())
                    .put("num_hidden_layers", c.numHiddenLayers()).put("num_attention_heads", c.numAttentionHeads())
                    .put("intermediate_size", c.intermediateSize()).put("layer_norm_eps", c.layerNormEps()).put("hidden_act", "gelu")
                    .put("hidden_dropout_prob", c.hiddenDropoutProb()).put("attention_probs_dropout_prob", c.attentionProbsDropoutProb())
                    .put("qkv_bias", c.qkvBias());
            n.putArray("architectures").add("ViTForImageClassification");
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(n);
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
