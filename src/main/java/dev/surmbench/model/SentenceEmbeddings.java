package dev.surmbench.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import dev.surmbench.data.text.TextTokenizer;
import java.util.ArrayList;
import java.util.List;
import dev.surmbench.ops.Scalars;

/**
 * Sentence embeddings as sentence-transformers computes them for MiniLM: the mean of the last
 * hidden states over real tokens (attention-masked), L2-normalised.
 */
public final class SentenceEmbeddings {
    private SentenceEmbeddings() {}

    /** Masked mean [B, d] of hidden [B, T, d] with mask [B, T], each row scaled to unit L2 norm. */
    public static NDArray meanPooledNormalized(NDArray hidden, NDArray mask) {
        NDArray m = mask.toType(DataType.FLOAT32, false).expandDims(2);
        NDArray sum = hidden.mul(m).sum(new int[] {1});
        NDArray count = Scalars.maximum(m.sum(new int[] {1}), 1e-9f);
        NDArray mean = sum.div(count);
        NDArray norm = Scalars.maximum(mean.square().sum(new int[] {1}, true).sqrt(), 1e-12f);
        return mean.div(norm);
    }

    /** Embeddings of {@code texts}, in batches of {@code batchSize}, as float rows. */
    public static List<float[]> embed(ClassificationModel model, TextTokenizer tokenizer, List<String> texts, int batchSize) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
        }
        List<float[]> out = new ArrayList<>();
        for (int start = 0; start < texts.size(); start += batchSize) {
            List<String> chunk = texts.subList(start, Math.min(texts.size(), start + batchSize));
            try (NDManager scope = model.manager().newSubManager()) {
                NDList inputs = TokenInputs.of(tokenizer.encodePadded(chunk), scope);
                NDArray hidden = model.lastHiddenState(inputs, false);
                float[] flat = meanPooledNormalized(hidden, inputs.get(2)).toFloatArray();
                int d = flat.length / chunk.size();
                for (int i = 0; i < chunk.size(); i++) {
                    float[] row = new float[d];
                    System.arraycopy(flat, i * d, row, 0, d);
                    out.add(row);
                }
            }
        }
        return out;
    }
}
