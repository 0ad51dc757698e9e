package dev.surmbench.model.bert;

import com.fasterxml.jackson.databind.JsonNode;
import dev.surmbench.model.Architecture;
import dev.surmbench.model.BackboneConfig;
import dev.surmbench.model.WeightLoadException;
import java.util.Locale;

/**
 * Geometry of a BERT-family encoder, with Hugging Face {@code BertConfig} semantics (absolute
 * positions, post-LayerNorm layers, exact GELU).
 *
 * @param vocabSize word-piece vocabulary size
 * @param hiddenSize d
 * @param numHiddenLayers number of transformer layers
 * @param numAttentionHeads heads; must divide d
 * @param intermediateSize feed-forward width
 * @param maxPositionEmbeddings longest input in tokens
 * @param typeVocabSize number of segment (token type) ids
 * @param layerNormEps LayerNorm epsilon
 * @param hiddenDropoutProb dropout on embeddings, projections and the classifier input
 * @param attentionProbsDropoutProb dropout on attention probabilities
 */
public record BertConfig(
        int vocabSize, int hiddenSize, int numHiddenLayers, int numAttentionHeads, int intermediateSize,
        int maxPositionEmbeddings, int typeVocabSize, double layerNormEps,
        double hiddenDropoutProb, double attentionProbsDropoutProb) implements BackboneConfig {

    /** sentence-transformers/all-MiniLM-L6-v2 (the langchain4j-embedded ONNX export). */
    public static final BertConfig ALL_MINILM_L6_V2 = new BertConfig(30522, 384, 6, 12, 1536, 512, 2, 1e-12, 0.1, 0.1);

    /** Google's BERT-base uncased (L-12, H-768, A-12). */
    public static final BertConfig BERT_BASE_UNCASED = new BertConfig(30522, 768, 12, 12, 3072, 512, 2, 1e-12, 0.1, 0.1);

    @Override
    public BertConfig withLayers(int layers) {
        if (layers < 1 || layers > numHiddenLayers) {
            throw new IllegalArgumentException("layers must be in [1, " + numHiddenLayers + "], got " + layers);
        }
        return new BertConfig(vocabSize, hiddenSize, layers, numAttentionHeads, intermediateSize,
                maxPositionEmbeddings, typeVocabSize, layerNormEps, hiddenDropoutProb, attentionProbsDropoutProb);
    }

    public BertConfig {
        positive("vocab_size", vocabSize);
        positive("hidden_size", hiddenSize);
        positive("num_hidden_layers", numHiddenLayers);
        positive("num_attention_heads", numAttentionHeads);
        positive("intermediate_size", intermediateSize);
        positive("max_position_embeddings", maxPositionEmbeddings);
        positive("type_vocab_size", typeVocabSize);
        if (hiddenSize % numAttentionHeads != 0) {
            throw new IllegalArgumentException("hidden_size " + hiddenSize + " is not a multiple of num_attention_heads " + numAttentionHeads);
        }
        if (!(layerNormEps > 0 && layerNormEps < 1)) {
            throw new IllegalArgumentException("layer_norm_eps must be in (0, 1), got " + layerNormEps);
        }
        probability("hidden_dropout_prob", hiddenDropoutProb);
        probability("attention_probs_dropout_prob", attentionProbsDropoutProb);
    }

    static void positive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }

    static void probability(String name, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1), got " + value);
        }
    }

    @Override
    public Architecture.Family family() {
        return Architecture.Family.BERT;
    }

    /** The same geometry with other dropout rates (0 for deterministic forward passes in training mode). */
    @Override
    public BertConfig withDropout(double hidden, double attention) {
        return new BertConfig(vocabSize, hiddenSize, numHiddenLayers, numAttentionHeads, intermediateSize,
                maxPositionEmbeddings, typeVocabSize, layerNormEps, hidden, attention);
    }

    /**
     * Reads a Hugging Face BERT {@code config.json}. Only {@code model_type} "bert" with absolute
     * positions and the exact GELU is accepted; anything else is rejected by name.
     */
    public static BertConfig fromJson(JsonNode json, String file) {
        String type = json.path("model_type").asText("");
        if (!type.equals("bert")) {
            throw new WeightLoadException(file, null, "model_type '" + type + "' is not a BERT config");
        }
        String act = json.path("hidden_act").asText("gelu").toLowerCase(Locale.ROOT);
        if (!act.equals("gelu")) {
            throw new WeightLoadException(file, null, "hidden_act '" + act + "' is not supported (only the exact, erf-based 'gelu')");
        }
        String positions = json.path("position_embedding_type").asText("absolute");
        if (!positions.equals("absolute")) {
            throw new WeightLoadException(file, null, "position_embedding_type '" + positions + "' is not supported (only 'absolute')");
        }
        try {
            return new BertConfig(
                    requiredInt(json, "vocab_size", file), requiredInt(json, "hidden_size", file),
                    requiredInt(json, "num_hidden_layers", file), requiredInt(json, "num_attention_heads", file),
                    requiredInt(json, "intermediate_size", file), requiredInt(json, "max_position_embeddings", file),
                    json.path("type_vocab_size").asInt(2), json.path("layer_norm_eps").asDouble(1e-12),
                    json.path("hidden_dropout_prob").asDouble(0.1), json.path("attention_probs_dropout_prob").asDouble(0.1));
        } catch (IllegalArgumentException e) {
            throw new WeightLoadException(file, null, "invalid config: " + e.getMessage(), e);
        }
    }

    static int requiredInt(JsonNode json, String field, String file) {
        JsonNode n = json.get(field);
        if (n == null || !n.canConvertToInt()) {
            throw new WeightLoadException(file, null, "config field '" + field + "' is missing or not an integer");
        }
        return n.asInt();
    }
}
