package dev.surmbench.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The validation splitter on tiny fixtures: sizes, strata, determinism, disjointness. */
class ValidationSplitTest {

    /** 70 examples of label 0, 30 of label 1, interleaved. */
    private static List<Example> classified() {
        List<Example> out = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            out.add(Example.classified("s" + i, null, i % 10 < 7 ? 0 : 1, i + 1));
        }
        return out;
    }

    @Test
    void aFractionIsOfTheWholeTrainingSetAndACountIsACount() {
        assertEquals(0, ValidationSplit.NONE.count(100));
        assertEquals(10, new ValidationSplit(0.1, 0).count(100));
        assertEquals(1, new ValidationSplit(0.001, 0).count(100), "at least one");
        assertEquals(37, new ValidationSplit(37, 0).count(100));
        assertThrows(IllegalArgumentException.class, () -> new ValidationSplit(100, 0).count(100), "none left to train on");
        assertThrows(IllegalArgumentException.class, () -> new ValidationSplit(1.5, 0));
        assertThrows(IllegalArgumentException.class, () -> new ValidationSplit(-0.1, 0));
    }

    @Test
    void classificationSplitsAreStratifiedDisjointAndDeterministic() {
        List<Example> all = classified();
        ValidationSplit split = new ValidationSplit(0.2, 3);
        ValidationSplit.Carved<Example> a = split.carve(all);
        assertEquals(20, a.validation().size());
        assertEquals(80, a.train().size());
        assertEquals(14, a.validation().stream().filter(e -> e.label() == 0).count(), "70% of 20");
        Set<Long> held = new HashSet<>();
        a.validation().forEach(e -> held.add(e.line()));
        assertTrue(a.train().stream().noneMatch(e -> held.contains(e.line())), "disjoint");
        assertEquals(100, held.size() + a.train().size());
        assertEquals(a, split.carve(all), "same seed, same split");
        assertFalse(a.validation().equals(new ValidationSplit(0.2, 4).carve(all).validation()), "its own seed draws it");
    }

    @Test
    void regressionIsStratifiedByQuantileBinsOfTheScore() {
        List<Example> all = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            all.add(Example.scored("s" + i, "t" + i, (i * 37 % 200) / 40.0, i + 1)); // scores 0..4.975, shuffled
        }
        ValidationSplit.Carved<Example> carved = new ValidationSplit(20, 0).carve(all);
        int[] perBin = new int[10];
        carved.validation().forEach(e -> perBin[(int) (e.score() / 0.5)]++);
        assertArrayEquals(new int[] {2, 2, 2, 2, 2, 2, 2, 2, 2, 2}, perBin, "two from each tenth of the score range");
        assertArrayEquals(new int[] {0, 0, 1, 1, 2, 2}, ValidationSplit.quantileBins(new double[] {1, 1, 2, 2, 3, 3}, 3));
    }
}
