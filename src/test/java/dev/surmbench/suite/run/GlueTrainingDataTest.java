package dev.surmbench.suite.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surmbench.data.TestData;
import dev.surmbench.data.glue.GlueData;
import dev.surmbench.data.glue.GlueTask;
import dev.surmbench.data.glue.HeadlineConvention;
import dev.surmbench.data.text.TextTokenizer;
import dev.surmbench.model.BackboneSource;
import dev.surmbench.train.HostBatch;
import dev.surmbench.train.TrivialPredictor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How GLUE examples reach the trainer: regression targets standardised and mapped back, classes untouched. */
class GlueTrainingDataTest {

    private static GlueTrainingData prepare(GlueTask task) {
        GlueData glue = GlueData.fromSettings(TestData.realGlueDir().toString());
        try (TextTokenizer tokenizer = TextTokenizer.fromTokenizerJson(
                BackboneSource.parse("embedded:all-minilm-l6-v2").tokenizer().orElseThrow(), 48)) {
            return new GlueTrainingData(task, glue.load(task), tokenizer, HeadlineConvention.SURM_PAPER,
                    200, 64, 16, 64, 7);
        }
    }

    private static List<Double> targets(List<HostBatch> batches) {
        List<Double> out = new ArrayList<>();
        batches.forEach(b -> {
            for (double t : b.targets()) {
                out.add(t);
            }
        });
        return out;
    }

    @Test
    void stsbTrainsOnStandardisedScoresAndIsScoredOnTheOriginalScale() {
        GlueTrainingData data = prepare(GlueTask.STSB);
        List<Double> train = targets(data.trainEpoch(0));
        assertEquals(200, train.size());
        double mean = train.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double variance = train.stream().mapToDouble(t -> (t - mean) * (t - mean)).sum() / (train.size() - 1);
        assertEquals(0.0, mean, 1e-9);
        assertEquals(1.0, variance, 1e-9);
        double[] back = data.toTaskScale(train.stream().mapToDouble(Double::doubleValue).toArray());
        assertTrue(java.util.Arrays.stream(back).allMatch(v -> v > -1e-9 && v < 5 + 1e-9), "scores map back into 0..5");
        assertTrue(java.util.Arrays.stream(back).min().orElseThrow() < 1 && java.util.Arrays.stream(back).max().orElseThrow() > 4);

        // A perfect model in standardised units, mapped back: correlations 1 on the raw dev scores.
        double[] dev = targets(data.evalBatches()).stream().mapToDouble(Double::doubleValue).toArray();
        assertTrue(dev.length == 64 && java.util.Arrays.stream(dev).max().orElseThrow() > 1.5, "dev keeps the 0..5 scale");
        double[] perfect = new double[dev.length];
        for (int i = 0; i < dev.length; i++) {
            perfect[i] = dev[i] * 0.5 - 1; // any increasing affine map keeps the correlations at 1
        }
        Map<String, Double> scores = data.evaluate(perfect, dev);
        assertEquals(1.0, scores.get("pearson"), 1e-9);
        assertEquals(1.0, scores.get("spearman"), 1e-9);
    }

    @Test
    void classificationTargetsStayClassIds() {
        GlueTrainingData data = prepare(GlueTask.RTE);
        List<Double> train = targets(data.trainEpoch(0));
        assertEquals(Set.of(0.0, 1.0), Set.copyOf(train));
        double[] dev = targets(data.evalBatches()).stream().mapToDouble(Double::doubleValue).toArray();
        assertEquals(1.0, data.evaluate(dev, dev).get("accuracy"), 0.0);
    }

    @Test
    void trivialFloorOnRealDataIsTheTrainingMajorityScoredOnTheDevSubset() {
        for (GlueTask task : List.of(GlueTask.RTE, GlueTask.MRPC)) {
            GlueTrainingData data = prepare(task);
            List<Double> train = targets(data.trainEpoch(0));
            double majority = train.stream().filter(t -> t == 1.0).count() * 2 > train.size() ? 1.0 : 0.0;
            List<Double> dev = targets(data.evalBatches());
            double share = dev.stream().filter(t -> t == majority).count() / (double) dev.size();
            assertEquals(share, TrivialPredictor.score(data).get("accuracy"), 1e-12, task.name());
            if (task == GlueTask.MRPC) {
                // MRPC's majority is "paraphrase" (1): precision = share, recall 1 -> F1 = 2·share/(share+1)
                assertEquals(1.0, majority);
                assertEquals(2 * share / (share + 1), TrivialPredictor.score(data).get("f1"), 1e-12);
            }
        }
        assertEquals(Map.of("mcc", 0.0), TrivialPredictor.score(prepare(GlueTask.COLA)), "a constant has MCC 0");
        // STS-B: the training mean, correlation undefined -> recorded as 0
        Map<String, Double> stsb = TrivialPredictor.score(prepare(GlueTask.STSB));
        assertEquals(0.0, stsb.get("pearson"), 0.0);
        assertEquals(0.0, stsb.get("spearman"), 0.0);
    }
}
