package dev.surmbench.model;

import java.util.List;

/**
 * The geometry of an encoder, read from a weight source ({@code config.json} or a known preset):
 * {@link dev.surmbench.model.bert.BertConfig} or {@link dev.surmbench.model.vit.VitConfig}.
 */
public interface BackboneConfig {

    /** Text (BERT) or vision (ViT). */
    Architecture.Family family();

    int hiddenSize();

    int numHiddenLayers();

    /** The same geometry with only the first {@code layers} encoder layers (a slice for CPU-sized runs). */
    BackboneConfig withLayers(int layers);

    /** The same geometry with other dropout rates (hidden states, attention probabilities). */
    BackboneConfig withDropout(double hidden, double attention);

    /** Module-path prefix of the encoder inside the classification model ("bert" or "vit"). */
    default String prefix() {
        return family() == Architecture.Family.BERT ? "bert" : "vit";
    }

    /** Module paths of the task head in the classification model (always trained). */
    default List<String> headPrefixes() {
        return family() == Architecture.Family.BERT ? List.of("bert.pooler", "classifier") : List.of("classifier");
    }
}
