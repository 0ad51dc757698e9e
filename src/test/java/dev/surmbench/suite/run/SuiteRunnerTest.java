package dev.surmbench.suite.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.surmbench.results.FolderLock;
import dev.surmbench.results.ResultsLayout;
import dev.surmbench.results.RunClaim;
import dev.surmbench.results.RunJson;
import dev.surmbench.results.RunRecord;
import dev.surmbench.results.RunStatus;
import dev.surmbench.results.RunsCsv;
import dev.surmbench.suite.DefaultCatalog;
import dev.surmbench.suite.RunSpec;
import dev.surmbench.suite.Suite;
import dev.surmbench.suite.SuiteParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner's decisions with a stand-in executor (no training): a run that stops the JVM stops the
 * suite after recording it; runs claimed by a live process are left to it, dead claims are taken
 * over; recorded runs trained on other data are not skipped silently.
 */
class SuiteRunnerTest {
    @TempDir
    Path dir;

    private Suite suite;
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    @BeforeEach
    void suite() throws Exception {
        Path file = dir.resolve("s.yaml");
        Files.writeString(file, "name: s\ntasks: [rte]\nmethods: [lora]\nseeds: [1, 2, 3]\n");
        suite = SuiteParser.parse(file, new DefaultCatalog());
    }

    private SuiteRunner.Options options(boolean rerunChangedData) {
        return new SuiteRunner.Options(dir.resolve("out"), 1, 1, false, new PrintStream(log, true, StandardCharsets.UTF_8),
                false, rerunChangedData);
    }

    private ResultsLayout layout() {
        return ResultsLayout.of(dir.resolve("out"), "s");
    }

    private String log() {
        return log.toString(StandardCharsets.UTF_8);
    }

    static RunRecord row(RunSpec spec, RunStatus status, String detail) {
        return new RunRecord(spec.runId(), spec.suite(), spec.task(), spec.method(), spec.label(), "{}", spec.seed(),
                "embedded:all-minilm-l6-v2", status, detail, "accuracy", 0.5, 0.5, 0, Map.of("accuracy", 0.5),
                Map.of("accuracy", 0.5), Map.of(), 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, dev.surmbench.results.DeviceUsage.cpu("test CPU"), 1,
                "2026-01-01T00:00:00Z", "2026-01-01T00:00:01Z", "abc");
    }

    /** Records every run it is asked to execute; writes run.json with the given dataset hashes. */
    private static final class Recording implements RunExecutor {
        final List<String> executed = new ArrayList<>();
        final Map<String, String> data;
        RunStoppedException stopOn;
        /** What other processes do while this one trains (called first thing in every execute). */
        java.util.function.Consumer<ResultsLayout> meanwhile = layout -> {};

        Recording(Map<String, String> data) {
            this.data = data;
        }

        @Override
        public RunRecord execute(Suite suite, RunSpec spec, ResultsLayout layout, SuiteRunner.Options options) {
            executed.add(spec.runId());
            meanwhile.accept(layout);
            try {
                RunJson.writeValue(layout.runJson(spec.runId()), Map.of("provenance", Map.of("dataset_sha256", data)));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            if (stopOn != null) {
                throw stopOn;
            }
            return row(spec, RunStatus.COMPLETED, "");
        }

        @Override
        public Map<String, String> currentDatasetSha(RunSpec spec) {
            return data;
        }
    }

    @Test
    void aRenamedMethodEntryRelabelsItsRecordedRowsWithoutTrainingThem() throws Exception {
        Recording executor = new Recording(Map.of());
        new SuiteRunner(options(false), executor).run(suite);
        assertEquals(3, executor.executed.size());
        Path file = dir.resolve("s.yaml");
        Files.writeString(file, "name: s\ntasks: [rte]\nmethods: [{method: lora, label: lora-r8}]\nseeds: [1, 2, 3]\n");
        Suite renamed = SuiteParser.parse(file, new DefaultCatalog());
        assertEquals(suite.runs().stream().map(RunSpec::runId).toList(), renamed.runs().stream().map(RunSpec::runId).toList(),
                "the label is not part of the run id");
        SuiteRunner.Summary summary = new SuiteRunner(options(false), executor).run(renamed);
        assertEquals(3, summary.skipped());
        assertEquals(3, executor.executed.size(), "nothing trains again");
        assertEquals(List.of("lora-r8", "lora-r8", "lora-r8"), RunsCsv.read(layout().runsCsv()).stream().map(RunRecord::label).toList());
        assertTrue(log().contains("label 'lora' now 'lora-r8'"), log());
    }

