package dev.surmbench.data.glue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.surmbench.data.Example;
import dev.surmbench.data.OfficialFormatFixtures;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * QQP, MNLI, QNLI and WNLI are not in the shared copy; these fixtures follow their official column
 * layouts (MNLI train has 12 columns, its dev files 16) with rows taken from the public files.
 */
class OfficialFormatFixturesTest {

    private static final Path DIR = OfficialFormatFixtures.folder();

    @Test
    void qqp() {
        TaskData data = TaskData.read(GlueTask.QQP, DIR);
        assertEquals(4, data.train().size());
        assertEquals(3, data.dev().size());
        assertEquals(Map.of(0, 2, 1, 2), RealGlueFilesTest.labelCounts(data.train()));
        assertEquals(Example.classified("How do I control my horny emotions?", "How do you control your horniness?",
                1, 3), data.train().get(1));
    }

    @Test
    void mnliMatchedAndMismatchedShareTrain() {
        TaskData matched = TaskData.read(GlueTask.MNLI, DIR);
        TaskData mismatched = TaskData.read(GlueTask.MNLI_MM, DIR);
        assertEquals(matched.train(), mismatched.train());
        // contradiction 0, entailment 1, neutral 2; the gold_label column is found by name
        assertEquals(List.of(2, 1, 1, 0), matched.train().stream().map(Example::label).toList());
        assertEquals("He said \"no\" twice.", matched.train().get(3).textA());
        assertEquals(List.of(2, 0, 1), matched.dev().stream().map(Example::label).toList());
        assertEquals(List.of(0, 0, 1), mismatched.dev().stream().map(Example::label).toList());
        assertEquals("We serve a meal of Florentine terrine.", mismatched.dev().get(2).textB());
    }

    @Test
    void qnliAndWnli() {
        TaskData qnli = TaskData.read(GlueTask.QNLI, DIR);
        assertEquals(List.of(1, 1, 0), qnli.train().stream().map(Example::label).toList());
        assertEquals(List.of(0, 1), qnli.dev().stream().map(Example::label).toList());
        TaskData wnli = TaskData.read(GlueTask.WNLI, DIR);
        assertEquals(List.of(1, 1, 1, 0), wnli.train().stream().map(Example::label).toList());
        assertEquals("Susan did not answer.", wnli.dev().get(1).textB());
    }
}
