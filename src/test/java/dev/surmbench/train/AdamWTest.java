package dev.surmbench.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** AdamW and the schedule against values worked out by hand from their definitions. */
class AdamWTest {

    private static Parameter parameter(NDManager manager, String name, float value) {
        Parameter p = Parameter.builder().setName(name).setType(Parameter.Type.WEIGHT).optShape(new Shape(1)).build();
        p.setInitializer((m, shape, type) -> m.create(new float[] {value}));
        p.initialize(manager, ai.djl.ndarray.types.DataType.FLOAT32);
        return p;
    }

    @Test
    void twoStepsMatchTheHandComputedUpdate() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Parameter w = parameter(manager, "weight", 1.0f);
            Parameter b = parameter(manager, "bias", 1.0f);
            Map<String, Parameter> params = new LinkedHashMap<>();
            params.put("layer.weight", w);
            params.put("layer.bias", b);
            TrainingConfig config = TrainingConfig.adamW(1, 0.1, 0.5, 0, 0);
            try (AdamW adam = new AdamW(config, params, manager)) {
                // loss = 3w + 3b: gradient 3 for both, every step.
                double expectedW = 1.0;
                double expectedB = 1.0;
                double m = 0;
                double v = 0;
                for (int t = 1; t <= 2; t++) {
                    try (GradientCollector c = Engine.getInstance().newGradientCollector()) {
                        NDArray loss = w.getArray().mul(3).add(b.getArray().mul(3)).sum();
                        c.backward(loss);
                    }
                    adam.step(0.1, 1.0);
                    m = 0.9 * m + 0.1 * 3;
                    v = 0.999 * v + 0.001 * 9;
                    double update = 0.1 * (m / (1 - Math.pow(0.9, t))) / (Math.sqrt(v / (1 - Math.pow(0.999, t))) + 1e-8);
                    expectedW = expectedW - 0.1 * 0.5 * expectedW - update; // decoupled decay on the weight
                    expectedB = expectedB - update;                          // no decay on the bias
                }
                assertEquals(expectedW, w.getArray().getFloat(0), 1e-6);
                assertEquals(expectedB, b.getArray().getFloat(0), 1e-6);
                assertEquals(0f, w.getArray().getGradient().getFloat(0), "gradients are zeroed after each step");
            }
        }
    }

    @Test
    void decayExemptionsFollowTheHuggingFaceConvention() {
        assertTrue(AdamW.exemptFromDecay("bert.encoder.layer.0.output.dense.bias"));
        assertTrue(AdamW.exemptFromDecay("bert.encoder.layer.0.output.LayerNorm.weight"));
        assertTrue(AdamW.exemptFromDecay("vit.encoder.layer.0.layernorm_before.weight"));
        assertFalse(AdamW.exemptFromDecay("bert.encoder.layer.0.attention.self.query.weight"));
        assertFalse(AdamW.exemptFromDecay("bert.encoder.layer.0.attention.self.query.lora.lora_A"));
    }

    @Test
    void scheduleWarmsUpLinearlyThenDecaysToZero() {
        LinearSchedule s = new LinearSchedule(1.0, 4, 12);
        // Warm-up: (step+1)/4 for steps 0..3; decay: (12 - step)/(12 - 4) from step 4.
        assertEquals(0.25, s.at(0), 1e-12);
        assertEquals(1.0, s.at(3), 1e-12);
        assertEquals(1.0, s.at(4), 1e-12);
        assertEquals(0.5, s.at(8), 1e-12);
        assertEquals(0.125, s.at(11), 1e-12);
        assertEquals(0.0, s.at(12), 1e-12);
        assertEquals(1.0, new LinearSchedule(1.0, 0, 10).at(0), 1e-12);
    }
}
