package dev.surmbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surmbench.model.Pooling;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The training-step measurement on the embedded MiniLM cut to one layer, tiny shapes. */
class TrainStepBenchTest {

    private static TrainStepSpec spec(String method, int steps, int warmup) {
        return new TrainStepSpec("embedded:all-minilm-l6-v2", method, Map.of(), 2, 8, 1, 0.1, Pooling.MEAN, steps,
                warmup, 2, 0);
    }

    @Test
    void timesEveryStepAfterWarmUpAndTheForwardOnlyBatches() {
        TrainStepResult r = TrainStepBench.run(spec("lora", 20, 3));
        assertEquals(20, r.stepSeconds().size(), "warm-up steps are not timed");
        assertEquals(2, r.evalSeconds().size());
        assertTrue(r.stepSeconds().stream().allMatch(s -> s > 0));
        assertEquals(2 * 8 / r.medianStepSeconds(), r.tokensPerSecond(), 1e-9);
        assertTrue(Double.isFinite(r.drift()) && r.drift() > 0, "20 steps give a drift ratio");
        assertTrue(r.peakResidentMb() > 0);
    }

    @Test
    void summaryStatisticsFollowTheirDefinitions() {
        TrainStepSpec s = spec("lora", 1, 0);
        List<Double> steps = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            steps.add(i < 10 ? 1.0 : 1.5);
        }
        TrainStepResult r = new TrainStepResult(s, steps, List.of(0.2, 0.1, 0.4), 1, 2);
        assertEquals(1.25, r.medianStepSeconds(), 0.0);
        assertEquals(1.5, r.drift(), 0.0, "median of the last 10 over the first 10");
        assertEquals(2 / 0.2, r.evalExamplesPerSecond(), 1e-12);
        assertTrue(Double.isNaN(new TrainStepResult(s, steps.subList(0, 19), List.of(), 1, 2).drift()));
    }

    @Test
    void badGeometryIsRejectedWithTheOptionName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new TrainStepSpec(
                "embedded:all-minilm-l6-v2", "lora", Map.of(), 0, 8, 1, 0, Pooling.CLS, 1, 0, 0, 0));
        assertTrue(e.getMessage().startsWith("--batch must be in"), e.getMessage());
    }
}
