package dev.surmbench.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.surmbench.data.text.TextTokenizer;
import dev.surmbench.data.text.TokenBatch;
import dev.surmbench.model.source.EmbeddedMiniLmSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Our DJL MiniLM against references we did not write: ONNX Runtime running the embedded ONNX file
 * (last_hidden_state) and langchain4j's AllMiniLmL6V2EmbeddingModel (sentence embeddings), on 32
 * real GLUE sentences of mixed length (batches padded; texts over 128 tokens truncated alike).
 */
class MiniLmParityTest {
    private static final int SENTENCES = 32;
    private static final int BATCH = 8;
    private static ClassificationModel model;
    private static TextTokenizer tokenizer;
    private static List<String> texts;

    @BeforeAll
    static void load() {
        model = Backbones.encoder("embedded:all-minilm-l6-v2");
        // 128 = the truncation the embedded tokenizer.json declares, which langchain4j applies too
        tokenizer = TextTokenizer.fromTokenizerJson(model.tokenizerPath().orElseThrow(), 128);
        texts = GlueText.mixed(SENTENCES);
    }

    @AfterAll
    static void close() {
        tokenizer.close();
        model.close();
    }

    @Test
    void lastHiddenStateMatchesOnnxRuntime() throws Exception {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        double maxDiff = 0;
        double maxAbs = 0;
        int padded = 0;
        try (OrtSession session = env.createSession(EmbeddedMiniLmSource.resource(EmbeddedMiniLmSource.ONNX_RESOURCE), new OrtSession.SessionOptions())) {
            for (int start = 0; start < texts.size(); start += BATCH) {
                TokenBatch batch = tokenizer.encodePadded(texts.subList(start, start + BATCH));
                for (long[] row : batch.attentionMask()) {
                    padded += row[row.length - 1] == 0 ? 1 : 0;
                }
                float[][][] expected;
                try (OnnxTensor ids = OnnxTensor.createTensor(env, batch.inputIds());
                        OnnxTensor mask = OnnxTensor.createTensor(env, batch.attentionMask());
                        OnnxTensor types = OnnxTensor.createTensor(env, batch.tokenTypeIds());
                        OrtSession.Result r = session.run(Map.of("input_ids", ids, "attention_mask", mask, "token_type_ids", types))) {
                    expected = (float[][][]) r.get(0).getValue();
                }
                try (NDManager scope = model.manager().newSubManager()) {
                    NDList inputs = TokenInputs.of(batch, scope);
                    NDArray hidden = model.lastHiddenState(inputs, false);
                    assertEquals(batch.size(), hidden.getShape().get(0));
                    assertEquals(384, hidden.getShape().get(2));
                    float[] ours = hidden.toFloatArray();
                    int t = batch.paddedLength();
                    for (int b = 0; b < batch.size(); b++) {
                        for (int i = 0; i < t; i++) {
                            if (batch.attentionMask()[b][i] == 0) {
                                continue; // padded positions: not part of last_hidden_state's meaning
                            }
                            for (int d = 0; d < 384; d++) {
                                float e = expected[b][i][d];
                                maxDiff = Math.max(maxDiff, Math.abs(e - ours[(b * t + i) * 384 + d]));
                                maxAbs = Math.max(maxAbs, Math.abs(e));
                            }
                        }
                    }
                }
            }
        }
        System.out.printf("MiniLM vs ONNX Runtime: max |diff| = %.3g over %d sentences (max |value| %.3g, %d padded rows)%n",
                maxDiff, texts.size(), maxAbs, padded);
        assertTrue(padded >= SENTENCES / 4, "batches must contain padding");
        assertTrue(maxDiff <= 1e-4, "max abs difference " + maxDiff + " > 1e-4");
    }

    @Test
    void sentenceEmbeddingsMatchLangchain4j() {
        List<float[]> ours = SentenceEmbeddings.embed(model, tokenizer, texts, BATCH);
        AllMiniLmL6V2EmbeddingModel reference = new AllMiniLmL6V2EmbeddingModel();
        List<float[]> theirs = reference.embedAll(texts.stream().map(TextSegment::from).toList()).content()
                .stream().map(e -> e.vector()).toList();
        double minCos = 1;
        for (int i = 0; i < texts.size(); i++) {
            minCos = Math.min(minCos, cosine(ours.get(i), theirs.get(i)));
        }
        System.out.printf("MiniLM vs langchain4j AllMiniLmL6V2EmbeddingModel: min cosine = %.9f over %d sentences%n", minCos, texts.size());
        assertTrue(minCos >= 0.9999, "min cosine " + minCos);
    }

    static double cosine(float[] a, float[] b) {
        assertEquals(a.length, b.length);
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }
}
