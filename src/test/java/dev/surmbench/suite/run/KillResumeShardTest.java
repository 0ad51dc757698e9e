package dev.surmbench.suite.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surmbench.artifact.AdapterFiles;
import dev.surmbench.results.ResultsLayout;
import dev.surmbench.results.RunRecord;
import dev.surmbench.results.RunsCsv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the CLI as real processes: killed with SIGKILL at several points, a suite resumes without
 * redoing finished runs and without a damaged row; two shards merged equal one process.
 */
class KillResumeShardTest {
    private static final String METHODS = "[linear-probe, lora, circulant, adapter]";

    @TempDir
    Path dir;

    private static Map<String, Double> bestById(List<RunRecord> rows) {
        Map<String, Double> out = new TreeMap<>();
        rows.forEach(r -> out.put(r.runId(), r.bestValue()));
        return out;
    }

    @Test
    void killNineAtSeveralPointsThenResumeCompletesWithoutRedoingRuns() throws Exception {
        Files.writeString(dir.resolve("tiny.yaml"), SuiteProcesses.tinySuite("tiny", METHODS, "[1, 2]"));
        Path rows = dir.resolve("out/tiny/runs.csv");
        int previousRows = 0;
        for (int kill = 1; kill <= 2; kill++) {
            Process p = SuiteProcesses.start(dir, dir.resolve("log" + kill + ".txt"), "run", "tiny.yaml", "--out", "out");
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
            int target = previousRows + 1;
            while (p.isAlive() && System.nanoTime() < deadline && (!Files.exists(rows) || RunsCsv.read(rows).size() < target)) {
                Thread.sleep(50);
            }
            p.destroyForcibly().waitFor(); // SIGKILL mid-way through the next run
            List<RunRecord> afterKill = RunsCsv.read(rows); // parses: no half-written row
            assertTrue(afterKill.size() >= target, "kill " + kill + ": rows " + afterKill.size());
            assertTrue(afterKill.stream().allMatch(RunRecord::completed));
            assertAdaptersWhole(dir.resolve("out/tiny"));
            previousRows = afterKill.size();
        }
        Map<String, Double> beforeResume = bestById(RunsCsv.read(rows));

        Process resume = SuiteProcesses.start(dir, dir.resolve("resume.txt"), "run", "tiny.yaml", "--out", "out");
        assertTrue(resume.waitFor(6, TimeUnit.MINUTES), "resume finishes");
        String log = Files.readString(dir.resolve("resume.txt"));
        assertEquals(0, resume.exitValue(), log);
        List<RunRecord> all = RunsCsv.read(rows);
        assertEquals(8, all.size());
        long skipped = log.lines().filter(l -> l.contains("already completed, skipped")).count();
        assertEquals(beforeResume.size(), skipped, log);
        beforeResume.forEach((id, best) -> assertEquals(best, bestById(all).get(id), "finished rows are kept as they were"));
        assertTrue(Files.exists(new ResultsLayout(dir.resolve("out/tiny")).runJson(all.get(0).runId())));
        assertEquals(8, assertAdaptersWhole(dir.resolve("out/tiny")), "every run of these methods keeps its adapter");
    }

    /** Every adapter folder present reads back whole (checksums included), nothing half-written lies beside it; returns how many. */
    private static int assertAdaptersWhole(Path suiteDir) throws IOException {
        int whole = 0;
        Path runs = suiteDir.resolve("runs");
        if (!Files.isDirectory(runs)) {
            return 0;
        }
        try (Stream<Path> runDirs = Files.list(runs)) {
            for (Path run : runDirs.toList()) {
                Path adapter = run.resolve(ResultsLayout.ADAPTER_DIR);
                if (Files.exists(adapter)) {
                    AdapterFiles.read(adapter);
                    whole++;
                }
            }
        }
        return whole;
    }

    @Test
    void twoShardProcessesMergedEqualOneProcess() throws Exception {
        Files.writeString(dir.resolve("tiny.yaml"), SuiteProcesses.tinySuite("tiny", METHODS, "[3]"));
        Process one = SuiteProcesses.start(dir, dir.resolve("single.txt"), "run", "tiny.yaml", "--out", "single");
        assertTrue(one.waitFor(6, TimeUnit.MINUTES));
        assertEquals(0, one.exitValue(), Files.readString(dir.resolve("single.txt")));

        Process a = SuiteProcesses.start(dir, dir.resolve("s1.txt"), "run", "tiny.yaml", "--out", "sharded", "--shard", "1/2");
        Process b = SuiteProcesses.start(dir, dir.resolve("s2.txt"), "run", "tiny.yaml", "--out", "sharded", "--shard", "2/2");
        assertTrue(a.waitFor(6, TimeUnit.MINUTES) && b.waitFor(6, TimeUnit.MINUTES));
        assertEquals(0, a.exitValue(), Files.readString(dir.resolve("s1.txt")));
        assertEquals(0, b.exitValue(), Files.readString(dir.resolve("s2.txt")));
        Path sharded = dir.resolve("sharded/tiny");
        assertTrue(Files.exists(sharded.resolve("runs.shard-1-of-2.csv")) && Files.exists(sharded.resolve("runs.shard-2-of-2.csv")));

        Process merge = SuiteProcesses.start(dir, dir.resolve("merge.txt"), "merge", "sharded/tiny");
        assertTrue(merge.waitFor(2, TimeUnit.MINUTES));
        assertEquals(0, merge.exitValue(), Files.readString(dir.resolve("merge.txt")));
        List<RunRecord> merged = RunsCsv.read(sharded.resolve("runs.csv"));
        List<RunRecord> single = RunsCsv.read(dir.resolve("single/tiny/runs.csv"));
        assertEquals(4, merged.size());
        assertEquals(bestById(single), bestById(merged));
        for (RunRecord m : merged) {
            RunRecord s = single.stream().filter(r -> r.runId().equals(m.runId())).findFirst().orElseThrow();
            assertEquals(s.metricsBest(), m.metricsBest());
            assertEquals(s.metricsLast(), m.metricsLast());
            assertEquals(s.trainableStored(), m.trainableStored());
        }
    }
}
