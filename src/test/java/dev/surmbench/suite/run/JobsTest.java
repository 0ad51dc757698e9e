package dev.surmbench.suite.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surmbench.results.RunRecord;
import dev.surmbench.results.RunStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --jobs 2} against {@code run --jobs 1}, each a real process on the test class path, at
 * the same threads per run (the rule: a run's numbers are a function of its seed and its thread
 * count; {@code --jobs 2 --threads 2} and {@code --jobs 1 --threads 1} both train every run with 1):
 * the same rows to the last bit, every run trained by exactly one job, the frozen-prefix cache
 * (cold for each) built once, output lines prefixed with their job, and a second call resumes.
 */
class JobsTest {
    private static final String SUITE = "name: jobs\n" + SuiteProcesses.cachedPrefixDefaults()
            + "methods: [lora, bitfit, linear-probe, adapter]\nseeds: [1]\n";

    @TempDir
    Path dir;

    @Test
    void twoJobsGiveTheNumbersOfOneTrainEachRunOnceAndBuildTheCacheOnce() throws Exception {
        Files.writeString(dir.resolve("jobs.yaml"), SUITE);
        String one = run("one", "--jobs", "1", "--threads", "1");
        String two = run("two", "--jobs", "2", "--threads", "2");
        assertTrue(one.contains("threads: 1 per run (--threads 1)"), one);
        assertTrue(two.contains("threads: 1 per run × 2 jobs (--threads 2)"), two);

        Map<String, RunRecord> alone = rows("one");
        Map<String, RunRecord> together = rows("two");
        assertEquals(4, alone.size());
        assertEquals(alone.keySet(), together.keySet());
        for (String id : alone.keySet()) {
            RunRecord a = alone.get(id);
            RunRecord b = together.get(id);
            assertEquals(RunStatus.COMPLETED, a.status(), a.statusDetail());
            assertEquals(RunStatus.COMPLETED, b.status(), b.statusDetail());
            assertEquals(1, a.threads());
            assertEquals(1, b.threads());
            assertEquals(a.metricsBest(), b.metricsBest(), a.label());
            assertEquals(a.metricsLast(), b.metricsLast(), a.label());
            assertEquals(Double.doubleToLongBits(a.bestValue()), Double.doubleToLongBits(b.bestValue()), a.label());
            assertEquals(a.steps(), b.steps());
            assertTrue(Double.isFinite(a.bestValue()) && a.bestValue() != 0, "a Spearman that can differ: " + a.bestValue());
        }

        Map<String, Long> trainedBy = SuiteProcesses.trainedByWorkers(two);
        assertEquals(together.keySet(), trainedBy.keySet(), two);
        assertTrue(trainedBy.values().stream().allMatch(n -> n == 1), "no run trained twice: " + trainedBy);
        assertTrue(two.contains("[job 1] suite jobs v1: 4 runs") && two.contains("[job 2] suite jobs v1: 4 runs"), two);
        // two entries (training and dev examples), each slice of each computed once, by whichever job took it
        assertEquals(2, slicesComputed(one).size(), one);
        assertEquals(2, slicesComputed(two).size(), two);
        slicesComputed(one).forEach((entry, n) -> assertEquals(n[1], n[0], entry + " slices computed in:\n" + one));
        slicesComputed(two).forEach((entry, n) -> assertEquals(n[1], n[0], entry + " slices computed in:\n" + two));
        assertTrue(two.contains("done: 4 runs with 2 jobs, 0 skipped as already recorded, 4 completed, 0 diverged, 0 failed"),
                two);
        try (Stream<Path> files = Files.walk(dir.resolve("two/jobs/runs"))) {
            assertEquals(List.of(), files.filter(f -> f.getFileName().toString().equals("claim")).toList(), "no claim left");
        }

        String again = run("two", "--jobs", "2", "--threads", "2");
        assertTrue(again.contains("done: 4 runs with 2 jobs, 4 skipped as already recorded, 0 completed"), again);
    }

    @Test
    void anEntryStoredByTheOtherJobCountsUnderTheSameName() {
        // the two ways a build ends, as a CI run printed them when the other job stored the entry first
        String log = """
                [job 1] activation cache: 32 examples through layers 0-0 in 0 s (/c/activations/ad5a.safetensors; 1 of 1 slices computed here)
                [job 2] activation cache: /c/activations/ad5a.safetensors stored by another process meanwhile (waited 0 s, 0 of 1 slices computed here)
                """;
        Map<String, int[]> entries = slicesComputed(log);
        assertEquals(List.of("/c/activations/ad5a.safetensors"), List.copyOf(entries.keySet()));
        assertEquals(List.of(1, 1), List.of(entries.get("/c/activations/ad5a.safetensors")[0],
                entries.get("/c/activations/ad5a.safetensors")[1]));
    }

    private static final Pattern BUILT = Pattern.compile(
            "activation cache: .*?([^\\s(]+\\.safetensors).*? (\\d+) of (\\d+) slices computed here");

    /**
     * Per activation-cache entry: the slices its builders computed, summed over jobs, and its slice count. The entry
     * is named by its file without the parenthesis that opens it in "… in 0 s (file; k of n …)", so the same entry
     * logged as "file stored by another process meanwhile (…)" counts under the same key.
     */
    private static Map<String, int[]> slicesComputed(String output) {
        Map<String, int[]> out = new TreeMap<>();
        output.lines().map(BUILT::matcher).filter(Matcher::find).forEach(m -> {
            int[] n = out.computeIfAbsent(m.group(1), k -> new int[2]);
            n[0] += Integer.parseInt(m.group(2));
            n[1] = Integer.parseInt(m.group(3));
        });
        return out;
    }

    /** One {@code run} process on its own cold activation cache; returns its output. */
    private String run(String out, String... options) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("run", "jobs.yaml", "--out", out));
        args.addAll(List.of(options));
        return SuiteProcesses.runToEnd(dir, dir.resolve(out + "-" + System.nanoTime() + ".txt"),
                dir.resolve("cache-" + out), args);
    }

    private Map<String, RunRecord> rows(String out) {
        return SuiteProcesses.rowsById(dir.resolve(out + "/jobs/runs.csv"));
    }
}
