package dev.surmbench.peft;

import static dev.surmbench.peft.PeftTestSupport.random;
import static dev.surmbench.peft.PeftTestSupport.randomize;
import static dev.surmbench.peft.PeftTestSupport.relativeError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import dev.surmbench.peft.circulant.CirculantStructure;
import dev.surmbench.peft.core.StructureSpec;
import dev.surmbench.peft.core.StructuredOperator;
import dev.surmbench.peft.kronecker.KroneckerStructure;
import dev.surmbench.peft.ldr.LdrStructure;
import dev.surmbench.peft.lora.LowRankStructure;
import dev.surmbench.peft.toeplitz.ToeplitzStructure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fast structured path equals the dense matrix built by index formulas: forward within 1e-5
 * relative, and the gradients DJL autograd takes through the FFTs equal those it takes through the
 * dense product — for every structure, at d ∈ {8, 12, 64, 384, 768} and two rectangular shapes.
 */
class StructuredNumericsTest {
    private static final double TOLERANCE = 1e-5;
    private static final int ROWS = 6;

    static Stream<Arguments> cases() {
        Map<String, Function<int[], StructureSpec>> structures = new LinkedHashMap<>();
        structures.put("lora r=4", s -> new LowRankStructure(4));
        structures.put("circulant product", s -> new CirculantStructure(true, 1.0, 0));
        structures.put("circulant single", s -> new CirculantStructure(false, 1.0, 0));
        structures.put("toeplitz", s -> new ToeplitzStructure(0));
        structures.put("kronecker r=2", s -> new KroneckerStructure(2));
        structures.put("kronecker r=4", s -> new KroneckerStructure(4));
        structures.put("ldr r=2", s -> new LdrStructure(2, 0));
        int[][] shapes = {{8, 8}, {12, 12}, {64, 64}, {384, 384}, {768, 768}, {64, 256}, {12, 8}};
        List<Arguments> out = new ArrayList<>();
        structures.forEach((name, factory) -> {
            for (int[] shape : shapes) {
                boolean kroneckerFits = !name.startsWith("kronecker") || (shape[0] % rank(name) == 0 && shape[1] % rank(name) == 0);
                if (kroneckerFits) {
                    out.add(Arguments.of(name, shape[0], shape[1], factory.apply(shape)));
                }
            }
        });
        return out.stream();
    }

    private static int rank(String name) {
        return Integer.parseInt(name.substring(name.indexOf('=') + 1));
    }

    @ParameterizedTest(name = "{0} {1}->{2}")
    @MethodSource("cases")
    void structuredApplyEqualsDenseForwardAndGradient(String name, int in, int out, StructureSpec structure) {
        try (NDManager manager = NDManager.newBaseManager()) {
            StructuredOperator op = structure.create(in, out, 11);
            op.initialize(manager, DataType.FLOAT32, new Shape(1, in));
            List<Parameter> params = new ArrayList<>(op.getParameters().values());
            for (int i = 0; i < params.size(); i++) {
                randomize(params.get(i), 100 + i, 0.5); // init zeros would make the check trivial
            }
            ParameterStore store = new ParameterStore(manager, false);
            NDArray x = random(manager, new Shape(ROWS, in), 7, 1.0);
            NDArray weights = random(manager, new Shape(ROWS, out), 8, 1.0);
            x.setRequiresGradient(true);

            Gradients fast = gradients(params, x, weights, () -> op.apply(store, x, true));
            Gradients dense = gradients(params, x, weights, () -> x.matMul(op.dense(store, true).transpose()));

            assertEquals(ROWS * out, fast.output.length);
            double forwardError = relativeError(fast.output, dense.output);
            assertTrue(forwardError <= TOLERANCE, name + " forward relative error " + forwardError);
            double inputGradError = relativeError(fast.input, dense.input);
            assertTrue(inputGradError <= TOLERANCE, name + " d/dx relative error " + inputGradError);
            for (int i = 0; i < params.size(); i++) {
                double e = relativeError(fast.params.get(i), dense.params.get(i));
                assertTrue(e <= TOLERANCE, name + " d/d" + params.get(i).getName() + " relative error " + e);
            }
        }
    }

    static Stream<Arguments> throughWeight() {
        return Stream.of(Arguments.of("toeplitz", new ToeplitzStructure(0), 64, 64),
                Arguments.of("toeplitz", new ToeplitzStructure(0), 384, 384),
                Arguments.of("toeplitz 4 blocks", new ToeplitzStructure(0), 64, 256),
                Arguments.of("ldr r=2", new LdrStructure(2, 0), 384, 384),
                Arguments.of("ldr r=2 4 blocks", new LdrStructure(2, 0), 64, 256));
    }

    /**
     * A projection whose update applies through its weight, x·(W + s·ΔW)ᵀ + b, gives what adding the
     * FFT path's s·ΔW·x would: output, input gradient and the structure's gradients within 1e-5.
     */
    @ParameterizedTest(name = "{0} {2}->{3}")
    @MethodSource("throughWeight")
    void anUpdateAppliedThroughTheWeightEqualsTheAddedFftUpdate(String name, StructureSpec structure, int in, int out) {
        try (NDManager manager = NDManager.newBaseManager()) {
            AdaptableLinear linear = new AdaptableLinear(in, out, true);
            linear.initialize(manager, DataType.FLOAT32, new Shape(1, in));
            randomize(linear.weight(), 5, 0.1);
            randomize(linear.bias(), 6, 0.1);
            linear.weight().freeze(true);
            linear.bias().freeze(true);
            StructuredOperator op = structure.create(in, out, 11);
            assertTrue(op.appliesThroughWeight(), name);
            linear.attachUpdate(name, op, 2f, 0f);
            List<Parameter> params = new ArrayList<>(op.getParameters().values());
            for (int i = 0; i < params.size(); i++) {
                randomize(params.get(i), 100 + i, 0.5);
            }
            ParameterStore store = new ParameterStore(manager, false);
            NDArray x = random(manager, new Shape(ROWS, in), 7, 1.0);
            NDArray weights = random(manager, new Shape(ROWS, out), 8, 1.0);
            x.setRequiresGradient(true);
            Gradients viaWeight = gradients(params, x, weights,
                    () -> linear.forward(store, new ai.djl.ndarray.NDList(x), true).head());
            Gradients added = gradients(params, x, weights, () -> x.matMul(linear.weight().getArray().transpose())
                    .add(linear.bias().getArray()).add(op.apply(store, x, true).mul(2f)));
            assertTrue(relativeError(viaWeight.output, added.output) <= TOLERANCE, name + " forward");
            assertTrue(relativeError(viaWeight.input, added.input) <= TOLERANCE, name + " d/dx");
            for (int i = 0; i < params.size(); i++) {
                double e = relativeError(viaWeight.params.get(i), added.params.get(i));
                assertTrue(e <= TOLERANCE, name + " d/d" + params.get(i).getName() + " relative error " + e);
            }
        }
    }

    private record Gradients(float[] output, float[] input, List<float[]> params) {}

    private static Gradients gradients(List<Parameter> params, NDArray x, NDArray weights,
                                       java.util.function.Supplier<NDArray> forward) {
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            collector.zeroGradients();
            NDArray y = forward.get();
            // A weighted sum: its gradient is dense (see Spectral's note on zero-stride gradients).
            collector.backward(y.mul(weights).sum());
            List<float[]> grads = new ArrayList<>();
            for (Parameter p : params) {
                grads.add(p.getArray().getGradient().toFloatArray());
            }
            return new Gradients(y.toFloatArray(), x.getGradient().toFloatArray(), grads);
        }
    }
}
