package dev.surmbench.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.BaseNDManager;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The training loop on a synthetic, learnable task: learning, determinism, divergence. */
class TrainerTest {

    /** label = 1 when x0 + x1 > 0; 4 features, 256 train / 128 dev examples. */
    static class Synthetic implements TrainingData {
        private final float[][] trainX;
        private final double[] trainY;
        private final float[][] devX;
        private final double[] devY;
        private final long seed;

        private final boolean poisoned;

        Synthetic(long seed) {
            this(seed, false);
        }

        /** With {@code poisoned}, one training feature is NaN: the loss of its batch is not finite. */
        Synthetic(long seed, boolean poisoned) {
            this.seed = seed;
            this.poisoned = poisoned;
            Random data = new Random(99); // the data set itself is fixed; only the order depends on the run
            trainX = new float[256][];
            trainY = new double[256];
            devX = new float[128][];
            devY = new double[128];
            fill(data, trainX, trainY);
            fill(data, devX, devY);
            if (poisoned) {
                trainX[100][2] = Float.NaN;
            }
        }

        private static void fill(Random r, float[][] x, double[] y) {
            for (int i = 0; i < x.length; i++) {
                x[i] = new float[] {(float) r.nextGaussian(), (float) r.nextGaussian(), (float) r.nextGaussian(), (float) r.nextGaussian()};
                y[i] = x[i][0] + x[i][1] > 0 ? 1 : 0;
            }
        }

        @Override
        public List<HostBatch> trainEpoch(int epoch) {
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < trainX.length; i++) {
                order.add(i);
            }
            Collections.shuffle(order, new Random(seed * 31 + epoch));
            return batches(order, trainX, trainY);
        }

