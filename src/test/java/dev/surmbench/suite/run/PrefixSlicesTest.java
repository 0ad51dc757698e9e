package dev.surmbench.suite.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surmbench.data.text.EncodedText;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The slices of an activation-cache entry partition its examples, balance their tokens, never split a
 * group of equal-length examples, and carry the states out of and back into the entry's layout exactly.
 */
class PrefixSlicesTest {
    private static final int DIM = 3;

    /** {@code n} examples of 2..{@code maxLength} tokens, drawn from {@code seed}. */
    static List<EncodedText> examples(int n, int maxLength, long seed) {
        Random random = new Random(seed);
        List<EncodedText> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int length = 2 + random.nextInt(maxLength - 1);
            long[] ids = new long[length];
            for (int t = 0; t < length; t++) {
                ids[t] = 1000 + random.nextInt(20000);
            }
            ids[0] = 101;
            ids[length - 1] = 102;
            out.add(new EncodedText(ids, new long[length]));
        }
        return out;
    }

    @Test
    void slicesPartitionTheExamplesWithBalancedTokens() {
        List<EncodedText> examples = examples(500, 60, 7);
        PrefixSlices slices = PrefixSlices.of(examples, DIM, 32, 8);
        assertEquals(8, slices.count());
        long total = examples.stream().mapToLong(EncodedText::length).sum();
        long sumTokens = 0;
        int sumExamples = 0;
        for (int s = 0; s < slices.count(); s++) {
            sumTokens += slices.tokens(s);
            sumExamples += slices.examples(s);
            // a share, give or take one group (at most 32 examples of at most 60 tokens)
            assertTrue(Math.abs(slices.tokens(s) - total / 8.0) <= 32 * 60, "slice " + s + ": " + slices.tokens(s)
                    + " tokens of " + total);
        }
        assertEquals(total, sumTokens);
        assertEquals(examples.size(), sumExamples);
    }

    @Test
    void extractAndInsertCarryEverySliceExactly() {
        List<EncodedText> examples = examples(200, 40, 11);
        PrefixSlices slices = PrefixSlices.of(examples, DIM, 32, 8);
        float[] data = slices.newData();
        Random random = new Random(3);
        for (int i = 0; i < data.length; i++) {
            data[i] = random.nextFloat();
        }
        float[] rebuilt = slices.newData();
        for (int s = slices.count() - 1; s >= 0; s--) {
            float[] part = slices.extract(s, data);
            assertEquals(slices.tokens(s) * DIM, part.length);
            slices.insert(s, part, rebuilt);
        }
        assertArrayEquals(data, rebuilt, 0f, "every value back in its place");
        assertThrows(IllegalArgumentException.class, () -> slices.insert(0, new float[1], rebuilt),
                "a part of another size is refused");
    }

    @Test
    void fewGroupsGiveFewerSlicesAndNoExamplesNone() {
        List<EncodedText> same = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            same.add(new EncodedText(new long[] {101, 2000 + i, 102}, new long[3]));
        }
        PrefixSlices two = PrefixSlices.of(same, DIM, 32, 8);
        assertEquals(2, two.count(), "40 examples of one length are two groups (32 + 8), so at most two slices");
        assertEquals(32, two.examples(0));
        PrefixSlices none = PrefixSlices.of(List.of(), DIM, 32, 8);
        assertEquals(0, none.count());
        assertEquals(0, none.newData().length);
        assertEquals(0, none.states(none.newData()).size());
    }
}
