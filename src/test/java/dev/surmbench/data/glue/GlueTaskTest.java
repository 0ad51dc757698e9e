package dev.surmbench.data.glue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surmbench.metrics.Metric;
import dev.surmbench.metrics.MetricScores;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GlueTaskTest {

    @Test
    void userNamesAndOfficialSpellings() {
        assertEquals(List.of("cola", "sst2", "mrpc", "stsb", "qqp", "mnli", "mnli-mm", "qnli", "rte", "wnli"),
                Arrays.stream(GlueTask.values()).map(GlueTask::userName).toList());
        for (GlueTask task : GlueTask.values()) {
            assertEquals(task, GlueTask.fromName(task.userName()));
            assertEquals(task, GlueTask.fromName(task.userName().toUpperCase()));
        }
        assertEquals(GlueTask.COLA, GlueTask.fromName("CoLA"));
        assertEquals(GlueTask.SST2, GlueTask.fromName("SST-2"));
        assertEquals(GlueTask.STSB, GlueTask.fromName("STS-B"));
        assertEquals(GlueTask.STSB, GlueTask.fromName("sts"));
        assertEquals(GlueTask.MNLI, GlueTask.fromName("mnli_matched"));
        assertEquals(GlueTask.MNLI, GlueTask.fromName("MNLI-m"));
        assertEquals(GlueTask.MNLI_MM, GlueTask.fromName("mnli_mismatched"));
        assertEquals(GlueTask.MNLI_MM, GlueTask.fromName("MNLI-MM"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GlueTask.fromName("squad"));
        assertTrue(e.getMessage().contains("known: cola, sst2"), e.getMessage());
    }

    @Test
    void officialMetrics() {
        assertEquals(List.of(Metric.MCC), GlueTask.COLA.metrics());
        assertEquals(List.of(Metric.F1, Metric.ACCURACY), GlueTask.MRPC.metrics());
        assertEquals(List.of(Metric.F1, Metric.ACCURACY), GlueTask.QQP.metrics());
        assertEquals(List.of(Metric.PEARSON, Metric.SPEARMAN), GlueTask.STSB.metrics());
        for (GlueTask task : List.of(GlueTask.SST2, GlueTask.MNLI, GlueTask.MNLI_MM, GlueTask.QNLI, GlueTask.RTE,
                GlueTask.WNLI)) {
            assertEquals(List.of(Metric.ACCURACY), task.metrics(), task.userName());
        }
    }

    @Test
    void labelsAndFiles() {
        assertTrue(GlueTask.STSB.isRegression());
        assertEquals(1, GlueTask.STSB.numLabels());
        assertEquals(3, GlueTask.MNLI.numLabels());
        assertEquals(2, GlueTask.RTE.numLabels());
        assertFalse(GlueTask.COLA.isPair());
        assertFalse(GlueTask.SST2.isPair());
        assertTrue(GlueTask.QNLI.isPair());
        assertEquals("MNLI/dev_mismatched.tsv", GlueTask.MNLI_MM.relativePath(GlueSplit.DEV));
        assertEquals("MNLI/train.tsv", GlueTask.MNLI_MM.relativePath(GlueSplit.TRAIN));
        assertEquals("STS-B/dev.tsv", GlueTask.STSB.relativePath(GlueSplit.DEV));
    }

    @Test
    void headlineConventions() {
        MetricScores mrpc = new MetricScores(Map.of(Metric.F1, 0.9, Metric.ACCURACY, 0.8));
        assertEquals(0.85, GlueTask.MRPC.headline(mrpc, HeadlineConvention.GLUE_LEADERBOARD), 1e-15);
        assertEquals(0.9, GlueTask.MRPC.headline(mrpc, HeadlineConvention.SURM_PAPER), 0.0);
        // QQP: leaderboard mean of F1 and accuracy; the SURM paper reports accuracy
        assertEquals(0.8, GlueTask.QQP.headline(mrpc, HeadlineConvention.SURM_PAPER), 0.0);
        MetricScores sts = new MetricScores(Map.of(Metric.PEARSON, 0.88, Metric.SPEARMAN, 0.86));
        assertEquals(0.87, GlueTask.STSB.headline(sts, HeadlineConvention.GLUE_LEADERBOARD), 1e-15);
        assertEquals(0.86, GlueTask.STSB.headline(sts, HeadlineConvention.SURM_PAPER), 0.0);
        MetricScores cola = new MetricScores(Map.of(Metric.MCC, 0.6));
        assertEquals(0.6, GlueTask.COLA.headline(cola, HeadlineConvention.GLUE_LEADERBOARD), 0.0);
        assertEquals(List.of(Metric.MCC), GlueTask.COLA.headlineMetrics(HeadlineConvention.SURM_PAPER));
        assertEquals(List.of(Metric.ACCURACY), GlueTask.RTE.headlineMetrics(HeadlineConvention.SURM_PAPER));
    }
}
