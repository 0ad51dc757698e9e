package dev.surmbench.model.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import dev.surmbench.data.text.TextTokenizer;
import dev.surmbench.data.text.TokenBatch;
import dev.surmbench.model.BackboneSource;
import dev.surmbench.model.Backbones;
import dev.surmbench.model.ClassificationModel;
import dev.surmbench.model.TokenInputs;
import dev.surmbench.model.WeightTensor;
import dev.surmbench.model.TinyCheckpoints;
import dev.surmbench.model.WeightLoadException;
import dev.surmbench.model.safetensors.SafeTensors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hugging Face checkpoint folders for BERT, and source-spec parsing. */
class HfSourceTest {
    @TempDir
    Path tmp;

    static final List<String> WORDS = TinyCheckpoints.WORDS;

    static Path tinyBert(Path dir, long seed, boolean prefixed) throws Exception {
        return TinyCheckpoints.bertFolder(dir, seed, prefixed);
    }

    @Test
    void loadsABertCheckpointFolderWithOrWithoutPrefix() throws Exception {
        float[] expected;
        try (ClassificationModel m = Backbones.random(TinyCheckpoints.TINY_BERT, 2, 3); NDManager nd = m.manager().newSubManager()) {
            expected = m.forward(TokenInputs.of(batch(), nd), false).toFloatArray();
        }
        for (boolean prefixed : new boolean[] {true, false}) {
            Path dir = tinyBert(tmp.resolve("bert-" + prefixed), 3, prefixed);
            BackboneSource source = BackboneSource.parse("hf:" + dir);
            assertInstanceOf(HfCheckpointSource.class, source);
            assertEquals(TinyCheckpoints.TINY_BERT, source.config());
            try (ClassificationModel m = Backbones.classification(source, 2, 3); NDManager nd = m.manager().newSubManager()) {
                assertArrayEquals(expected, m.forward(TokenInputs.of(batch(), nd), false).toFloatArray());
                assertEquals(List.of("classifier.bias", "classifier.weight", "cls.predictions.bias"), m.loadReport().ignored(),
                        "the checkpoint's own head and MLM head are not loaded (in the file's sorted order)");
                assertEquals(List.of("classifier.weight", "classifier.bias"), m.loadReport().seeded(), "pooler comes from the file");
                try (TextTokenizer tok = TextTokenizer.fromTokenizerJson(m.tokenizerPath().orElseThrow(), 16)) {
                    // [CLS]=3 the=6 cat=7 ##s=14 sat=8 . =11 [SEP]=4 ; unknown word → [UNK]=2
                    assertArrayEquals(new long[] {3, 6, 7, 14, 8, 11, 4}, tok.encode("The cats sat.", null).ids());
                    assertArrayEquals(new long[] {3, 2, 4}, tok.encode("zebra", null).ids());
                }
            }
        }
    }

    private static TokenBatch batch() {
        return new TokenBatch(new long[][] {{3, 6, 7, 8, 4}, {3, 9, 4, 0, 0}}, new long[][] {{0, 0, 0, 0, 0}, {0, 0, 0, 0, 0}},
                new long[][] {{1, 1, 1, 1, 1}, {1, 1, 1, 0, 0}});
    }

    @Test
    void legacyGammaBetaNamesAreReadAsWeightAndBias() throws Exception {
        Path dir = tinyBert(tmp.resolve("legacy"), 4, true);
        Map<String, WeightTensor> renamed = new LinkedHashMap<>();
        SafeTensors.read(dir.resolve("model.safetensors")).tensors().forEach((k, v) ->
                renamed.put(k.replace("LayerNorm.weight", "LayerNorm.gamma").replace("LayerNorm.bias", "LayerNorm.beta"), v));
        assertTrue(renamed.containsKey("bert.embeddings.LayerNorm.gamma"));
        SafeTensors.write(dir.resolve("model.safetensors"), renamed, Map.of());
        try (ClassificationModel m = Backbones.classification("hf:" + dir, 2, 4)) {
            assertTrue(m.loadReport().loaded().contains("bert.encoder.layer.1.output.LayerNorm.bias"));
        }
    }

    @Test
    void missingFilesAndUnsupportedConfigsAreNamed() throws Exception {
        Path dir = tinyBert(tmp.resolve("b"), 1, true);
        Files.delete(dir.resolve("model.safetensors"));
        Files.writeString(dir.resolve("pytorch_model.bin"), "x");
        WeightLoadException e = assertThrows(WeightLoadException.class, () -> Backbones.classification("hf:" + dir, 2, 1));
        assertTrue(e.getMessage().contains("pytorch_model.bin is not supported"), e.getMessage());
        Files.writeString(dir.resolve("config.json"), "{\"model_type\":\"roberta\"}");
        e = assertThrows(WeightLoadException.class, () -> BackboneSource.parse("hf:" + dir).config());
        assertTrue(e.getMessage().contains("config.json") && e.getMessage().contains("roberta"), e.getMessage());
        Files.writeString(dir.resolve("config.json"), "{\"model_type\":\"bert\",\"hidden_size\":10,\"num_attention_heads\":3,"
                + "\"vocab_size\":5,\"num_hidden_layers\":1,\"intermediate_size\":4,\"max_position_embeddings\":8}");
        e = assertThrows(WeightLoadException.class, () -> BackboneSource.parse("hf:" + dir).config());
        assertTrue(e.getMessage().contains("not a multiple"), e.getMessage());
    }

    @Test
    void parsesKnownFormsAndRejectsOthers() {
        assertInstanceOf(EmbeddedMiniLmSource.class, BackboneSource.parse("embedded:all-minilm-l6-v2"));
        assertInstanceOf(MavenBertBaseSource.class, BackboneSource.parse("maven:bert-base-uncased"));
        HfHubSource hub = assertInstanceOf(HfHubSource.class, BackboneSource.parse("hf:google/vit-base-patch16-224@abc123"));
        assertEquals("google/vit-base-patch16-224", hub.repo());
        assertEquals("abc123", hub.revision());
        for (String bad : new String[] {"", "bert", "embedded:bge-large", "maven:roberta", "hf:", "hf:/no/such/dir", "torch:x"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BackboneSource.parse(bad), bad);
            assertTrue(e.getMessage().contains("embedded:all-minilm-l6-v2") || e.getMessage().contains("neither"), e.getMessage());
        }
    }
}
