package dev.surmbench.suite.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surmbench.results.ResultsLayout;
import dev.surmbench.results.RunRecord;
import dev.surmbench.results.RunStatus;
import dev.surmbench.results.RunsCsv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three {@code run} processes at once on one results folder — two with the same suite, one with an
 * overlapping suite of the same name (the case that lost rows and trained runs twice): every run is
 * trained by exactly one process, runs.csv ends with every row, and no claim is left behind.
 */
class SharedResultsFolderTest {
    /** "[k/n] RUN_ID: completed …": the line a process prints after training a run itself. */
    private static final Pattern TRAINED = Pattern.compile("(?m)^\\[\\d+/\\d+] ([0-9a-f]{16}): (completed|diverged|failed) ");

    @TempDir
    Path dir;

    @Test
    void threeProcessesOnOneFolderTrainEachRunOnceAndLoseNoRow() throws Exception {
        Files.writeString(dir.resolve("a.yaml"), SuiteProcesses.tinySuite("tiny", "[linear-probe, lora, circulant]", "[1, 2]"));
        Files.writeString(dir.resolve("b.yaml"), SuiteProcesses.tinySuite("tiny", "[lora, circulant, adapter]", "[1, 2]"));
        List<Process> processes = new ArrayList<>();
        for (String[] p : new String[][] {{"a.yaml", "p1.txt"}, {"a.yaml", "p2.txt"}, {"b.yaml", "p3.txt"}}) {
            processes.add(SuiteProcesses.start(dir, dir.resolve(p[1]), "run", p[0], "--out", "out"));
        }
        for (int i = 0; i < processes.size(); i++) {
            assertTrue(processes.get(i).waitFor(10, TimeUnit.MINUTES), "process " + (i + 1) + " finishes");
            assertEquals(0, processes.get(i).exitValue(), Files.readString(dir.resolve("p" + (i + 1) + ".txt")));
        }
        Map<String, Integer> trainedBy = new TreeMap<>();
        for (int i = 1; i <= 3; i++) {
            Matcher m = TRAINED.matcher(Files.readString(dir.resolve("p" + i + ".txt")));
            while (m.find()) {
                trainedBy.merge(m.group(1), 1, Integer::sum);
            }
        }
        List<RunRecord> rows = RunsCsv.read(dir.resolve("out/tiny/runs.csv"));
        Map<String, Long> rowsPerId = rows.stream().collect(Collectors.groupingBy(RunRecord::runId, TreeMap::new,
                Collectors.counting()));
        assertEquals(8, rowsPerId.size(), "4 methods × 2 seeds: " + rowsPerId);
        assertTrue(rowsPerId.values().stream().allMatch(n -> n == 1), "one row per run: " + rowsPerId);
        assertTrue(rows.stream().allMatch(r -> r.status() == RunStatus.COMPLETED), "all completed");
        assertEquals(rowsPerId.keySet(), trainedBy.keySet(), "every recorded run was trained by one of the processes");
        assertTrue(trainedBy.values().stream().allMatch(n -> n == 1), "no run trained twice: " + trainedBy);
        ResultsLayout layout = new ResultsLayout(dir.resolve("out/tiny"));
        for (String id : rowsPerId.keySet()) {
            assertTrue(Files.isRegularFile(layout.runJson(id)), "run.json of " + id);
        }
        try (Stream<Path> files = Files.walk(dir.resolve("out/tiny/runs"))) {
            assertEquals(List.of(), files.filter(f -> f.getFileName().toString().equals("claim")).toList(), "no claim left");
        }
    }
}
