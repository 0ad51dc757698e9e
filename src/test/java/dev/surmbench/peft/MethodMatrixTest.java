package dev.surmbench.peft;

import static dev.surmbench.peft.PeftTestSupport.INPUT;
import static dev.surmbench.peft.PeftTestSupport.output;
import static dev.surmbench.peft.PeftTestSupport.random;
import static dev.surmbench.peft.PeftTestSupport.snapshot;
import static dev.surmbench.peft.PeftTestSupport.toyModel;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Properties every registered method shares, checked on one parameterised matrix. */
class MethodMatrixTest {
    private static final long SEED = 1234;

    static Stream<PeftMethod> methods() {
        return MethodRegistry.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("methods")
    void freshlyInjectedModelReproducesTheBaseOutputExactly(PeftMethod method) {
        try (NDManager manager = NDManager.newBaseManager()) {
            ToyEncoder model = toyModel(manager, 5);
            NDArray x = random(manager, INPUT, 3, 1.0);
            float[] before = output(model, x, false);
            PeftInjector.inject(model, method.defaults(), ToyEncoder.HEAD, SEED);
            assertArrayEquals(before, output(model, x, false), method.name() + " must start at the base model");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("methods")
    void blockCountEqualsFormulaAndTrainableParameters(PeftMethod method) {
        try (NDManager manager = NDManager.newBaseManager()) {
            ToyEncoder model = toyModel(manager, 5);
            MethodConfig config = method.defaults();
            AdaptationSites sites = PeftInjector.sites(model, ToyEncoder.HEAD);
            InjectionReport report = PeftInjector.inject(model, config, ToyEncoder.HEAD, SEED);

            assertEquals(config.count(sites), report.trainableWithoutHead(), "formula vs blocks for " + method.name());
            long trainable = 0;
            for (Parameter p : model.getParameters().values()) {
                trainable += p.requiresGradient() ? p.getShape().size() : 0;
            }
            assertEquals(report.trainableWithoutHead().stored() + report.headTrainable(), trainable);
            assertEquals(sites, PeftInjector.sites(model, ToyEncoder.HEAD), "injection must not change the backbone's sites");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("methods")
    void oneOptimiserStepChangesOnlyDeclaredTrainableParameters(PeftMethod method) {
        try (NDManager manager = NDManager.newBaseManager()) {
            ToyEncoder model = toyModel(manager, 5);
            MethodConfig config = method.defaults();
            PeftInjector.inject(model, config, ToyEncoder.HEAD, SEED);
            Map<String, Parameter> params = BlockPaths.parameters(model);
            Map<String, float[]> before = snapshot(model);

            NDArray x = random(manager, INPUT, 3, 1.0);
            NDArray target = random(manager, new ai.djl.ndarray.types.Shape(3, 2), 4, 1.0);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray y = model.forward(new ParameterStore(manager, false), new NDList(x), true).head();
                collector.backward(y.sub(target).square().mean());
            }
            Optimizer sgd = Optimizer.sgd().setLearningRateTracker(Tracker.fixed(0.5f)).build();
            for (Parameter p : params.values()) {
                if (p.requiresGradient()) {
                    sgd.update(p.getId(), p.getArray(), p.getArray().getGradient());
                }
            }

            Set<String> changed = new TreeSet<>();
            for (Map.Entry<String, Parameter> e : params.entrySet()) {
                boolean same = Arrays.equals(before.get(e.getKey()), e.getValue().getArray().toFloatArray());
                if (!e.getValue().requiresGradient()) {
                    assertTrue(same, "frozen " + e.getKey() + " changed under " + method.name());
                } else if (!same) {
                    changed.add(e.getKey());
                }
            }
            Set<String> trainable = new TreeSet<>();
            params.forEach((k, p) -> {
                if (p.requiresGradient()) {
                    trainable.add(k);
                }
            });
            for (String path : trainable) {
                assertTrue(isExpectedTrainable(config, path), method.name() + " trains unexpected " + path);
            }
            assertTrue(changed.stream().anyMatch(p -> p.startsWith("classifier")), "the head must learn");
            if (!method.name().equals("linear-probe")) {
                assertTrue(changed.stream().anyMatch(p -> !p.startsWith("classifier") && !p.startsWith("bert.pooler")),
                        method.name() + " changed no parameter of its own: " + changed);
            }
        }
    }

    /** The declared rule: head always; all for full; biases for bitfit; otherwise only method blocks. */
    private static boolean isExpectedTrainable(MethodConfig config, String path) {
        if (path.startsWith("classifier.") || path.startsWith("bert.pooler.")) {
            return true;
        }
        return switch (config.baseTraining()) {
            case ALL -> true;
            case BIASES -> path.endsWith(".bias");
            case NONE -> path.contains("." + config.method() + ".");
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("methods")
    void resolvedOptionsParseBackToTheSameConfig(PeftMethod method) {
        // Suites store options() in run ids and run.json; replay parses them again.
        MethodConfig config = method.defaults();
        assertEquals(config, method.parse(config.options()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("methods")
    void everyListedDefaultIsTheValueTheParserUses(PeftMethod method) {
        Map<String, Object> explicit = new java.util.LinkedHashMap<>();
        for (OptionSpec<?> option : method.options()) {
            if (option.defaultValue() != null) {
                explicit.put(option.name(), option.defaultValue());
            } else {
                assertFalse(option.derivedDefault().isBlank(), option.name() + " lists no default");
            }
        }
        assertEquals(method.defaults(), method.parse(explicit),
                method.name() + ": options set to their listed defaults must parse to the default config");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("methods")
    void sameSeedSameAdaptersDifferentSeedDifferent(PeftMethod method) {
        try (NDManager manager = NDManager.newBaseManager()) {
            Map<String, float[]> a = injectedMethodParameters(manager, method, 1);
            Map<String, float[]> b = injectedMethodParameters(manager, method, 1);
            Map<String, float[]> c = injectedMethodParameters(manager, method, 2);
            assertEquals(a.keySet(), b.keySet());
            a.forEach((k, v) -> assertArrayEquals(v, b.get(k), k));
            boolean anyRandom = a.values().stream().anyMatch(v -> !Arrays.equals(v, new float[v.length]));
            if (anyRandom) {
                assertFalse(a.keySet().stream().allMatch(k -> Arrays.equals(a.get(k), c.get(k))),
                        method.name() + ": a different seed must give different adapter init");
            }
        }
    }

    private static Map<String, float[]> injectedMethodParameters(NDManager manager, PeftMethod method, long seed) {
        ToyEncoder model = toyModel(manager, 5);
        PeftInjector.inject(model, method.defaults(), ToyEncoder.HEAD, seed);
        Map<String, float[]> all = snapshot(model);
        all.keySet().removeIf(k -> !k.contains("." + method.name() + "."));
        return all;
    }
}
