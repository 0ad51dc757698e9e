package dev.surmbench.suite.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surmbench.results.RunRecord;
import dev.surmbench.results.RunStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tune --jobs 2} against {@code tune --jobs 1}, real processes at one thread per trial both ways
 * (the rule of {@link JobsTest}): the same trial rows to the last bit, every trial trained by exactly
 * one worker, and the parent alone writes the same pinned file once every trial is recorded; a cell
 * selection ({@code --method}) reaches the workers; {@code validate} reports the pins.
 */
class TuneJobsTest {
    private static final String SUITE = "name: t\n" + SuiteProcesses.cachedPrefixDefaults("validation: 16") + """
            methods: [lora]
            seeds: [1]
            tune:
              seeds: [1]
              learning_rate: {grid: [0.0001, 0.001, 0.01, 0.1]}
            pinned: pinned/t.tuned.yaml
            """;

    @TempDir
    Path dir;

    @Test
    void twoWorkersTrainEachTrialOnceAndPinWhatOneProcessPins() throws Exception {
        String one = tune("one", "--jobs", "1", "--threads", "1");
        String two = tune("two", "--jobs", "2", "--threads", "2", "--method", "lora");
        assertTrue(two.contains("tuning 1 cells of 1 (method lora)"), two);

        Map<String, RunRecord> alone = rows("one");
        Map<String, RunRecord> together = rows("two");
        // four grid rates, and one more when the winner sits at the grid's edge (extended once)
        assertTrue(alone.size() == 4 || alone.size() == 5, one);
        assertEquals(alone.keySet(), together.keySet());
        for (String id : alone.keySet()) {
            RunRecord a = alone.get(id);
            RunRecord b = together.get(id);
            assertEquals(RunStatus.COMPLETED, b.status(), b.statusDetail());
            assertEquals(Double.doubleToLongBits(a.bestValue()), Double.doubleToLongBits(b.bestValue()), a.label());
            assertEquals(a.metricsBest(), b.metricsBest());
        }
        Map<String, Long> trainedBy = SuiteProcesses.trainedByWorkers(two);
        assertEquals(together.keySet(), trainedBy.keySet(), two);
        assertTrue(trainedBy.values().stream().allMatch(n -> n == 1), "no trial trained twice: " + trainedBy);
        assertTrue(two.contains("[job 1] ") && two.contains("[job 2] "), two);
        assertEquals(0, SuiteProcesses.linesWith(two, "[job 1] wrote ") + SuiteProcesses.linesWith(two, "[job 2] wrote "), "workers pin nothing:\n" + two);
        assertEquals(1, SuiteProcesses.linesWith(two, "wrote "), two);

        String pinnedAlone = Files.readString(dir.resolve("one/pinned/t.tuned.yaml"));
        assertEquals(pinnedAlone, Files.readString(dir.resolve("two/pinned/t.tuned.yaml")));
        assertTrue(pinnedAlone.contains("learning_rate:"), pinnedAlone);

        Path work = dir.resolve("one");
        String pinned = SuiteProcesses.runToEnd(work, dir.resolve("validate.txt"), work.resolve("cache"), List.of("validate", "t.yaml"));
        assertTrue(pinned.contains("tuning: 1 cells, 1 pinned\n"), pinned);
        Files.writeString(work.resolve("t.yaml"), SUITE.replace("0.1]", "0.1, 0.3]"));
        String stale = SuiteProcesses.runToEnd(work, dir.resolve("stale.txt"), work.resolve("cache"), List.of("validate", "t.yaml"));
        assertTrue(stale.contains("tuning: 1 cells, 0 pinned; the final stage waits for `surm-bench tune t.yaml`"), stale);
        assertTrue(stale.contains("stale pin: stsb/lora was tuned on the grid"), stale);
    }

    /** {@code tune t.yaml} in its own folder (the pinned file sits beside the suite) and cold cache. */
    private String tune(String folder, String... options) throws Exception {
        Path work = Files.createDirectories(dir.resolve(folder));
        Files.writeString(work.resolve("t.yaml"), SUITE);
        List<String> args = new java.util.ArrayList<>(List.of("tune", "t.yaml", "--out", "out"));
        args.addAll(List.of(options));
        return SuiteProcesses.runToEnd(work, dir.resolve(folder + ".txt"), work.resolve("cache"), args);
    }

    private Map<String, RunRecord> rows(String folder) {
        return SuiteProcesses.rowsById(dir.resolve(folder + "/out/t-tune/runs.csv"));
    }
}
