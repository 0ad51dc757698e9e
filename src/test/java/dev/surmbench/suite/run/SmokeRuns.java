package dev.surmbench.suite.run;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surmbench.results.ResultsLayout;
import dev.surmbench.results.RunRecord;
import dev.surmbench.suite.DefaultCatalog;
import dev.surmbench.suite.RunSpec;
import dev.surmbench.suite.Suite;
import dev.surmbench.suite.SuiteParser;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Real runs of the smoke suite (1-layer MiniLM slice, real GLUE subsets, seconds each) for tests of
 * what a run leaves behind: a smoke run with some settings or options changed, trained into a
 * folder of the caller's.
 */
public final class SmokeRuns {
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());
    private static final Suite SMOKE = SuiteParser.parse(Path.of("suites/smoke.yaml"), new DefaultCatalog());

    private SmokeRuns() {}

    /** The smoke suite as shipped. */
    public static Suite suite() {
        return SMOKE;
    }

    /** The smoke run of {@code method} on {@code task} (seed 1). */
    public static RunSpec spec(String task, String method) {
        return SMOKE.runs().stream().filter(r -> r.task().equals(task) && r.method().equals(method)).findFirst().orElseThrow();
    }

    /** {@code base} with some settings and method options changed (or added). */
    public static RunSpec with(RunSpec base, Map<String, Object> settings, Map<String, Object> options) {
        Map<String, Object> s = new LinkedHashMap<>(base.settings());
        s.putAll(settings);
        Map<String, Object> o = new LinkedHashMap<>(base.methodOptions());
        o.putAll(options);
        return new RunSpec(base.suite(), base.task(), base.method(), base.label(), o, base.seed(), s);
    }

    /** Trains {@code spec} into {@code out}/smoke and returns its row; the run must complete. */
    public static RunRecord train(Path out, RunSpec spec) {
        RunRecord record = new TrainingRunExecutor(Path.of(".")).execute(SMOKE, spec, layout(out),
                new SuiteRunner.Options(out, 1, 1, false, QUIET, false));
        assertTrue(record.completed(), spec.label() + ": " + record.statusDetail());
        return record;
    }

    /** Where {@link #train} writes. */
    public static ResultsLayout layout(Path out) {
        return ResultsLayout.of(out, SMOKE.name());
    }
}
