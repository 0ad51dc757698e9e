package dev.surmbench.data.glue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surmbench.data.Example;
import dev.surmbench.data.TestData;
import dev.surmbench.data.ValidationSplit;
import dev.surmbench.util.Seeds;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The validation split on the real GLUE training files, as a run draws it (carved from the whole
 * set, then the run's {@code train_limit} per seed): never overlapping any seed's training examples
 * (by file line and by text), stratified, deterministic and the same for every seed and every limit.
 */
class RealGlueValidationTest {
    private static final GlueData GLUE = GlueData.fromSettings(TestData.realGlueDir().toString());

    private static String key(Example e) {
        return e.line() + "\t" + e.textA() + "\t" + e.textB();
    }

    private static void check(GlueTask task, ValidationSplit split, int trainLimit, int expectedValidation) {
        TaskData data = GLUE.load(task);
        TaskData.WithValidation first = data.carve(split);
        assertEquals(expectedValidation, first.validation().size(), task.userName());
        Set<String> held = new HashSet<>();
        first.validation().forEach(e -> held.add(key(e)));
        assertEquals(expectedValidation, held.size());
        for (long seed = 1; seed <= 3; seed++) {
            TaskData.WithValidation again = data.carve(split);
            assertEquals(first.validation(), again.validation(), "the same examples for every run seed");
            List<Example> train = again.rest().limited(trainLimit, 0, Seeds.derive(seed, "subsample")).train();
            assertTrue(train.stream().noneMatch(e -> held.contains(key(e))), task.userName() + " seed " + seed + ": overlap");
            if (trainLimit > 0) {
                assertEquals(Math.min(trainLimit, data.train().size() - expectedValidation), train.size());
            }
        }
        if (task.numLabels() > 1) {
            long positives = data.train().stream().filter(e -> e.label() == 1).count();
            double expected = positives * (double) expectedValidation / data.train().size();
            long got = first.validation().stream().filter(e -> e.label() == 1).count();
            assertTrue(Math.abs(got - expected) <= 1, task.userName() + ": " + got + " positives, expected ~" + expected);
        } else {
            double[] all = data.train().stream().mapToDouble(Example::score).sorted().toArray();
            double median = all[all.length / 2];
            long below = first.validation().stream().filter(e -> e.score() < median).count();
            assertTrue(Math.abs(below - expectedValidation / 2.0) <= expectedValidation / 10.0 + 1,
                    "half the validation scores below the training median: " + below);
        }
    }

    @Test
    void rteTenPercent() {
        check(GlueTask.RTE, new ValidationSplit(0.1, 0), 0, 249);
    }

    @Test
    void mrpcCarvedBeforeItsTrainLimit() {
        check(GlueTask.MRPC, new ValidationSplit(0.1, 0), 2000, 367);
    }

    @Test
    void stsbByScoreQuantiles() {
        check(GlueTask.STSB, new ValidationSplit(0.1, 0), 0, 575);
    }

    @Test
    void sst2ACountBeforeItsTrainLimit() {
        check(GlueTask.SST2, new ValidationSplit(400, 0), 4000, 400);
    }
}
