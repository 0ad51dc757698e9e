package dev.surmbench.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** runs.csv round trip, including the trivial floor column and files written before it existed. */
class RunsCsvTest {
    @TempDir
    Path tmp;

    private static RunRecord record(String id, Map<String, Double> trivial) {
        return new RunRecord(id, "s", "rte", "lora", "lora", "{}", 1, "embedded:all-minilm-l6-v2", RunStatus.COMPLETED,
                "", "accuracy", 0.55, 0.54, 1, Map.of("accuracy", 0.55), Map.of("accuracy", 0.54), trivial,
                73_728, 73_728, 770, 22_000_000, 2, 64, 10.5, 400.0, 90.0, 30.0, 512, 900, DeviceUsage.cpu("Test CPU"), 2,
                "2026-01-01T00:00:00Z", "2026-01-01T00:00:30Z", "abc1234");
    }

    @Test
    void trivialMetricsRoundTrip() throws Exception {
        Path file = tmp.resolve("runs.csv");
        RunsCsv.write(file, List.of(record("a", Map.of("accuracy", 0.5273)), record("b", Map.of())));
        List<RunRecord> back = RunsCsv.read(file);
        assertEquals(Map.of("accuracy", 0.5273), back.get(0).metricsTrivial());
        assertEquals(Map.of(), back.get(1).metricsTrivial());
        assertEquals(record("a", Map.of("accuracy", 0.5273)), back.get(0));
    }

    @Test
    void filesWrittenBeforeTheFloorColumnStillRead() throws Exception {
        Path file = tmp.resolve("runs.csv");
        RunsCsv.write(file, List.of(record("a", Map.of("accuracy", 0.5))));
        // drop the metrics_trivial column as an older version wrote the file
        int col = RunRecord.COLUMNS.indexOf("metrics_trivial");
        List<String> lines = Files.readAllLines(file).stream().map(l -> {
            List<String> cells = new java.util.ArrayList<>(List.of(l.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1)));
            cells.remove(col);
            return String.join(",", cells);
        }).toList();
        Files.write(file, lines);
        assertTrue(lines.get(0).contains("metrics_last,trainable_stored"), lines.get(0));
        RunRecord back = RunsCsv.read(file).get(0);
        assertEquals(Map.of(), back.metricsTrivial());
        assertEquals(0.55, back.bestValue());
    }
}
