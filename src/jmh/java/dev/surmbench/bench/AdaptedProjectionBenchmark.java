package dev.surmbench.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import dev.surmbench.device.EngineFacts;
import dev.surmbench.peft.AdaptableLinear;
import dev.surmbench.peft.MethodRegistry;
import dev.surmbench.peft.UpdateMethodConfig;
import dev.surmbench.peft.core.StructuredOperator;
import dev.surmbench.suite.DeviceChoice;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One adapted d×d projection on 4096 tokens (batch × sequence), float32: the frozen dense
 * layer alone ({@code dense}), the dense layer plus each method's update ({@code path=adapted}), and
 * the update alone ({@code path=update}). Forward, and forward + backward (gradients of the method's
 * parameters and of the input, as inside a network). Ratios against {@code lora} are computed from
 * the same run by {@link BenchTable}. {@code -p device=cuda} (any {@code device} setting value) runs
 * on a GPU; each call ends by copying one value to the host, which waits for the device's queued
 * work, so a GPU's asynchronous kernels are inside the measured time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Dai.djl.offline=true", "-Xmx8g"})
public class AdaptedProjectionBenchmark {
    static {
        // JMH's forked JVM never passes through cli.Main: put the OpenMP wait policy in place before the engine loads
        dev.surmbench.device.OpenMpWaitPolicy.apply();
    }

    static final int TOKENS = 4096;

    @Param({"384", "768", "1024"})
    int d;

    @Param({"dense", "lora", "circulant", "toeplitz", "kronecker", "ldr"})
    String method;

    @Param({"adapted", "update"})
    String path;

    @Param({"cpu"})
    String device;

    private NDManager manager;
    private Block block;
    private NDArray x;
    private NDArray outputWeights;
    private ParameterStore store;
    private NDArray[] parameters;

    @Setup(Level.Trial)
    public void setUp() {
        if (method.equals("dense") && path.equals("update")) {
            throw new IllegalStateException("skip: the dense layer has no update path"); // JMH records and moves on
        }
        manager = NDManager.newBaseManager(DeviceChoice.parse(device).resolve(EngineFacts.probe()));
        store = new ParameterStore(manager, false);
        AdaptableLinear linear = new AdaptableLinear(d, d, true);
        linear.initialize(manager, DataType.FLOAT32, new Shape(1, d));
        linear.weight().freeze(true);
        linear.bias().freeze(true);
        block = linear;
        if (!method.equals("dense")) {
            UpdateMethodConfig config = (UpdateMethodConfig) MethodRegistry.parse(method, Map.of());
            StructuredOperator op = config.create(d, d, 42);
            linear.attachUpdate(method, op, (float) config.scale(), 0f);
            for (Parameter p : op.getParameters().values()) {
                p.getArray().set(random(p.getShape().size(), 7)); // non-zero, so no kernel short-cuts zeros
            }
            block = path.equals("update") ? op : linear;
        }
        parameters = linear.getParameters().values().stream().map(Parameter::getArray).toArray(NDArray[]::new);
        x = manager.create(random((long) TOKENS * d, 1), new Shape(TOKENS, d));
        x.setRequiresGradient(true);
        outputWeights = manager.create(random((long) TOKENS * d, 2), new Shape(TOKENS, d));
    }

    private static float[] random(long size, long seed) {
        float[] v = new float[Math.toIntExact(size)];
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) r.nextGaussian() * 0.1f;
        }
        return v;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (manager != null) {
            manager.close();
        }
    }

    @Benchmark
    public float forward() {
        try (NDManager step = manager.newSubManager()) {
            step.tempAttachAll(x);
            step.tempAttachAll(parameters); // temporaries of parameter ops die with the step
            NDArray y = block.forward(store, new NDList(x), false).head();
            return y.getFloat(0, 0);
        }
    }

    @Benchmark
    public float forwardBackward() {
        try (NDManager step = manager.newSubManager()) {
            step.tempAttachAll(x, outputWeights);
            step.tempAttachAll(parameters);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray y = block.forward(store, new NDList(x), true).head();
                collector.backward(y.mul(outputWeights).sum());
            }
            return x.getGradient().getFloat(0, 0);
        }
    }
}
