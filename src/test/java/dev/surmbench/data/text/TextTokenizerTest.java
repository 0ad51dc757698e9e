package dev.surmbench.data.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surmbench.data.Example;
import dev.surmbench.data.TestData;
import dev.surmbench.data.glue.GlueReader;
import dev.surmbench.data.glue.GlueSplit;
import dev.surmbench.data.glue.GlueTask;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real MiniLM tokenizer.json from the langchain4j jar on the classpath (BERT uncased vocabulary). */
class TextTokenizerTest {

    static final String MINILM = "/all-minilm-l6-v2-tokenizer.json";

    private static TextTokenizer tokenizer;

    @BeforeAll
    static void load() {
        tokenizer = TextTokenizer.fromClasspath(MINILM, 16);
    }

    @AfterAll
    static void close() {
        tokenizer.close();
    }

    @Test
    void singleSentence() {
        EncodedText encoded = tokenizer.encode("Hello world", null);
        // BERT uncased ids: [CLS] 101, hello 7592, world 2088, [SEP] 102; no padding to the file's fixed 128
        assertArrayEquals(new long[] {101, 7592, 2088, 102}, encoded.ids());
        assertArrayEquals(new long[] {0, 0, 0, 0}, encoded.typeIds());
        assertEquals(0, tokenizer.padId());
    }

    @Test
    void pairHasTokenTypesZeroThenOne() {
        EncodedText encoded = tokenizer.encode("hello world", "hello");
        // [CLS] hello world [SEP] | hello [SEP]
        assertArrayEquals(new long[] {101, 7592, 2088, 102, 7592, 102}, encoded.ids());
        assertArrayEquals(new long[] {0, 0, 0, 0, 1, 1}, encoded.typeIds());
    }

    @Test
    void truncationIsLongestFirst() {
        String longA = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen";
        // 15 single-token words + 3 words; budget 16 - 3 special tokens = 13: only A is cut (to 10)
        EncodedText cutA = tokenizer.encode(longA, "red green blue");
        assertEquals(16, cutA.length());
        assertEquals(4, countType(cutA, 1), "B (3 words + [SEP]) is intact");
        // both long: longest-first trims whichever is longer until they fit: 7 + 6 (or 6 + 7) words
        EncodedText cutBoth = tokenizer.encode(longA, longA);
        assertEquals(16, cutBoth.length());
        long typeOne = countType(cutBoth, 1);
        assertTrue(typeOne == 7 || typeOne == 8, "B keeps 6 or 7 words plus [SEP], got " + typeOne);
        EncodedText single = tokenizer.encode(longA + " " + longA, null);
        assertEquals(16, single.length());
        assertEquals(102, single.ids()[15], "[SEP] survives truncation");
    }

    @Test
    void vocabTxtPathMatchesTheTokenizerJsonOnRealPairs() throws Exception {
        // vocab.txt = MiniLM's vocabulary in id order; the generated tokenizer.json must encode alike.
        java.nio.file.Path vocab = java.nio.file.Files.createTempFile("vocab", ".txt");
        try (var in = TextTokenizerTest.class.getResourceAsStream(MINILM)) {
            var root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(in).path("model").path("vocab");
            String[] byId = new String[root.size()];
            root.properties().forEach(e -> byId[e.getValue().asInt()] = e.getKey());
            java.nio.file.Files.write(vocab, List.of(byId));
        }
        List<Example> pairs = GlueReader.read(GlueTask.MRPC, GlueSplit.DEV, TestData.realGlueDir()).subList(0, 200);
        try (TextTokenizer fromJson = TextTokenizer.fromClasspath(MINILM, 64);
                TextTokenizer fromVocab = TextTokenizer.fromVocabTxt(vocab, true, 64)) {
            assertEquals(0, fromVocab.padId());
            for (Example pair : pairs) {
                EncodedText expected = fromJson.encode(pair);
                EncodedText actual = fromVocab.encode(pair);
                assertArrayEquals(expected.ids(), actual.ids(), "line " + pair.line());
                assertArrayEquals(expected.typeIds(), actual.typeIds(), "line " + pair.line());
            }
        } finally {
            java.nio.file.Files.deleteIfExists(vocab);
        }
    }

    private static long countType(EncodedText encoded, long type) {
        long count = 0;
        for (long t : encoded.typeIds()) {
            count += t == type ? 1 : 0;
        }
        return count;
    }
}
