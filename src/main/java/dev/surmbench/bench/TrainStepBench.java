package dev.surmbench.bench;

import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import dev.surmbench.model.BackboneSource;
import dev.surmbench.model.Backbones;
import dev.surmbench.model.ClassificationModel;
import dev.surmbench.model.ModelOptions;
import dev.surmbench.peft.MethodRegistry;
import dev.surmbench.peft.PeftInjector;
import dev.surmbench.train.HostBatch;
import dev.surmbench.train.HostInput;
import dev.surmbench.train.ProgressListener;
import dev.surmbench.train.ResourceMeter;
import dev.surmbench.train.Trainer;
import dev.surmbench.train.TrainingConfig;
import dev.surmbench.train.TrainingData;
import dev.surmbench.util.Seeds;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Times the real training step: the backbone and method built exactly as a suite run builds them
 * (weights loaded, head seeded, method injected by {@link PeftInjector}), trained by {@link Trainer}
 * with the suite's built-in optimisation settings (AdamW, no weight decay, 6% warm-up, gradient norm
 * clipped at 1) on seeded random token ids in [1000, 30000) with every position a real token — the
 * shapes {@code ../shared/tools/peer_train_step.py} trains in PyTorch eager. Each step's wall time is
 * taken between the trainer's step callbacks (which follow the update), so a step includes
 * host-to-tensor conversion, forward, backward, clipping and the AdamW update.
 */
public final class TrainStepBench {
    private static final TrainingConfig SUITE_DEFAULTS = TrainingConfig.adamW(1, 5e-4, 0.0, 0.06, 1.0);

    private TrainStepBench() {}

    public static TrainStepResult run(TrainStepSpec spec) {
        return run(spec, null);
    }

    /**
     * As {@link #run(TrainStepSpec)}; with {@code profile} set, PyTorch's profiler records the timed
     * steps (with shapes) and writes its Chrome trace there when training ends.
     */
    public static TrainStepResult run(TrainStepSpec spec, java.nio.file.Path profile) {
        return run(spec, profile, ai.djl.Device.cpu());
    }

    /** As {@link #run(TrainStepSpec, java.nio.file.Path)}, on {@code device}. */
    public static TrainStepResult run(TrainStepSpec spec, java.nio.file.Path profile, ai.djl.Device device) {
        ModelOptions options = new ModelOptions(spec.layers(), spec.dropout(), spec.pooling());
        try (ClassificationModel model = Backbones.classification(BackboneSource.parse(spec.backbone()), 2,
                Seeds.derive(spec.seed(), "head"), options, device)) {
            PeftInjector.inject(model.block(), MethodRegistry.parse(spec.method(), spec.options()), model.headPrefixes(),
                    Seeds.derive(spec.seed(), "peft-init"));
            SplittableRandom random = new SplittableRandom(Seeds.derive(spec.seed(), "bench-tokens"));
            List<HostBatch> train = new ArrayList<>();
            for (int i = 0; i < spec.warmup() + spec.steps(); i++) {
                train.add(randomBatch(spec, random));
            }
            HostBatch evalBatch = randomBatch(spec, random);
            StepClock clock = new StepClock(spec.warmup(), profile);
            new Trainer(SUITE_DEFAULTS, clock).train(model.block(), model.manager(),
                    new SyntheticData(train, List.of(evalBatch)), spec.seed());
            List<Double> steps = clock.durations.subList(Math.min(spec.warmup(), clock.durations.size()),
                    clock.durations.size());
            List<Double> eval = new ArrayList<>();
            ParameterStore store = new ParameterStore(model.manager(), false);
            SyntheticData oneBatch = new SyntheticData(List.of(), List.of(evalBatch));
            for (int i = 0; i < spec.evalBatches(); i++) {
                long start = System.nanoTime();
                Trainer.evaluate(model.block(), model.manager(), store, oneBatch);
                eval.add((System.nanoTime() - start) / 1e9);
            }
            return new TrainStepResult(spec, steps, eval, ResourceMeter.peakResidentMb(), ResourceMeter.threads());
        }
    }

    private static HostBatch randomBatch(TrainStepSpec spec, SplittableRandom random) {
        int b = spec.batch();
        int t = spec.sequence();
        long[] ids = new long[b * t];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = random.nextInt(1000, 30000);
        }
        long[] ones = new long[b * t];
        java.util.Arrays.fill(ones, 1);
        double[] labels = new double[b];
        for (int i = 0; i < b; i++) {
            labels[i] = random.nextInt(2);
        }
        long[] shape = {b, t};
        return new HostBatch(List.of(new HostInput(shape, ids, null), new HostInput(shape, new long[b * t], null),
                new HostInput(shape, ones, null)), labels, (long) b * t);
    }

    /** Wall time between the trainer's step callbacks; the first step is timed from {@code started}. */
    private static final class StepClock implements ProgressListener {
        final List<Double> durations = new ArrayList<>();
        private final int warmup;
        private final java.nio.file.Path profile;
        private boolean profiling;
        private long last;

        StepClock(int warmup, java.nio.file.Path profile) {
            this.warmup = warmup;
            this.profile = profile;
        }

        @Override
        public void started(long totalSteps) {
            last = System.nanoTime();
        }

        @Override
        public void step(long step, double loss, double learningRate) {
            long now = System.nanoTime();
            durations.add((now - last) / 1e9);
            if (profile != null && step == warmup) {
                JniUtils.startProfile(false, true, false);
                profiling = true;
            }
            last = System.nanoTime();
        }

        @Override
        public void finished() {
            if (profiling) {
                JniUtils.stopProfile(profile.toAbsolutePath().toString());
                profiling = false;
            }
        }
    }

    /** Fixed batches, a two-class task scored by accuracy (the numbers are not the point). */
    private record SyntheticData(List<HostBatch> train, List<HostBatch> eval) implements TrainingData {
        @Override
        public List<HostBatch> trainEpoch(int epoch) {
            return train;
        }

        @Override
        public List<HostBatch> evalBatches() {
            return eval;
        }

        @Override
        public int numLabels() {
            return 2;
        }

        @Override
        public Map<String, Double> evaluate(double[] predictions, double[] targets) {
            int right = 0;
            for (int i = 0; i < predictions.length; i++) {
                right += predictions[i] == targets[i] ? 1 : 0;
            }
            return Map.of("accuracy", predictions.length == 0 ? Double.NaN : (double) right / predictions.length);
        }

        @Override
        public String headlineMetric() {
            return "accuracy";
        }

        @Override
        public int trainSize() {
            return train.stream().mapToInt(HostBatch::size).sum();
        }
    }
}
