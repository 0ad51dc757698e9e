package dev.surmbench.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Activation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.surmbench.data.text.TextTokenizer;
import dev.surmbench.model.source.BertTokenizerJson;
import dev.surmbench.model.source.EmbeddedMiniLmSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.special.Erf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Engine facts the encoders rely on, and the vocab.txt → tokenizer.json builder. */
class GeluAndTokenizerTest {
    @TempDir
    Path tmp;

    @Test
    void djlGeluIsTheExactErfForm() {
        try (NDManager nd = NDManager.newBaseManager("PyTorch")) {
            int n = 1201;
            float[] x = new float[n];
            for (int i = 0; i < n; i++) {
                x[i] = -6f + 0.01f * i;
            }
            float[] y = Activation.gelu(nd.create(x)).toFloatArray();
            double maxErf = 0;
            double maxTanh = 0;
            for (int i = 0; i < n; i++) {
                double exact = 0.5 * x[i] * (1 + Erf.erf(x[i] / Math.sqrt(2)));
                double tanh = 0.5 * x[i] * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x[i] + 0.044715 * Math.pow(x[i], 3))));
                maxErf = Math.max(maxErf, Math.abs(y[i] - exact));
                maxTanh = Math.max(maxTanh, Math.abs(y[i] - tanh));
            }
            assertTrue(maxErf < 1e-6, "gelu differs from the erf form by " + maxErf);
            assertTrue(maxTanh > 1e-4, "gelu looks like the tanh approximation (" + maxTanh + ")");
        }
    }

    @Test
    void tokenizerBuiltFromVocabMatchesTheOriginal() throws Exception {
        byte[] original = EmbeddedMiniLmSource.resource(EmbeddedMiniLmSource.TOKENIZER_RESOURCE);
        JsonNode vocabNode = new ObjectMapper().readTree(original).get("model").get("vocab");
        String[] vocab = new String[vocabNode.size()];
        vocabNode.properties().forEach(e -> vocab[e.getValue().asInt()] = e.getKey());
        Path built = tmp.resolve("tokenizer.json");
        Files.writeString(built, BertTokenizerJson.build(List.of(vocab), true), StandardCharsets.UTF_8);
        Path orig = tmp.resolve("orig.json");
        Files.write(orig, original);
        List<String> texts = new ArrayList<>(GlueText.column("SST-2", "sentence", 100));
        texts.addAll(GlueText.column("RTE", "sentence1", 100));
        texts.addAll(List.of("Café naïve façade — 東京 emoji 🙂 [MASK] tabs\there", "UPPER lower MiXeD"));
        try (TextTokenizer a = TextTokenizer.fromTokenizerJson(orig, 512); TextTokenizer b = TextTokenizer.fromTokenizerJson(built, 512)) {
            for (String t : texts) {
                assertArrayEquals(a.encode(t, null).ids(), b.encode(t, null).ids(), t);
            }
        }
    }
}
