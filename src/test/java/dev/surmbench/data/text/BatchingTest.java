package dev.surmbench.data.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surmbench.data.Example;
import dev.surmbench.data.TestData;
import dev.surmbench.data.glue.GlueReader;
import dev.surmbench.data.glue.GlueSplit;
import dev.surmbench.data.glue.GlueTask;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchingTest {

    private static TextTokenizer tokenizer;
    private static List<Example> rte;

    @BeforeAll
    static void load() {
        tokenizer = TextTokenizer.fromClasspath(TextTokenizerTest.MINILM, 128);
        rte = GlueReader.read(GlueTask.RTE, GlueSplit.DEV, TestData.realGlueDir());
    }

    @AfterAll
    static void close() {
        tokenizer.close();
    }

    @Test
    void padsToTheLongestWithZeroMask() {
        List<EncodedText> rows = List.of(tokenizer.encode("hello world", null), tokenizer.encode("hello", "world"),
                tokenizer.encode("hi", null));
        TextBatch batch = Collator.collate(rows, new double[] {1, 0, 1}, new int[] {0, 1, 2},
                Collator.paddedLength(rows, 1), tokenizer.padId());
        // longest: [CLS] hello [SEP] world [SEP] (5 tokens)
        assertEquals(5, batch.tokens().paddedLength());
        // "hi": [CLS] hi [SEP] then two pads
        assertArrayEquals(new long[] {1, 1, 1, 0, 0}, batch.tokens().attentionMask()[2]);
        assertArrayEquals(new long[] {101, 7632, 102, 0, 0}, batch.tokens().inputIds()[2]);
        assertArrayEquals(new long[] {0, 0, 0, 1, 1}, batch.tokens().tokenTypeIds()[1]);
        assertArrayEquals(new long[] {1, 1, 1, 1, 0}, batch.tokens().attentionMask()[0]);
        assertEquals(3, batch.tokens().realLength(2));
        assertArrayEquals(new int[] {1, 0, 1}, batch.labels());
        assertEquals(8, Collator.paddedLength(rows, 8));
    }

    @Test
    void sentencesArePaddedByTheCollatorToTheLongest() {
        TokenBatch batch = tokenizer.encodePadded(List.of("hello world", "hi"));
        TokenBatch expected = Collator.pad(List.of(tokenizer.encode("hello world", null), tokenizer.encode("hi", null)), 4,
                tokenizer.padId());
        assertArrayEquals(expected.inputIds(), batch.inputIds());
        assertArrayEquals(expected.tokenTypeIds(), batch.tokenTypeIds());
        assertArrayEquals(expected.attentionMask(), batch.attentionMask());
        assertArrayEquals(new long[] {101, 7632, 102, 0}, batch.inputIds()[1]);
        assertEquals(4, batch.paddedLength());
        assertEquals(7, batch.realTokens());
    }

    @Test
    void sentencesArePaddedWithTheTokenizersPadId(@TempDir Path tmp) throws Exception {
        Path json = tmp.resolve("tokenizer.json");
        Files.writeString(json, WordPieceTokenizerJson.fromVocab(List.of("[UNK]", "[CLS]", "[SEP]", "[PAD]", "a", "b"), true));
        try (TextTokenizer padAt3 = TextTokenizer.fromTokenizerJson(json, 16)) {
            assertEquals(3, padAt3.padId());
            TokenBatch batch = padAt3.encodePadded(List.of("a b a", "b"));
            assertArrayEquals(new long[] {1, 4, 5, 4, 2}, batch.inputIds()[0]);
            assertArrayEquals(new long[] {1, 5, 2, 3, 3}, batch.inputIds()[1]);
            assertArrayEquals(new long[] {1, 1, 1, 0, 0}, batch.attentionMask()[1]);
        }
    }

    @Test
    void aBatchHasOneTargetAndOneIndexPerRow() {
        TokenBatch two = tokenizer.encodePadded(List.of("hello", "hi"));
        assertThrows(IllegalArgumentException.class, () -> new TextBatch(two, new double[1], new int[2]));
        assertThrows(IllegalArgumentException.class, () -> new TextBatch(two, new double[2], new int[3]));
        assertThrows(IllegalArgumentException.class,
                () -> new TokenBatch(new long[][] {{1, 2}, {1}}, new long[][] {{0, 0}, {0}}, new long[][] {{1, 1}, {1}}));
    }

    @Test
    void extraPaddingLeavesRealTokensUnchanged() {
        List<EncodedText> rows = tokenizer.encodeAll(rte.subList(0, 8));
        double[] targets = new double[8];
        int[] indices = new int[8];
        int length = Collator.paddedLength(rows, 1);
        TextBatch tight = Collator.collate(rows, targets, indices, length, tokenizer.padId());
        TextBatch loose = Collator.collate(rows, targets, indices, length + 7, tokenizer.padId());
        for (int r = 0; r < 8; r++) {
            assertArrayEquals(tight.tokens().inputIds()[r], Arrays.copyOf(loose.tokens().inputIds()[r], length));
            assertArrayEquals(tight.tokens().tokenTypeIds()[r], Arrays.copyOf(loose.tokens().tokenTypeIds()[r], length));
            assertArrayEquals(tight.tokens().attentionMask()[r], Arrays.copyOf(loose.tokens().attentionMask()[r], length));
            for (int c = length; c < length + 7; c++) {
                assertEquals(0, loose.tokens().attentionMask()[r][c]);
                assertEquals(tokenizer.padId(), loose.tokens().inputIds()[r][c]);
            }
        }
        assertThrows(IllegalArgumentException.class,
                () -> Collator.collate(rows, targets, indices, length - 1, tokenizer.padId()));
    }

    @Test
    void epochsAreDeterministicPermutations() {
        TextBatcher batcher = TextBatcher.of(tokenizer, rte, 32);
        assertEquals(flatten(batcher.trainingEpoch(7, 0)), flatten(batcher.trainingEpoch(7, 0)));
        assertNotEquals(flatten(batcher.trainingEpoch(7, 0)), flatten(batcher.trainingEpoch(8, 0)));
        assertNotEquals(flatten(batcher.trainingEpoch(7, 0)), flatten(batcher.trainingEpoch(7, 1)));
        List<Integer> seen = new ArrayList<>(flatten(batcher.trainingEpoch(7, 3)));
        seen.sort(null);
        assertEquals(rteIndices(), seen, "every example exactly once per epoch");
        List<TextBatch> eval = batcher.inOrder();
        assertEquals(rteIndices(), flatten(eval));
        assertEquals(9, eval.size(), "277 examples in batches of 32");
        assertEquals(277 - 8 * 32, eval.get(8).size());
        // targets follow their examples: RTE dev line 2 is not_entailment (1)
        assertEquals(1.0, eval.get(0).targets()[0]);
    }

    @Test
    void bucketingPadsLessAndKeepsEveryExample() {
        TextBatcher plain = TextBatcher.of(tokenizer, rte, 8);
        TextBatcher bucketed = new TextBatcher(tokenizer.encodeAll(rte), rte, tokenizer.padId(), 8, true, 1);
        List<TextBatch> a = bucketed.trainingEpoch(3, 0);
        assertEquals(flatten(a), flatten(bucketed.trainingEpoch(3, 0)));
        List<Integer> seen = new ArrayList<>(flatten(a));
        seen.sort(null);
        assertEquals(rteIndices(), seen);
        long paddedPlain = plain.trainingEpoch(3, 0).stream().mapToLong(b -> (long) b.size() * b.tokens().paddedLength()).sum();
        long paddedBucketed = a.stream().mapToLong(b -> (long) b.size() * b.tokens().paddedLength()).sum();
        assertTrue(paddedBucketed < paddedPlain, paddedBucketed + " vs " + paddedPlain);
    }

    @Test
    void evaluationBatchesByLengthKeepEveryExampleWithItsTargetAndPadLess() {
        TextBatcher batcher = TextBatcher.of(tokenizer, rte, 8);
        List<TextBatch> sorted = batcher.byLength();
        List<Integer> seen = new ArrayList<>(flatten(sorted));
        seen.sort(null);
        assertEquals(rteIndices(), seen, "every example exactly once");
        for (TextBatch b : sorted) {
            for (int row = 0; row < b.size(); row++) {
                assertEquals(rte.get(b.exampleIndices()[row]).target(), b.targets()[row], "each row keeps its own target");
            }
        }
        int last = 0;
        for (TextBatch b : sorted) {
            assertTrue(b.tokens().paddedLength() >= last, "batches come in order of length");
            last = b.tokens().paddedLength();
        }
        long paddedInOrder = batcher.inOrder().stream().mapToLong(b -> (long) b.size() * b.tokens().paddedLength()).sum();
        long paddedByLength = sorted.stream().mapToLong(b -> (long) b.size() * b.tokens().paddedLength()).sum();
        assertTrue(paddedByLength < paddedInOrder, paddedByLength + " vs " + paddedInOrder);
    }

    private static List<Integer> flatten(List<TextBatch> batches) {
        List<Integer> all = new ArrayList<>();
        batches.forEach(b -> Arrays.stream(b.exampleIndices()).forEach(all::add));
        return all;
    }

    private static List<Integer> rteIndices() {
        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < rte.size(); i++) {
            indices.add(i);
        }
        return indices;
    }
}