        @Override
        public List<HostBatch> evalBatches() {
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < devX.length; i++) {
                order.add(i);
            }
            return batches(order, devX, devY);
        }

        private static List<HostBatch> batches(List<Integer> order, float[][] x, double[] y) {
            List<HostBatch> out = new ArrayList<>();
            for (int start = 0; start < order.size(); start += 32) {
                int n = Math.min(32, order.size() - start);
                float[] flat = new float[n * 4];
                double[] targets = new double[n];
                for (int i = 0; i < n; i++) {
                    int idx = order.get(start + i);
                    System.arraycopy(x[idx], 0, flat, i * 4, 4);
                    targets[i] = y[idx];
                }
                out.add(new HostBatch(List.of(HostInput.ofFloats(flat, n, 4)), targets, n));
            }
            return out;
        }

        @Override
        public int numLabels() {
            return 2;
        }

        @Override
        public Map<String, Double> evaluate(double[] predictions, double[] targets) {
            int correct = 0;
            for (int i = 0; i < targets.length; i++) {
                correct += predictions[i] == targets[i] ? 1 : 0;
            }
            return Map.of("accuracy", correct / (double) targets.length);
        }

        @Override
        public String headlineMetric() {
            return "accuracy";
        }

        @Override
        public int trainSize() {
            return trainX.length;
        }
    }

    private static TrainingOutcome run(long seed, double lr) {
        return run(new Synthetic(seed), seed, lr);
    }

    private static TrainingOutcome run(Synthetic data, long seed, double lr) {
        try (NDManager manager = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(7);
            SequentialBlock model = new SequentialBlock()
                    .add(Linear.builder().setUnits(16).build()).add(Activation::relu)
                    .add(Dropout.builder().optRate(0.1f).build())
                    .add(Linear.builder().setUnits(2).build());
            model.initialize(manager, DataType.FLOAT32, new Shape(1, 4));
            TrainingConfig config = TrainingConfig.adamW(4, lr, 0.01, 0.1, 1.0);
            return new Trainer(config, ProgressListener.NONE).train(model, manager, data, seed);
        }
    }

    @Test
    void learnsTheSyntheticTaskAndRecordsEveryEpoch() {
        TrainingOutcome outcome = run(1, 0.05);
        assertEquals(TrainingOutcome.Status.COMPLETED, outcome.status());
        assertEquals(4, outcome.epochs().size());
        assertEquals(32, outcome.steps()); // 4 epochs x 8 batches
        assertTrue(outcome.bestMetrics().get("accuracy") > 0.9, "best dev accuracy " + outcome.bestMetrics() + " " + outcome.epochs());
        assertTrue(outcome.epochs().get(3).trainLoss() < outcome.epochs().get(0).trainLoss());
        assertEquals(256L * 4, outcome.trainExamples());
    }

    /** The synthetic task with a "validation split" that disagrees with dev: dev's examples with the labels flipped. */
    static final class Contrary extends Synthetic {
        Contrary(long seed) {
            super(seed);
        }

        @Override
        public List<HostBatch> validationBatches() {
            return evalBatches().stream().map(b -> {
                double[] flipped = b.targets().clone();
                for (int i = 0; i < flipped.length; i++) {
                    flipped[i] = 1 - flipped[i];
                }
                return new HostBatch(b.inputs(), flipped, b.tokens());
            }).toList();
        }
    }

    @Test
    void withAValidationSplitTheBestEpochIsValidationsAndDevsBestIsKeptBeside() {
        TrainingOutcome outcome = run(new Contrary(1), 1, 0.05);
        assertTrue(outcome.selectedOnValidation());
        List<Double> dev = outcome.epochs().stream().map(e -> e.metrics().get("accuracy")).toList();
        int worstDev = dev.indexOf(Collections.min(dev));
        int bestDev = dev.indexOf(Collections.max(dev));
        assertEquals(worstDev, outcome.bestEpoch(), "validation (dev flipped) prefers dev's worst epoch: " + dev);
        assertEquals(bestDev, outcome.devBestEpoch());
        assertNotEquals(outcome.bestEpoch(), outcome.devBestEpoch(), "the two protocols disagree here: " + dev);
        assertEquals(dev.get(worstDev), outcome.bestMetrics().get("accuracy"), "the headline is dev at validation's epoch");
        assertEquals(1 - dev.get(worstDev), outcome.bestValidationMetrics().get("accuracy"), 1e-12);
        assertEquals(dev.get(bestDev), outcome.devBestMetrics().get("accuracy"));
        TrainingOutcome plain = run(1, 0.05);
        assertTrue(!plain.selectedOnValidation() && plain.bestEpoch() == plain.devBestEpoch());
    }

    /** Validation: dev's first 100 examples, in batches of 32, 32, 32 and 4 (a mean over batches would differ). */
    static final class UnevenValidation extends Synthetic {
        UnevenValidation(long seed) {
            super(seed);
        }

        @Override
        public List<HostBatch> validationBatches() {
            List<HostBatch> dev = evalBatches();
            List<HostBatch> out = new ArrayList<>(dev.subList(0, 3));
            HostBatch last = dev.get(3);
            float[] flat = new float[4 * 4];
            System.arraycopy(last.inputs().get(0).floats(), 0, flat, 0, flat.length);
            out.add(new HostBatch(List.of(HostInput.ofFloats(flat, 4, 4)), java.util.Arrays.copyOf(last.targets(), 4), 4));
            return out;
        }
    }

    @Test
    void validationCarriesTheMeanCrossEntropyPerExampleComputedIndependently() {
        UnevenValidation data = new UnevenValidation(1);
        try (NDManager manager = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(7);
            SequentialBlock model = new SequentialBlock()
                    .add(Linear.builder().setUnits(16).build()).add(Activation::relu)
                    .add(Linear.builder().setUnits(2).build());
            model.initialize(manager, DataType.FLOAT32, new Shape(1, 4));
            TrainingOutcome outcome = new Trainer(TrainingConfig.adamW(2, 0.05, 0.01, 0.1, 1.0), ProgressListener.NONE)
                    .train(model, manager, data, 1);
            double recorded = outcome.epochs().get(1).validationMetrics().get(Trainer.LOSS);
            // by hand, in doubles, from the trained model's logits: -log softmax(logits)[label], averaged over 100 examples
            ai.djl.training.ParameterStore store = new ai.djl.training.ParameterStore(manager, false);
            double sum = 0;
            int n = 0;
            for (HostBatch b : data.validationBatches()) {
                float[] logits = model.forward(store, new ai.djl.ndarray.NDList(b.inputs().get(0).toArray(manager)), false)
                        .head().toFloatArray();
                for (int i = 0; i < b.size(); i++, n++) {
                    double z0 = logits[2 * i];
                    double z1 = logits[2 * i + 1];
                    double max = Math.max(z0, z1);
                    double logSum = max + Math.log(Math.exp(z0 - max) + Math.exp(z1 - max));
                    sum += logSum - (b.targets()[i] == 1 ? z1 : z0);
                }
            }
            assertEquals(100, n);
            assertEquals(sum / n, recorded, 1e-5, "mean over examples, not over batches");
            assertTrue(recorded > 0 && recorded < Math.log(2), "a model that learned scores below chance's log 2: " + recorded);
            assertTrue(outcome.epochs().get(1).metrics().keySet().equals(java.util.Set.of("accuracy")),
                    "dev metrics stay the task's own");
        }
    }

    @Test
    void sameSeedGivesBitIdenticalLossesAndMetricsDifferentSeedDoesNot() {
        TrainingOutcome a = run(5, 0.01);
        TrainingOutcome b = run(5, 0.01);
        TrainingOutcome c = run(6, 0.01);
        for (int e = 0; e < 4; e++) {
            assertEquals(a.epochs().get(e).trainLoss(), b.epochs().get(e).trainLoss(), 0.0);
            assertEquals(a.epochs().get(e).metrics(), b.epochs().get(e).metrics());
        }
        assertNotEquals(a.epochs().get(0).trainLoss(), c.epochs().get(0).trainLoss());
    }

    /** Arrays left on the model's manager after training for {@code epochs} epochs (parameters and state). */
    private static int arraysLeftAfter(int epochs) {
        try (NDManager manager = NDManager.newBaseManager()) {
            SequentialBlock model = new SequentialBlock()
                    .add(Linear.builder().setUnits(16).build()).add(Activation::relu)
                    .add(Linear.builder().setUnits(2).build());
            model.initialize(manager, DataType.FLOAT32, new Shape(1, 4));
            TrainingConfig config = TrainingConfig.adamW(epochs, 0.01, 0.01, 0.1, 1.0);
            new Trainer(config, ProgressListener.NONE).train(model, manager, new Synthetic(1), 1);
            return ((BaseNDManager) manager).getManagedArrays().size();
        }
    }

    @Test
    void trainingStepsLeaveNoArrayBehindOnTheModelsManager() {
        // The optimiser's moments are created once; nothing a step computes may outlive the step (a
        // leak of one temporary per parameter per step grew full fine-tuning's memory by ~170 MB a step).
        assertEquals(arraysLeftAfter(1), arraysLeftAfter(6));
    }

    @Test
    void aNonFiniteLossStopsTheRunAsDivergedWithItsStep() {
        TrainingOutcome outcome = run(new Synthetic(1, true), 1, 0.01);
        assertEquals(TrainingOutcome.Status.DIVERGED, outcome.status());
        assertTrue(outcome.detail().matches("non-finite loss NaN at step \\d+"), outcome.detail());
        assertTrue(outcome.steps() < 8, "stops in the first epoch, at the poisoned batch");
    }
}
