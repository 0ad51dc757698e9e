package dev.surmbench.peft;

import static dev.surmbench.peft.PeftTestSupport.toyModel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bad options and impossible injections fail before anything trains, naming field and fix. */
class ValidationTest {

    private static InvalidMethodConfigException invalid(String method, Map<String, ?> options) {
        return assertThrows(InvalidMethodConfigException.class, () -> MethodRegistry.parse(method, options));
    }

    @Test
    void outOfRangeValuesNameTheFieldAndTheRange() {
        InvalidMethodConfigException e = invalid("lora", Map.of("rank", 0));
        assertEquals("rank", e.field());
        assertTrue(e.getMessage().contains("[1, 4096]"), e.getMessage());
        assertEquals("dropout", invalid("circulant", Map.of("dropout", 1.5)).field());
        assertEquals("alpha", invalid("toeplitz", Map.of("alpha", -1)).field());
        assertEquals("size", invalid("adapter", Map.of("size", 0)).field());
        assertEquals("rank", invalid("ldr", Map.of("rank", 0)).field());
    }

    @Test
    void unknownOptionsListTheAllowedOnes() {
        InvalidMethodConfigException e = invalid("lora", Map.of("rnak", 4));
        assertEquals("rnak", e.field());
        assertTrue(e.getMessage().contains("allowed: alpha, dropout, rank, targets"), e.getMessage());
        assertTrue(invalid("full", Map.of("rank", 4)).getMessage().contains("allowed: (none)"));
    }

    @Test
    void wrongTypesSayWhatWasExpected() {
        assertTrue(invalid("lora", Map.of("rank", "eight")).getMessage().contains("expected an integer"));
        assertTrue(invalid("lora", Map.of("rank", 2.5)).getMessage().contains("expected an integer"));
        assertTrue(invalid("circulant", Map.of("product", "yes")).getMessage().contains("true or false"));
        assertTrue(invalid("adapter", Map.of("positions", List.of("middle"))).getMessage().contains("allowed: attention, ffn"));
    }

    @Test
    void unknownMethodListsEveryName() {
        InvalidMethodConfigException e = assertThrows(InvalidMethodConfigException.class, () -> MethodRegistry.get("lora2"));
        for (String name : MethodRegistry.names()) {
            assertTrue(e.getMessage().contains(name), e.getMessage());
        }
    }

    @Test
    void targetThatMatchesNothingListsAvailableNames() {
        try (NDManager manager = NDManager.newBaseManager()) {
            MethodConfig config = MethodRegistry.parse("lora", Map.of("targets", List.of("query", "q_proj")));
            NoTargetMatchedException e = assertThrows(NoTargetMatchedException.class,
                    () -> PeftInjector.inject(toyModel(manager, 1), config, ToyEncoder.HEAD, 1));
            assertTrue(e.getMessage().contains("'q_proj'"), e.getMessage());
            assertTrue(e.getMessage().contains("attention.self.query"), e.getMessage());
            assertTrue(e.getMessage().contains("intermediate.dense"), e.getMessage());
        }
    }

    @Test
    void kroneckerRankMustDivideBothDimensions() {
        try (NDManager manager = NDManager.newBaseManager()) {
            MethodConfig config = MethodRegistry.parse("kronecker", Map.of("rank", 3));
            InvalidMethodConfigException e = assertThrows(InvalidMethodConfigException.class,
                    () -> PeftInjector.inject(toyModel(manager, 1), config, ToyEncoder.HEAD, 1));
            assertEquals("rank", e.field());
            assertTrue(e.getMessage().contains("16x16"), e.getMessage());
        }
    }

    @Test
    void blockSizeMustDivideBothDimensionsOfARectangularProjection() {
        MethodConfig config = MethodRegistry.parse("circulant", Map.of("block", 500, "targets", List.of("intermediate")));
        InvalidMethodConfigException e = assertThrows(InvalidMethodConfigException.class,
                () -> ((UpdateMethodConfig) config).checkShape(768, 3072));
        assertTrue(e.getMessage().contains("gcd = 768"), e.getMessage());
    }

    @Test
    void targetsMatchWholePathComponentsAndDenseChildren() {
        assertTrue(TargetMatcher.matches("query", "bert.encoder.layer.0.attention.self.query"));
        assertTrue(TargetMatcher.matches("attention.output", "bert.encoder.layer.0.attention.output.dense"));
        assertTrue(TargetMatcher.matches("intermediate", "bert.encoder.layer.3.intermediate.dense"));
        assertTrue(TargetMatcher.matches("output", "bert.encoder.layer.3.output.dense"));
        assertTrue(TargetMatcher.matches("re:.*layer\\.[0-5]\\.output\\.dense", "bert.encoder.layer.3.output.dense"));
        assertTrue(!TargetMatcher.matches("re:.*layer\\.[0-5]\\.output\\.dense", "bert.encoder.layer.3.attention.output.dense"));
        assertTrue(!TargetMatcher.matches("ery", "bert.encoder.layer.0.attention.self.query"));
    }

    @Test
    void badRegexIsAConfigError() {
        MethodConfig config = MethodRegistry.parse("lora", Map.of("targets", List.of("re:([")));
        assertThrows(InvalidMethodConfigException.class,
                () -> config.count(new AdaptationSites(List.of(new LinearSite("a.query", 8, 8)), List.of(), 0, 0)));
    }
}
