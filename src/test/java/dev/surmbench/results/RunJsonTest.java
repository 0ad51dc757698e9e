package dev.surmbench.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** run.json written from its typed record and read back as the same record; provenance read alone, tolerantly. */
class RunJsonTest {
    @TempDir
    Path tmp;

    private static final RunProvenance.Environment HERE = new RunProvenance.Environment(
            Map.of("java", "17", "djl", "0.36.0"), "Test CPU", "cpu", "none (ran on cpu)", 2, "t0", "t1");

    private static RunDocument document(RunDocument.Failure error, Map<String, String> artifacts) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("epochs", 1);
        settings.put("learning_rate", 0.001);
        RunRecord row = new RunRecord("a", "s", "rte", "lora", "lora", "{}", 1, "embedded:all-minilm-l6-v2",
                RunStatus.COMPLETED, "", "accuracy", 0.55, 0.54, 0, Map.of("accuracy", 0.55), Map.of("accuracy", 0.54),
                Map.of("accuracy", 0.5), 10, 10, 2, 100, 1, 2, 1.5, 2.5, 3.5, 4.5, 5.5, 6.5, DeviceUsage.cpu("Test CPU"), 2,
                "t0", "t1", "abc");
        return new RunDocument(new RunDocument.Config("s", 2, "a", "rte", "lora", "lora", Map.of("r", 4), 1L, settings),
                List.of(new RunDocument.Epoch(1, 2, 0.69, Map.of("accuracy", 0.55), 0.1, 0.2)), row, error, artifacts,
                RunProvenance.ofRun("abc", null, "suites/s.yaml", "ff", Map.of("RTE/train.tsv", "00"), "embedded:x",
                        "pretrained", "11", Map.of("x.onnx", "11"), null, HERE));
    }

    @Test
    void aDocumentRoundTrips() throws Exception {
        Path file = tmp.resolve("run.json");
        RunDocument doc = document(new RunDocument.Failure("java.lang.IllegalStateException", "boom", "trace"),
                Map.of("adapter", "adapter"));
        RunJson.write(file, doc);
        assertEquals(doc, RunJson.read(file));
        assertEquals(doc.provenance(), RunJson.readProvenance(file));
    }

    @Test
    void absentPartsAreNotWrittenButAnUnknownDirtyFlagIs() throws Exception {
        Path file = tmp.resolve("run.json");
        RunJson.write(file, document(null, Map.of()));
        String text = Files.readString(file);
        assertFalse(text.contains("\"error\"") || text.contains("\"artifacts\"") || text.contains("\"pretrain\""), text);
        assertTrue(text.contains("\"git_dirty\" : null"), text);
        assertEquals(List.of("config", "epochs", "result", "provenance"), fieldNames(file));
    }

    @Test
    void aPretrainStagesProvenanceHasNoSuiteOrBackbone() throws Exception {
        Path file = tmp.resolve("pretrain.json");
        RunJson.writeValue(file, Map.of("provenance", RunProvenance.ofPretrain("abc", false, Map.of("mnist", "folder x"), HERE)));
        List<String> keys = new java.util.ArrayList<>();
        RunJson.readTree(file).path("provenance").fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("git_commit", "git_dirty", "dataset_sha256", "versions", "cpu", "device", "gpu", "threads",
                "started_at", "finished_at"), keys);
    }

    @Test
    void aFileWithoutProvenanceReadsAsNothingRecorded() throws Exception {
        Path file = tmp.resolve("run.json");
        Files.writeString(file, "{\"config\": {}, \"extra\": 1}");
        assertEquals(RunProvenance.NONE, RunJson.readProvenance(file));
        assertEquals(null, RunJson.read(file).config().seed());
    }

    @Test
    void aResultWrittenBeforeTheDeviceColumnsReadsAsACpuRun() throws Exception {
        Path file = tmp.resolve("run.json");
        Files.writeString(file, "{\"result\": {\"runId\": \"a\", \"status\": \"COMPLETED\", \"device\": \"AMD EPYC 7B13 (CPU)\"}}");
        assertEquals(DeviceUsage.cpu("AMD EPYC 7B13"), RunJson.read(file).result().device());
    }

    private static List<String> fieldNames(Path file) throws Exception {
        List<String> out = new java.util.ArrayList<>();
        RunJson.readTree(file).fieldNames().forEachRemaining(out::add);
        return out;
    }
}
