package dev.surmbench.model;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import dev.surmbench.device.EngineFacts;
import dev.surmbench.peft.MethodRegistry;
import dev.surmbench.peft.PeftInjector;
import dev.surmbench.suite.DeviceChoice;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * MiniLM (embedded all-MiniLM-L6-v2, 2-label head) throughput in tokens/s at batch 32 ×
 * sequence 128 (all positions real tokens): inference forward, and a training step's
 * forward + backward (surrogate loss mean(logits²); no optimiser step), for full fine-tuning,
 * LoRA and circulant (default options, targets query,value). On the CPU by default; {@code -p
 * device=cuda} on a GPU (each call ends by reading the loss on the host, which waits for the GPU).
 *
 * <pre>
 * mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt -Dmdep.includeScope=test
 * java -Dai.djl.offline=true -cp target/test-classes:target/classes:$(cat cp.txt) org.openjdk.jmh.Main \
 *     MiniLmThroughput -f 1 -wi 1 -i 2 -w 20s -r 30s
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class MiniLmThroughputBenchmark {
    static {
        // JMH's forked JVM never passes through cli.Main: put the OpenMP wait policy in place before the engine loads
        dev.surmbench.device.OpenMpWaitPolicy.apply();
    }

    private static final int BATCH = 32;
    private static final int SEQ = 128;

    @Param({"full", "lora", "circulant"})
    public String method;

    @Param({"cpu"})
    public String device;

    private ClassificationModel model;
    private long[][] ids;
    private long[][] types;
    private long[][] mask;

    @Setup
    public void setUp() {
        System.setProperty("ai.djl.offline", "true");
        model = Backbones.classification(BackboneSource.parse("embedded:all-minilm-l6-v2"), 2, 0, ModelOptions.DEFAULT,
                DeviceChoice.parse(device).resolve(EngineFacts.probe()));
        PeftInjector.inject(model.block(), MethodRegistry.parse(method, Map.of()), model.headPrefixes(), 0);
        SplittableRandom r = new SplittableRandom(0);
        ids = new long[BATCH][SEQ];
        types = new long[BATCH][SEQ];
        mask = new long[BATCH][SEQ];
        for (int b = 0; b < BATCH; b++) {
            for (int t = 0; t < SEQ; t++) {
                ids[b][t] = t == 0 ? 101 : t == SEQ - 1 ? 102 : 1000 + r.nextInt(29000);
                mask[b][t] = 1;
            }
        }
    }

    @TearDown
    public void tearDown() {
        model.close();
    }

    private NDList inputs(NDManager scope) {
        return new NDList(scope.create(ids), scope.create(types), scope.create(mask));
    }

    /** Inference: logits for one batch; score = tokens/s. */
    @Benchmark
    @OperationsPerInvocation(BATCH * SEQ)
    public float forward() {
        try (NDManager scope = model.manager().newSubManager()) {
            return model.forward(inputs(scope), false).sum().getFloat();
        }
    }

    /** A training step without the optimiser: forward (training mode) + backward; score = tokens/s. */
    @Benchmark
    @OperationsPerInvocation(BATCH * SEQ)
    public float forwardBackward() {
        try (NDManager scope = model.manager().newSubManager();
                GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray logits = model.forward(new ParameterStore(model.manager(), false), inputs(scope), true);
            NDArray loss = logits.square().mean();
            gc.backward(loss);
            return loss.getFloat();
        }
    }
}
