package dev.surmbench.suite.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import dev.surmbench.results.ResultsLayout;
import dev.surmbench.results.RunJson;
import dev.surmbench.results.RunRecord;
import dev.surmbench.results.RunStatus;
import dev.surmbench.suite.DefaultCatalog;
import dev.surmbench.suite.RunSpec;
import dev.surmbench.suite.Suite;
import dev.surmbench.suite.SuiteParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How {@link TrainingRunExecutor} records a run however it ends, with a stand-in for training: the
 * stack trace is kept in run.json, an {@link OutOfMemoryError} stops the suite after it is recorded,
 * the progress bar is closed when training throws, and each run's peak native memory is its own.
 */
class RunFailureTest {
    @TempDir
    Path dir;

    private Suite suite;
    private RunSpec spec;
    private final TrainingRunExecutor executor = new TrainingRunExecutor(Path.of("."));

    @BeforeEach
    void suite() throws Exception {
        Path file = dir.resolve("s.yaml");
        Files.writeString(file, "name: s\ntasks: [rte]\nmethods: [lora]\nseeds: [1]\n");
        suite = SuiteParser.parse(file, new DefaultCatalog());
        spec = suite.runs().get(0);
    }

    private SuiteRunner.Options options(PrintStream log, boolean interactive) {
        return new SuiteRunner.Options(dir.resolve("out"), 1, 1, false, log, interactive);
    }

    private ResultsLayout layout() {
        return ResultsLayout.of(dir.resolve("out"), "s");
    }

    private JsonNode runJson() throws Exception {
        return RunJson.readTree(layout().runJson(spec.runId()));
    }

    @Test
    void aFailedRunKeepsItsStackTraceInRunJson() throws Exception {
        RunRecord record = executor.execute(suite, spec, layout(), options(System.out, false), progress -> {
            throw new IllegalStateException("boom");
        });
        assertEquals(RunStatus.FAILED, record.status());
        assertEquals("IllegalStateException: boom", record.statusDetail());
        JsonNode error = runJson().path("error");
        assertEquals("java.lang.IllegalStateException", error.path("type").asText());
        assertEquals("boom", error.path("message").asText());
        String trace = error.path("stack_trace").asText();
        assertTrue(trace.startsWith("java.lang.IllegalStateException: boom"), trace);
        assertTrue(trace.contains("at dev.surmbench.suite.run.RunFailureTest.lambda$aFailedRunKeepsItsStackTraceInRunJson"),
                trace);
    }

    @Test
    void anOutOfMemoryErrorIsRecordedThenStopsTheSuite() throws Exception {
        RunStoppedException stop = assertThrows(RunStoppedException.class,
                () -> executor.execute(suite, spec, layout(), options(System.out, false), progress -> {
                    throw new OutOfMemoryError("Java heap space");
                }));
        assertEquals(RunStatus.FAILED, stop.record().status());
        assertEquals("OutOfMemoryError: Java heap space", stop.record().statusDetail());
        assertEquals("java.lang.OutOfMemoryError", runJson().path("error").path("type").asText());
        assertEquals(RunStatus.FAILED.csvName(), runJson().path("result").path("status").asText().toLowerCase());
    }

    /**
     * A full disk (ENOSPC, EDQUOT) is the machine's failure: the suite stops at the first write that fails,
     * naming the path, and nothing is recorded (the next invocation trains the run); a refused permission is
     * the run's own failure.
     */
    @Test
    void aFullDiskStopsTheSuiteNamingThePathAndIsNotRecorded() throws Exception {
        Path adapter = layout().adapterDir(spec.runId()).resolve("adapter.safetensors");
        EnvironmentUnavailableException stop = assertThrows(EnvironmentUnavailableException.class,
                () -> executor.execute(suite, spec, layout(), options(System.out, false), progress -> {
                    throw new java.io.IOException("cannot write " + adapter + ": No space left on device");
                }));
        assertTrue(stop.getMessage().contains(adapter + ": No space left on device"), stop.getMessage());
        assertTrue(stop.getMessage().contains("the run is not recorded"), stop.getMessage());
        assertTrue(!Files.exists(layout().runJson(spec.runId())), "nothing recorded");
        assertTrue(EnvironmentUnavailableException.of(
                new java.io.UncheckedIOException(new java.io.IOException("Disk quota exceeded"))) != null);
        assertTrue(EnvironmentUnavailableException.of(new java.io.IOException("Permission denied")) == null,
                "only a full disk is the machine's");
    }

    @Test
    void theProgressBarIsClosedWhenTrainingThrows() throws Exception {
        ByteArrayOutputStream terminal = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(terminal, true, StandardCharsets.UTF_8);
        executor.execute(suite, spec, layout(), options(out, true), progress -> {
            progress.started(100);
            progress.step(1, 0.5, 1e-3);
            Thread.sleep(1200); // the bar redraws every 500 ms
            throw new IllegalStateException("training threw");
        });
        int afterRun = terminal.size();
        assertTrue(afterRun > 0, "the bar was drawn");
        // closing draws the bar a last time and ends its line; an open bar leaves the cursor on it
        assertTrue(terminal.toString(StandardCharsets.UTF_8).endsWith(System.lineSeparator()),
                "the bar's line is finished:\n" + terminal);
        Thread.sleep(1500);
        assertEquals(afterRun, terminal.size(), "a closed bar draws nothing more:\n" + terminal);
    }

    @Test
    void peakNativeMemoryIsEachRunsOwn() {
        // a run that holds 256 MiB of native (PyTorch) memory for a moment, then one that holds nothing
        RunRecord heavy = executor.execute(suite, spec, layout(), options(System.out, false), progress -> {
            try (NDManager manager = NDManager.newBaseManager()) {
                manager.ones(new Shape(64, 1024, 1024)).toType(ai.djl.ndarray.types.DataType.FLOAT32, false);
            }
            throw new IllegalStateException("done");
        });
        RunRecord light = executor.execute(suite, spec, layout(), options(System.out, false), progress -> {
            throw new IllegalStateException("done");
        });
        assertTrue(Double.isFinite(heavy.peakNativeMb()) && Double.isFinite(light.peakNativeMb()));
        assertTrue(light.peakNativeMb() < heavy.peakNativeMb() - 200, "light " + light.peakNativeMb() + " MB after heavy "
                + heavy.peakNativeMb() + " MB: the second run's peak must not include the first run's");
    }
}
