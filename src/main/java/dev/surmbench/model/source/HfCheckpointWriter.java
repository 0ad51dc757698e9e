package dev.surmbench.model.source;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.surmbench.model.BackboneConfig;
import dev.surmbench.model.Backbones;
import dev.surmbench.model.ClassificationModel;
import dev.surmbench.model.WeightTensor;
import dev.surmbench.model.Pooling;
import dev.surmbench.model.bert.BertConfig;
import dev.surmbench.model.safetensors.SafeTensors;
import dev.surmbench.model.vit.VitConfig;
import dev.surmbench.peft.BlockPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a model as a Hugging Face checkpoint folder that {@code hf:<dir>} ({@link
 * HfCheckpointSource}) reads back: {@code config.json} ({@code model_type} "vit" or "bert" with the
 * transformers field names) and {@code model.safetensors} holding every parameter under its module
 * path — {@code vit.embeddings.…}, {@code vit.encoder.layer.N.…}, {@code classifier.…} — which are
 * the names {@code ViTForImageClassification} uses. Only plain models are written: a model with a
 * PEFT method injected has extra parameters and is refused.
 */
public final class HfCheckpointWriter {
    /**
     * The {@code config.json} key recording how the head pools tokens ({@code cls}, {@code mean}); a
     * checkpoint without it pools the first token, as transformers does.
     */
    public static final String POOLING_KEY = "surm_bench_pooling";
    private static final ObjectMapper JSON = new ObjectMapper();

    private HfCheckpointWriter() {}

    /** Every parameter of {@code model} by its module path, copied to the host. */
    public static Map<String, WeightTensor> parameters(ClassificationModel model) {
        Map<String, WeightTensor> out = new LinkedHashMap<>();
        BlockPaths.parameters(model.block()).forEach((path, p) ->
                out.put(path, new WeightTensor(p.getShape().getShape(), p.getArray().toFloatArray())));
        return out;
    }

    /**
     * Writes {@code config.json} and {@code model.safetensors} for {@code model} into {@code dir}
     * (created if needed), plus {@code extra} tensors; {@code metadata} goes into the safetensors
     * header ({@code format: pt} is always set).
     */
    public static void write(Path dir, ClassificationModel model, Map<String, WeightTensor> extra,
                             Map<String, String> metadata) throws IOException {
        Map<String, WeightTensor> tensors = new LinkedHashMap<>(parameters(model));
        java.util.Set<String> plain = plainNames(model);
        for (String name : tensors.keySet()) {
            if (!plain.contains(name)) {
                throw new IllegalArgumentException("parameter '" + name + "' is not part of the plain model (an injected "
                        + "method?); write the model without PEFT parameters");
            }
        }
        tensors.putAll(extra);
        write(dir, model.config(), model.numLabels(), null, tensors, metadata);
    }

    /** The parameters of {@code model} that the plain model (no method injected) has, by module path, on the host. */
    public static Map<String, WeightTensor> plainParameters(ClassificationModel model) {
        Map<String, WeightTensor> tensors = new LinkedHashMap<>(parameters(model));
        tensors.keySet().retainAll(plainNames(model));
        return tensors;
    }

    private static java.util.Set<String> plainNames(ClassificationModel model) {
        return BlockPaths.parameters(Backbones.newBlock(model.config(), model.numLabels())).keySet();
    }

    /**
     * Writes {@code config.json} (with {@value #POOLING_KEY} when {@code pooling} is given) and
     * {@code model.safetensors} holding {@code tensors} into {@code dir}.
     */
    public static void write(Path dir, BackboneConfig config, int numLabels, Pooling pooling, Map<String, WeightTensor> tensors,
                             Map<String, String> metadata) throws IOException {
        Map<String, String> meta = new LinkedHashMap<>(metadata);
        meta.put("format", "pt");
        Files.createDirectories(dir);
        ObjectNode json = configNode(config, numLabels);
        if (pooling != null) {
            json.put(POOLING_KEY, pooling.userName());
        }
        Files.writeString(dir.resolve(HfCheckpointSource.CONFIG), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n");
        SafeTensors.write(dir.resolve(HfCheckpointSource.WEIGHTS), tensors, meta);
    }

    /** The transformers {@code config.json} text of {@code config} ({@code numLabels} ≤ 0: no label count). */
    public static String configJson(BackboneConfig config, int numLabels) throws IOException {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(configNode(config, numLabels)) + "\n";
    }

    private static ObjectNode configNode(BackboneConfig config, int numLabels) {
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
        } else {
            throw new IllegalArgumentException("unsupported config " + config);
        }
        if (numLabels > 0) {
            n.put("num_labels", numLabels);
        }
        return n;
    }
}
