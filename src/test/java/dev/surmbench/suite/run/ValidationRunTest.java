package dev.surmbench.suite.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surmbench.results.RunDocument;
import dev.surmbench.results.RunJson;
import dev.surmbench.results.RunProtocol;
import dev.surmbench.results.RunRecord;
import dev.surmbench.suite.RunSpec;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real smoke runs with a validation split: the epoch is chosen on validation, the headline is dev at
 * that epoch, the paper protocol's dev-best is recorded beside it, run.json keeps both series — with
 * the frozen-prefix activation cache in use (top layer adapted) and without.
 */
class ValidationRunTest {

    private static void check(Path out, RunSpec spec) throws Exception {
        RunRecord row = SmokeRuns.train(out, spec);
        RunProtocol p = row.protocol();
        assertEquals(RunProtocol.Selection.VALIDATION, p.selection());
        assertEquals(1e-3, p.learningRate());
        RunDocument doc = RunJson.read(SmokeRuns.layout(out).runJson(spec.runId()));
        assertEquals(2, doc.epochs().size());
        String headline = row.headlineMetric();
        int best = row.bestEpoch();
        for (RunDocument.Epoch e : doc.epochs()) {
            assertFalse(e.validation().isEmpty(), "every epoch scored on validation");
            assertEquals(dev.surmbench.train.Trainer.LOSS, RunProtocol.VALIDATION_LOSS, "one name, the trainer's");
            double loss = e.validation().get(RunProtocol.VALIDATION_LOSS);
            assertTrue(Double.isFinite(loss) && loss > 0, "and its mean loss: " + e.validation());
            assertFalse(e.metrics().containsKey(dev.surmbench.train.Trainer.LOSS), "dev keeps the task's metrics");
            assertTrue(e.validation().get(headline) <= doc.epochs().get(best).validation().get(headline),
                    "the best epoch is validation's");
            assertTrue(e.metrics().get(headline) <= p.devBestValue(), "dev-best is dev's best");
        }
        assertEquals(doc.epochs().get(best).metrics().get(headline), row.bestValue(), "headline: dev at validation's epoch");
        assertEquals(doc.epochs().get(best).validation(), p.metricsValidation());
        assertEquals(doc.epochs().get(p.devBestEpoch()).metrics(), p.metricsDevBest());
        assertEquals(row, doc.result());
    }

    @Test
    void classificationWithTheActivationCache(@TempDir Path out) throws Exception {
        check(out, SmokeRuns.with(SmokeRuns.spec("rte", "lora"),
                Map.of("validation", 16.0, "epochs", 2L, "layers", 2L, "adapt_layers", "top-1"), Map.of()));
    }

    @Test
    void regressionOnTheWholeSlice(@TempDir Path out) throws Exception {
        check(out, SmokeRuns.with(SmokeRuns.spec("stsb", "lora"), Map.of("validation", 0.25, "epochs", 2L), Map.of()));
    }
}
