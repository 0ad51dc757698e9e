package dev.surmbench.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import dev.surmbench.device.DeviceSync;
import dev.surmbench.ops.Dropout;
import dev.surmbench.ops.NoGradient;
import dev.surmbench.peft.BlockPaths;
import dev.surmbench.util.Seeds;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Trains a classification (cross-entropy) or regression (mean squared error) model: AdamW, linear
 * warm-up and decay, global-norm clipping, dev (and validation, when the data has a split) evaluation
 * after every epoch, best epoch by the headline metric on validation — on dev without a split — and
 * the dev-best epoch beside it (the paper protocol). A non-finite loss stops the run as diverged with its step. All randomness the
 * trainer controls (dropout masks, {@link Dropout}) is seeded from {@code Seeds.derive(seed, "dropout")}; data order is the
 * {@link TrainingData}'s, seeded by the caller.
 */
public final class Trainer {
    /** The key of the mean validation loss in an epoch's validation metrics (lower is better). */
    public static final String LOSS = "loss";

    private final TrainingConfig config;
    private final ProgressListener progress;

    public Trainer(TrainingConfig config, ProgressListener progress) {
        this.config = config;
        this.progress = progress;
    }

    public TrainingOutcome train(Block model, NDManager manager, TrainingData data, long seed) {
        long dropoutSeed = Seeds.derive(seed, "dropout");
        Engine.getInstance().setRandomSeed((int) dropoutSeed);
        Dropout.reseed(dropoutSeed);
        ParameterStore store = new ParameterStore(manager, false);
        ResourceMeter meter = new ResourceMeter();
        List<EpochRecord> epochs = new ArrayList<>();
        long batchesPerEpoch = data.trainEpoch(0).size();
        long totalSteps = batchesPerEpoch * config.epochs();
        LinearSchedule schedule = new LinearSchedule(config.learningRate(),
                Math.round(config.warmupRatio() * totalSteps), totalSteps);
        long step = 0;
        long trainExamples = 0;
        long trainTokens = 0;
        double trainSeconds = 0;
        long evalExamples = 0;
        double evalSeconds = 0;
        int best = -1;
        int devBest = -1;
        boolean validated = !data.validationBatches().isEmpty();
        progress.started(totalSteps);
        NDArray[] parameterArrays = parameterArrays(model);
        long evalPerEpoch = data.evalBatches().stream().mapToLong(HostBatch::size).sum()
                + data.validationBatches().stream().mapToLong(HostBatch::size).sum();
        try (AdamW optimizer = new AdamW(config, BlockPaths.parameters(model), manager)) {
            for (int epoch = 0; epoch < config.epochs(); epoch++) {
                long start = System.nanoTime();
                double lossSum = 0;
                List<HostBatch> batches = data.trainEpoch(epoch);
                for (HostBatch batch : batches) {
                    double lr = schedule.at(step);
                    double loss = trainStep(model, manager, parameterArrays, store, optimizer, batch, data.numLabels(), lr);
                    meter.sample();
                    if (!Double.isFinite(loss)) {
                        progress.finished();
                        return new TrainingOutcome(TrainingOutcome.Status.DIVERGED,
                                "non-finite loss " + loss + " at step " + step, epochs, best, step,
                                trainExamples, trainTokens, trainSeconds, evalExamples, evalSeconds, meter.peakHeapMb(),
                                devBest);
                    }
                    lossSum += loss;
                    trainExamples += batch.size();
                    trainTokens += batch.tokens();
                    progress.step(++step, loss, lr);
                }
                DeviceSync.await(manager); // a GPU may still be running the last step: finish it before reading the clock
                trainSeconds += (System.nanoTime() - start) / 1e9;
                long evalStart = System.nanoTime();
                Map<String, Double> metrics = evaluate(model, manager, store, data);
                Map<String, Double> validation = validated
                        ? evaluate(model, manager, store, data, data.validationBatches(), true) : Map.of();
                double evalTime = (System.nanoTime() - evalStart) / 1e9;
                evalSeconds += evalTime;
                evalExamples += evalPerEpoch;
                EpochRecord record = new EpochRecord(epoch, step, lossSum / Math.max(1, batches.size()), metrics,
                        (System.nanoTime() - start) / 1e9 - evalTime, evalTime, validation);
                epochs.add(record);
                String headline = data.headlineMetric();
                if (devBest < 0 || isBetter(metrics.get(headline), epochs.get(devBest).metrics().get(headline))) {
                    devBest = epoch;
                }
                Map<String, Double> selecting = validated ? validation : metrics;
                Map<String, Double> incumbent = best < 0 ? null : validated
                        ? epochs.get(best).validationMetrics() : epochs.get(best).metrics();
                if (best < 0 || isBetter(selecting.get(headline), incumbent.get(headline))) {
                    best = epoch;
                    progress.newBest(epoch);
                }
                progress.epochEnded(record);
            }
        }
        progress.finished();
        return new TrainingOutcome(TrainingOutcome.Status.COMPLETED, "", epochs, best, step,
                trainExamples, trainTokens, trainSeconds, evalExamples, evalSeconds, meter.peakHeapMb(), devBest);
    }

    /** NaN never wins; otherwise strictly higher wins (ties keep the earlier epoch). */
    private static boolean isBetter(Double candidate, Double incumbent) {
        if (candidate == null || candidate.isNaN()) {
            return false;
        }
        return incumbent == null || incumbent.isNaN() || candidate > incumbent;
    }

