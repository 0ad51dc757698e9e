package dev.surmbench.data.glue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surmbench.data.Example;
import dev.surmbench.data.TestData;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Reads the real GLUE files in {@code $GLUE_DIR}. Expected label counts were measured on those
 * files with {@code cut -f<label column> | sort | uniq -c} (header dropped with {@code tail -n +2}).
 */
class RealGlueFilesTest {

    private static final Path GLUE = TestData.realGlueDir();

    @Test
    void colaHasNoHeaderAndNoFinalNewlineInDev() {
        List<Example> train = GlueReader.read(GlueTask.COLA, GlueSplit.TRAIN, GLUE);
        List<Example> dev = GlueReader.read(GlueTask.COLA, GlueSplit.DEV, GLUE);
        assertEquals(8551, train.size());
        assertEquals(1043, dev.size());
        assertEquals(Map.of(0, 2528, 1, 6023), labelCounts(train));
        assertEquals(Map.of(0, 322, 1, 721), labelCounts(dev));
        assertEquals("Our friends won't buy this analysis, let alone the next one we propose.", train.get(0).textA());
        assertEquals(1, train.get(0).line(), "no header: the first example is line 1");
        assertNull(train.get(0).textB());
        assertTrue(dev.get(dev.size() - 1).textA().endsWith("about himself."), "last row without newline kept");
    }

    @Test
    void sst2() {
        List<Example> train = GlueReader.read(GlueTask.SST2, GlueSplit.TRAIN, GLUE);
        List<Example> dev = GlueReader.read(GlueTask.SST2, GlueSplit.DEV, GLUE);
        assertEquals(67349, train.size());
        assertEquals(872, dev.size());
        assertEquals(Map.of(0, 29780, 1, 37569), labelCounts(train));
        assertEquals(Map.of(0, 428, 1, 444), labelCounts(dev));
        assertEquals("it 's a charming and often affecting journey . ", dev.get(0).textA());
        assertEquals(2, dev.get(0).line());
    }

    @Test
    void mrpcWithByteOrderMarkAndQuotes() {
        List<Example> train = GlueReader.read(GlueTask.MRPC, GlueSplit.TRAIN, GLUE);
        List<Example> dev = GlueReader.read(GlueTask.MRPC, GlueSplit.DEV, GLUE);
        assertEquals(3668, train.size());
        assertEquals(408, dev.size());
        assertEquals(Map.of(0, 1194, 1, 2474), labelCounts(train));
        assertEquals(Map.of(0, 129, 1, 279), labelCounts(dev));
        Example first = train.get(0);
        assertEquals("Amrozi accused his brother , whom he called \" the witness \" , of deliberately distorting his"
                + " evidence .", first.textA());
        assertTrue(first.textB().startsWith("Referring to him as only \" the witness \""));
        // dev row 1's second sentence opens a quote it never closes: " The foodservice ...
        assertEquals("\" The foodservice pie business does not fit our long-term growth strategy .", dev.get(0).textB());
    }

    @Test
    void stsbScores() {
        List<Example> train = GlueReader.read(GlueTask.STSB, GlueSplit.TRAIN, GLUE);
        List<Example> dev = GlueReader.read(GlueTask.STSB, GlueSplit.DEV, GLUE);
        assertEquals(5749, train.size());
        assertEquals(1500, dev.size());
        // Sums and counts measured with Python's Decimal over the last column of each file.
        assertEquals(15528.04339682539682, sumOfScores(train), 1e-8);
        assertEquals(3545.86133333333333, sumOfScores(dev), 1e-8);
        assertEquals(266, train.stream().filter(e -> e.score() == 5.0).count());
        assertEquals(367, train.stream().filter(e -> e.score() == 0.0).count());
        assertEquals(56, dev.stream().filter(e -> e.score() == 5.0).count());
        assertEquals(139, dev.stream().filter(e -> e.score() == 0.0).count());
        assertEquals(new Example("A man with a hard hat is dancing.", "A man wearing a hard hat is dancing.",
                Example.NO_LABEL, 5.0, 2), dev.get(0));
        assertTrue(train.stream().allMatch(Example::isRegression));
    }

    @Test
    void rte() {
        List<Example> train = GlueReader.read(GlueTask.RTE, GlueSplit.TRAIN, GLUE);
        List<Example> dev = GlueReader.read(GlueTask.RTE, GlueSplit.DEV, GLUE);
        assertEquals(2490, train.size());
        assertEquals(277, dev.size());
        // entailment = 0, not_entailment = 1
        assertEquals(Map.of(0, 1249, 1, 1241), labelCounts(train));
        assertEquals(Map.of(0, 146, 1, 131), labelCounts(dev));
        assertEquals("Christopher Reeve had an accident.", dev.get(0).textB());
        assertEquals(1, dev.get(0).label());
    }

    @Test
    void everyRealTaskMatchesItsOfficialRowCounts() {
        for (GlueTask task : List.of(GlueTask.COLA, GlueTask.SST2, GlueTask.MRPC, GlueTask.STSB, GlueTask.RTE)) {
            TaskData data = TaskData.read(task, GLUE);
            assertEquals(task.officialRows(GlueSplit.TRAIN), data.train().size(), task.userName());
            assertEquals(task.officialRows(GlueSplit.DEV), data.dev().size(), task.userName());
            assertFalse(data.train().isEmpty());
            assertEquals(task.isPair(), data.train().get(0).isPair(), task.userName());
        }
    }

    @Test
    void limitedColaIsStratified() {
        TaskData limited = TaskData.read(GlueTask.COLA, GLUE).limited(100, 50, 1L);
        // train: 100 * 2528 / 8551 = 29.56, 100 * 6023 / 8551 = 70.44 -> 29 + 70 = 99, the extra place
        // goes to the larger remainder (label 0) -> 30 / 70
        assertEquals(Map.of(0, 30, 1, 70), labelCounts(limited.train()));
        // dev: 50 * 322 / 1043 = 15.44, 50 * 721 / 1043 = 34.56 -> 15 / 35
        assertEquals(Map.of(0, 15, 1, 35), labelCounts(limited.dev()));
        assertEquals(limited, TaskData.read(GlueTask.COLA, GLUE).limited(100, 50, 1L));
        assertEquals(1043, TaskData.read(GlueTask.COLA, GLUE).limited(0, 0, 1L).dev().size());
    }

    static Map<Integer, Integer> labelCounts(List<Example> examples) {
        Map<Integer, Integer> counts = new TreeMap<>();
        examples.forEach(e -> counts.merge(e.label(), 1, Integer::sum));
        return counts;
    }

    private static double sumOfScores(List<Example> examples) {
        return examples.stream().mapToDouble(Example::score).sum();
    }
}
