package dev.surmbench.model.vit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.surmbench.model.Architecture;
import dev.surmbench.model.BackboneConfig;
import dev.surmbench.model.WeightLoadException;
import java.util.Locale;

/**
 * Geometry of a Vision Transformer with Hugging Face {@code ViTConfig} semantics (pre-LayerNorm
 * layers, [CLS] token, learned position embeddings, exact GELU).
 *
 * @param imageSize input height = width in pixels; a multiple of {@code patchSize}
 * @param patchSize square patch side
 * @param numChannels input channels
 * @param hiddenSize d
 * @param numHiddenLayers number of layers
 * @param numAttentionHeads heads; must divide d
 * @param intermediateSize feed-forward width
 * @param layerNormEps LayerNorm epsilon
 * @param hiddenDropoutProb dropout on embeddings and projections
 * @param attentionProbsDropoutProb dropout on attention probabilities
 * @param qkvBias whether query/key/value carry biases
 */
public record VitConfig(
        int imageSize, int patchSize, int numChannels, int hiddenSize, int numHiddenLayers, int numAttentionHeads,
        int intermediateSize, double layerNormEps, double hiddenDropoutProb, double attentionProbsDropoutProb,
        boolean qkvBias) implements BackboneConfig {

    /** google/vit-base-patch16-224(-in21k). */
    public static final VitConfig VIT_B16 = new VitConfig(224, 16, 3, 768, 12, 12, 3072, 1e-12, 0.0, 0.0, true);

    @Override
    public VitConfig withLayers(int layers) {
        if (layers < 1 || layers > numHiddenLayers) {
            throw new IllegalArgumentException("layers must be in [1, " + numHiddenLayers + "], got " + layers);
        }
        return new VitConfig(imageSize, patchSize, numChannels, hiddenSize, layers, numAttentionHeads,
                intermediateSize, layerNormEps, hiddenDropoutProb, attentionProbsDropoutProb, qkvBias);
    }

    @Override
    public VitConfig withDropout(double hidden, double attention) {
        return new VitConfig(imageSize, patchSize, numChannels, hiddenSize, numHiddenLayers, numAttentionHeads,
                intermediateSize, layerNormEps, hidden, attention, qkvBias);
    }

    public VitConfig {
        positive("image_size", imageSize);
        positive("patch_size", patchSize);
        positive("num_channels", numChannels);
        positive("hidden_size", hiddenSize);
        positive("num_hidden_layers", numHiddenLayers);
        positive("num_attention_heads", numAttentionHeads);
        positive("intermediate_size", intermediateSize);
        if (imageSize % patchSize != 0) {
            throw new IllegalArgumentException("image_size " + imageSize + " is not a multiple of patch_size " + patchSize);
        }
        if (hiddenSize % numAttentionHeads != 0) {
            throw new IllegalArgumentException("hidden_size " + hiddenSize + " is not a multiple of num_attention_heads " + numAttentionHeads);
        }
        if (!(layerNormEps > 0 && layerNormEps < 1)) {
            throw new IllegalArgumentException("layer_norm_eps must be in (0, 1), got " + layerNormEps);
        }
        probability("hidden_dropout_prob", hiddenDropoutProb);
        probability("attention_probs_dropout_prob", attentionProbsDropoutProb);
    }

    private static void positive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }

    private static void probability(String name, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1), got " + value);
        }
    }

    /** Patches per image side. */
    public int gridSize() {
        return imageSize / patchSize;
    }

    /** Patches per image (the sequence is this plus the [CLS] token). */
    public int numPatches() {
        return gridSize() * gridSize();
    }

    @Override
    public Architecture.Family family() {
        return Architecture.Family.VIT;
    }

    /** Reads a Hugging Face ViT {@code config.json} ({@code model_type} "vit"). */
    public static VitConfig fromJson(JsonNode json, String file) {
        String type = json.path("model_type").asText("");
        if (!type.equals("vit")) {
            throw new WeightLoadException(file, null, "model_type '" + type + "' is not a ViT config");
        }
        String act = json.path("hidden_act").asText("gelu").toLowerCase(Locale.ROOT);
        if (!act.equals("gelu")) {
            throw new WeightLoadException(file, null, "hidden_act '" + act + "' is not supported (only the exact, erf-based 'gelu')");
        }
        try {
            return new VitConfig(
                    json.path("image_size").asInt(224), json.path("patch_size").asInt(16), json.path("num_channels").asInt(3),
                    json.path("hidden_size").asInt(768), json.path("num_hidden_layers").asInt(12),
                    json.path("num_attention_heads").asInt(12), json.path("intermediate_size").asInt(3072),
                    json.path("layer_norm_eps").asDouble(1e-12), json.path("hidden_dropout_prob").asDouble(0.0),
                    json.path("attention_probs_dropout_prob").asDouble(0.0), json.path("qkv_bias").asBoolean(true));
        } catch (IllegalArgumentException e) {
            throw new WeightLoadException(file, null, "invalid config: " + e.getMessage(), e);
        }
    }
}