    @Test
    void anOutOfMemoryErrorStopsTheSuiteAfterRecordingTheRun() throws Exception {
        Recording executor = new Recording(Map.of());
        RunSpec first = suite.runs().get(0);
        executor.stopOn = new RunStoppedException(row(first, RunStatus.FAILED, "OutOfMemoryError: Java heap space"),
                new OutOfMemoryError("Java heap space"));
        SuiteRunner.Summary summary = new SuiteRunner(options(false), executor).run(suite);
        assertEquals(List.of(first.runId()), executor.executed, "nothing runs after it");
        assertEquals(1, summary.failed());
        assertFalse(summary.allCompleted());
        assertEquals(first.runId() + ": java.lang.OutOfMemoryError: Java heap space. The run is recorded as failed; the JVM "
                + "is not trusted with more runs after this error. Run the suite again to go on (with more memory: -Xmx, or a "
                + "smaller batch_size)", summary.stoppedBy());
        List<RunRecord> rows = RunsCsv.read(layout().runsCsv());
        assertEquals(1, rows.size());
        assertEquals(RunStatus.FAILED, rows.get(0).status());
        assertFalse(Files.exists(layout().claim(first.runId())), "its claim is released");
    }

    /**
     * With {@code run --jobs 2} every worker prints the suite's progress; it must count the runs the other
     * worker finished too, or each shows half the progress and twice the time left.
     */
    @Test
    void progressCountsTheRunsAnotherProcessFinishedMeanwhile() throws Exception {
        Map<String, String> data = Map.of("RTE/train.tsv", "aaaaaaaaaaaa");
        RunSpec other = suite.runs().get(1);
        Recording executor = new Recording(data);
        executor.meanwhile = layout -> {
            if (executor.executed.size() == 1) { // another worker records the second run while this one trains the first
                try (FolderLock lock = FolderLock.acquire(layout.suiteDir())) {
                    RunJson.writeValue(layout.runJson(other.runId()), Map.of("provenance", Map.of("dataset_sha256", data)));
                    layout.record(layout.runsCsv(1, 1), row(other, RunStatus.COMPLETED, ""));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        };
        new SuiteRunner(options(false), executor).run(suite);
        RunSpec third = suite.runs().get(2);
        assertEquals(List.of(suite.runs().get(0).runId(), third.runId()), executor.executed);
        assertTrue(log().contains("[3/3] rte " + third.label() + " seed 3 (run " + third.runId()
                + ") (suite: 2/3 trained, ETA "), log());
    }

    @Test
    void runsClaimedByALiveProcessAreLeftToItAndDeadClaimsAreTakenOver() throws Exception {
        RunSpec held = suite.runs().get(0);
        RunSpec abandoned = suite.runs().get(1);
        Process live = new ProcessBuilder("sleep", "60").start();
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        try {
            String host = java.net.InetAddress.getLocalHost().getHostName();
            ObjectMapper json = new ObjectMapper();
            Files.createDirectories(layout().claim(held.runId()).getParent());
            Files.write(layout().claim(held.runId()), json.writeValueAsBytes(new RunClaim.Holder(live.pid(), host,
                    live.toHandle().info().startInstant().orElseThrow().toString(), "2026-01-01T00:00:00Z")));
            Files.createDirectories(layout().claim(abandoned.runId()).getParent());
            Files.write(layout().claim(abandoned.runId()), json.writeValueAsBytes(new RunClaim.Holder(gone.pid(), host, "",
                    "2026-01-01T00:00:00Z")));
            Recording executor = new Recording(Map.of());
            SuiteRunner.Summary summary = new SuiteRunner(options(false), executor).run(suite);
            assertEquals(List.of(abandoned.runId(), suite.runs().get(2).runId()), executor.executed);
            assertEquals(1, summary.elsewhere());
            assertEquals(2, summary.completed());
            assertTrue(log().contains("(run " + held.runId() + "): being trained by pid " + live.pid() + " on " + host),
                    log());
            assertTrue(log().contains("(run " + abandoned.runId() + "): taking over the claim of pid " + gone.pid() + " on "
                    + host + " since 2026-01-01T00:00:00Z: that process is no longer running"), log());
            assertTrue(Files.exists(layout().claim(held.runId())), "the live process's claim is untouched");
            assertFalse(Files.exists(layout().claim(abandoned.runId())));
        } finally {
            live.destroyForcibly().waitFor();
        }
    }

    @Test
    void recordedRunsTrainedOnOtherDataAreNotSkipped() throws Exception {
        Recording before = new Recording(Map.of("RTE/train.tsv", "a".repeat(64), "RTE/dev.tsv", "d".repeat(64)));
        new SuiteRunner(options(false), before).run(suite);
        List<RunRecord> recorded = RunsCsv.read(layout().runsCsv());
        assertEquals(3, recorded.size());

        Recording fixed = new Recording(Map.of("RTE/train.tsv", "b".repeat(64), "RTE/dev.tsv", "d".repeat(64)));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new SuiteRunner(options(false), fixed).run(suite));
        assertEquals(layout().suiteDir() + ": 3 recorded run(s) were trained on other data than the files present now — "
                + "RTE/train.tsv recorded aaaaaaaaaaaa…, now bbbbbbbbbbbb… (runs " + suite.runs().get(0).runId() + ", "
                + suite.runs().get(1).runId() + ", " + suite.runs().get(2).runId() + "). To train them again on the "
                + "present files (their rows are replaced) add --rerun-changed-data; to keep these results, use another "
                + "--out.", refused.getMessage());
        assertEquals(List.of(), fixed.executed);
        assertEquals(recorded, RunsCsv.read(layout().runsCsv()), "nothing recorded is touched");

        SuiteRunner.Summary again = new SuiteRunner(options(true), fixed).run(suite);
        assertEquals(3, fixed.executed.size());
        assertEquals(3, again.completed());
        assertTrue(log().contains("training again, its data changed (RTE/train.tsv recorded aaaaaaaaaaaa…, now "
                + "bbbbbbbbbbbb…)"), log());
        Recording unchanged = new Recording(fixed.data);
        SuiteRunner.Summary resumed = new SuiteRunner(options(false), unchanged).run(suite);
        assertEquals(3, resumed.skipped());
        assertEquals(List.of(), unchanged.executed);
        assertNull(resumed.stoppedBy());
    }

    /**
     * Sweep case 3: a recorded row is skipped only with its run folder, its run.json and the run.json's
     * dataset hashes present; without any of them the run trains again, the log says why, and its row
     * is replaced (one row per id).
     */
    @Test
    void aRecordedRunWithoutItsFolderRunJsonOrDatasetHashesIsTrainedAgain() throws Exception {
        Recording first = new Recording(Map.of("RTE/train.tsv", "a".repeat(64)));
        new SuiteRunner(options(false), first).run(suite);
        RunSpec noFolder = suite.runs().get(0);
        RunSpec noJson = suite.runs().get(1);
        RunSpec noHashes = suite.runs().get(2);
        dev.surmbench.data.download.Installer.deleteRecursively(layout().runDir(noFolder.runId()));
        Files.delete(layout().runJson(noJson.runId()));
        RunJson.writeValue(layout().runJson(noHashes.runId()), Map.of("provenance", Map.of("git_commit", "abc")));

        Recording again = new Recording(first.data);
        SuiteRunner.Summary summary = new SuiteRunner(options(false), again).run(suite);
        assertEquals(List.of(noFolder.runId(), noJson.runId(), noHashes.runId()), again.executed);
        assertEquals(0, summary.skipped());
        assertTrue(log().contains("(run " + noFolder.runId() + "): training again: its run folder runs/" + noFolder.runId()
                + "/ is missing"), log());
        assertTrue(log().contains("(run " + noJson.runId() + "): training again: its runs/" + noJson.runId()
                + "/run.json is missing"), log());
        assertTrue(log().contains("(run " + noHashes.runId() + "): training again: its runs/" + noHashes.runId()
                + "/run.json records no dataset hashes"), log());
        assertEquals(3, RunsCsv.read(layout().runsCsv()).size(), "one row per run id");

        Recording third = new Recording(first.data);
        assertEquals(3, new SuiteRunner(options(false), third).run(suite).skipped(), "now all is present: skipped");
        assertEquals(List.of(), third.executed);
    }

    /** A shard's new row replaces the run's row in a merged runs.csv too, so the two files never disagree. */
    @Test
    void aRowWrittenByAShardReplacesTheSameRunsRowInTheMergedFile() throws Exception {
        Recording first = new Recording(Map.of());
        new SuiteRunner(options(false), first).run(suite);
        RunSpec spec = suite.runs().get(0);
        Path shard = layout().runsCsv(1, 2);
        RunsCsv.write(shard, List.of(row(spec, RunStatus.FAILED, "boom")));
        RunsCsv.write(layout().runsCsv(), RunsCsv.read(layout().runsCsv()).stream()
                .map(r -> r.runId().equals(spec.runId()) ? row(spec, RunStatus.FAILED, "boom") : r).toList());
        layout().record(shard, row(spec, RunStatus.COMPLETED, ""));
        assertEquals(RunStatus.COMPLETED, RunsCsv.read(shard).get(0).status());
        assertEquals(RunStatus.COMPLETED, RunsCsv.read(layout().runsCsv()).stream().filter(r -> r.runId().equals(spec.runId()))
                .findFirst().orElseThrow().status(), "the merged file follows");
        assertEquals(3, layout().allRuns().size());
    }
}