    /**
     * One optimisation step inside its own scope: the parameter arrays are attached to the scope for
     * its duration, so every temporary of the forward, backward and update is freed when it closes.
     */
    private double trainStep(Block model, NDManager manager, NDArray[] parameterArrays, ParameterStore store,
                             AdamW optimizer, HostBatch batch, int numLabels, double lr) {
        try (NDManager stepManager = manager.newSubManager()) {
            stepManager.tempAttachAll(parameterArrays);
            stepManager.tempAttachAll(optimizer.state());
            NDList inputs = toArrays(batch, stepManager);
            double loss;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray output = model.forward(store, inputs, true).head();
                NDArray lossArray = loss(output, targets(batch, stepManager, numLabels), numLabels);
                loss = lossArray.getFloat();
                if (!Double.isFinite(loss)) {
                    return loss;
                }
                collector.backward(lossArray);
            }
            double scale = 1.0;
            if (config.maxGradNorm() > 0) {
                double norm = optimizer.gradientNorm();
                if (norm > config.maxGradNorm()) {
                    scale = config.maxGradNorm() / (norm + 1e-6);
                }
            }
            optimizer.step(lr, scale);
            return loss;
        }
    }

    /** Cross-entropy over logits [B, C] for classification; mean squared error on [B, 1] for regression. */
    static NDArray loss(NDArray output, NDArray targets, int numLabels) {
        if (numLabels == 1) {
            return output.reshape(-1).sub(targets).square().mean();
        }
        NDArray logProbabilities = output.logSoftmax(-1);
        NDArray oneHot = targets.oneHot(numLabels).toType(logProbabilities.getDataType(), false);
        return logProbabilities.mul(oneHot).sum(new int[] {1}).neg().mean();
    }

    private static NDArray targets(HostBatch batch, NDManager manager, int numLabels) {
        double[] t = batch.targets();
        if (numLabels == 1) {
            float[] f = new float[t.length];
            for (int i = 0; i < t.length; i++) {
                f[i] = (float) t[i];
            }
            return manager.create(f);
        }
        long[] ids = new long[t.length];
        for (int i = 0; i < t.length; i++) {
            ids[i] = (long) t[i];
        }
        return manager.create(ids);
    }

    private static NDList toArrays(HostBatch batch, NDManager manager) {
        NDList list = new NDList();
        for (HostInput t : batch.inputs()) {
            list.add(t.toArray(manager));
        }
        return list;
    }

    /**
     * Predictions on the dev batches (argmax class, or the regression score) scored by the task. The
     * forward passes run with autograd off: PyTorch records a graph whenever a trainable parameter
     * takes part and grad mode is on, which libtorch enables by default.
     */
    public static Map<String, Double> evaluate(Block model, NDManager manager, ParameterStore store, TrainingData data) {
        return evaluate(model, manager, store, data, data.evalBatches(), false);
    }

    /**
     * As {@link #evaluate(Block, NDManager, ParameterStore, TrainingData)}, on {@code batches} (dev or
     * validation); with {@code withLoss}, the map also holds {@value #LOSS}: the training objective
     * (cross-entropy, or squared error) averaged over the examples — a continuous score that still ranks
     * runs whose predictions all sit at the majority class, where MCC and F1 cannot.
     */
    static Map<String, Double> evaluate(Block model, NDManager manager, ParameterStore store, TrainingData data,
                                        List<HostBatch> batches, boolean withLoss) {
        try (NoGradient off = NoGradient.enter()) {
            return evaluateWithoutGradients(model, manager, store, data, batches, withLoss);
        }
    }

    private static Map<String, Double> evaluateWithoutGradients(Block model, NDManager manager, ParameterStore store,
                                                                TrainingData data, List<HostBatch> batches,
                                                                boolean withLoss) {
        List<Double> predictions = new ArrayList<>();
        List<Double> references = new ArrayList<>();
        NDArray[] parameterArrays = parameterArrays(model);
        double lossSum = 0;
        long examples = 0;
        for (HostBatch batch : batches) {
            try (NDManager evalManager = manager.newSubManager()) {
                evalManager.tempAttachAll(parameterArrays);
                NDArray output = model.forward(store, toArrays(batch, evalManager), false).head();
                if (withLoss) { // the batch mean, weighted by its size: batches differ in size
                    lossSum += loss(output, targets(batch, evalManager, data.numLabels()), data.numLabels()).getFloat()
                            * (double) batch.size();
                    examples += batch.size();
                }
                float[] values = data.numLabels() == 1
                        ? output.reshape(-1).toFloatArray()
                        : output.argMax(-1).toType(ai.djl.ndarray.types.DataType.FLOAT32, false).toFloatArray();
                for (int i = 0; i < values.length; i++) {
                    predictions.add((double) values[i]);
                    references.add(batch.targets()[i]);
                }
            }
        }
        Map<String, Double> metrics = new HashMap<>(data.evaluate(toArray(predictions), toArray(references)));
        if (withLoss) {
            metrics.put(LOSS, examples == 0 ? Double.NaN : lossSum / examples);
        }
        return metrics;
    }

    static NDArray[] parameterArrays(Block model) {
        return model.getParameters().values().stream().map(p -> p.getArray()).toArray(NDArray[]::new);
    }

    private static double[] toArray(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
