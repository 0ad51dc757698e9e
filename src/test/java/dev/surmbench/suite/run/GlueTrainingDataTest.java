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

        // Predictions that are not the targets (a fixed, arbitrary pattern in standardised units), scored
        // against the raw dev scores: the correlations this test computes itself, from the definitions.
        double[] dev = targets(data.evalBatches()).stream().mapToDouble(Double::doubleValue).toArray();
        assertTrue(dev.length == 64 && java.util.Arrays.stream(dev).max().orElseThrow() > 1.5, "dev keeps the 0..5 scale");
        double[] predictions = new double[dev.length];
        for (int i = 0; i < dev.length; i++) {
            predictions[i] = (i * 7 % 11) / 3.0 - 1 + dev[i] / 4; // partly follows the targets
        }
        double expectedPearson = pearson(predictions, dev); // affine maps (back to 0..5) leave it unchanged
        double expectedSpearman = pearson(ranks(predictions), ranks(dev));
        assertTrue(expectedPearson > 0.1 && expectedPearson < 0.9, "a case that is neither perfect nor null: " + expectedPearson);
        Map<String, Double> scores = data.evaluate(predictions, dev);
        assertEquals(expectedPearson, scores.get("pearson"), 1e-9);
        assertEquals(expectedSpearman, scores.get("spearman"), 1e-9);
    }

    /** Pearson's r from its definition. */
    private static double pearson(double[] x, double[] y) {
        double mx = java.util.Arrays.stream(x).average().orElseThrow();
        double my = java.util.Arrays.stream(y).average().orElseThrow();
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    /** 1-based ranks, ties sharing their average rank (Spearman's ρ is Pearson's r of these). */
    private static double[] ranks(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            int below = 0;
            int equal = 0;
            for (double w : v) {
                below += w < v[i] ? 1 : 0;
                equal += w == v[i] ? 1 : 0;
            }
            out[i] = below + (equal + 1) / 2.0;
        }
        return out;
    }

    @Test
    void classificationTargetsStayClassIds() {
        GlueTrainingData data = prepare(GlueTask.RTE);
        List<Double> train = targets(data.trainEpoch(0));
        assertEquals(Set.of(0.0, 1.0), Set.copyOf(train));
        double[] dev = targets(data.evalBatches()).stream().mapToDouble(Double::doubleValue).toArray();
        // Scored against the dev targets, counted here: always "1", and the first 10 answers flipped.
        double ones = java.util.Arrays.stream(dev).filter(t -> t == 1.0).count();
        assertTrue(ones > 0 && ones < dev.length, "both classes in the dev subset");
        double[] allOnes = new double[dev.length];
        java.util.Arrays.fill(allOnes, 1.0);
        assertEquals(ones / dev.length, data.evaluate(allOnes, dev).get("accuracy"), 1e-12);
        double[] tenWrong = dev.clone();
        for (int i = 0; i < 10; i++) {
            tenWrong[i] = 1 - tenWrong[i];
        }
        assertEquals((dev.length - 10) / (double) dev.length, data.evaluate(tenWrong, dev).get("accuracy"), 1e-12);
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
