package dev.surmbench.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import dev.surmbench.data.text.TokenBatch;
import dev.surmbench.model.bert.BertConfig;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Head pooling and the model options a suite sets (layers, dropout, pooling). */
class PoolingTest {
    private static final TokenBatch SHORT = new TokenBatch(new long[][] {{3, 9, 4}}, new long[][] {{0, 0, 0}},
            new long[][] {{1, 1, 1}});
    private static final TokenBatch PADDED = new TokenBatch(new long[][] {{3, 9, 4, 0, 0}}, new long[][] {{0, 0, 0, 0, 0}},
            new long[][] {{1, 1, 1, 0, 0}});

    private static float[] logits(ClassificationModel m, TokenBatch batch) {
        try (NDManager nd = m.manager().newSubManager()) {
            return m.forward(TokenInputs.of(batch, nd), false).toFloatArray();
        }
    }

    @Test
    void meanPoolingIgnoresPaddingTokens() {
        try (ClassificationModel m = Backbones.random(TinyCheckpoints.TINY_BERT, 2, 5, Pooling.MEAN)) {
            float[] unpadded = logits(m, SHORT);
            float[] padded = logits(m, PADDED);
            for (int i = 0; i < unpadded.length; i++) {
                assertEquals(unpadded[i], padded[i], 1e-5, "logit " + i);
            }
        }
    }

    @Test
    void meanAndFirstTokenPoolingGiveDifferentHeadsOnTheSameWeights() {
        float[] cls;
        float[] mean;
        try (ClassificationModel m = Backbones.random(TinyCheckpoints.TINY_BERT, 2, 5, Pooling.CLS)) {
            cls = logits(m, SHORT);
        }
        try (ClassificationModel m = Backbones.random(TinyCheckpoints.TINY_BERT, 2, 5, Pooling.MEAN)) {
            mean = logits(m, SHORT);
        }
        assertFalse(Arrays.equals(cls, mean), "same seed, different pooling must change the logits");
    }

    @Test
    void zeroDropoutMakesTrainingModeForwardEqualInference() {
        BertConfig noDropout = (BertConfig) new ModelOptions(0, 0.0, Pooling.MEAN).apply(TinyCheckpoints.TINY_BERT);
        assertEquals(0.0, noDropout.hiddenDropoutProb());
        assertEquals(0.0, noDropout.attentionProbsDropoutProb());
        assertEquals(TinyCheckpoints.TINY_BERT.numHiddenLayers(), noDropout.numHiddenLayers());
        try (ClassificationModel m = Backbones.random(noDropout, 2, 5, Pooling.MEAN); NDManager nd = m.manager().newSubManager()) {
            assertArrayEquals(m.forward(TokenInputs.of(PADDED, nd), false).toFloatArray(),
                    m.forward(TokenInputs.of(PADDED, nd), true).toFloatArray());
        }
        BertConfig sliced = (BertConfig) new ModelOptions(1, -1, Pooling.CLS).apply(TinyCheckpoints.TINY_BERT);
        assertEquals(1, sliced.numHiddenLayers());
        assertEquals(TinyCheckpoints.TINY_BERT.hiddenDropoutProb(), sliced.hiddenDropoutProb(), "-1 keeps the checkpoint's rate");
    }

    @Test
    void badOptionsAreRejectedWithTheAllowedValues() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Pooling.fromName("max"));
        assertTrue(e.getMessage().contains("'max'") && e.getMessage().contains("[cls, mean]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ModelOptions(-1, 0, Pooling.CLS));
        assertThrows(IllegalArgumentException.class, () -> new ModelOptions(0, 1.0, Pooling.CLS));
        assertThrows(IllegalArgumentException.class, () -> new ModelOptions(0, 0, null));
    }
}
