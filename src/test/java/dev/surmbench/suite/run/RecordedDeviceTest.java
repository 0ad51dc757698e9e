package dev.surmbench.suite.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.surmbench.device.EngineFacts;
import dev.surmbench.device.HostFacts;
import dev.surmbench.model.source.EmbeddedMiniLmSource;
import dev.surmbench.report.render.ProvenanceSummary;
import dev.surmbench.results.ResultsLayout;
import dev.surmbench.results.RunJson;
import dev.surmbench.results.RunRecord;
import dev.surmbench.results.RunsCsv;
import dev.surmbench.suite.DefaultCatalog;
import dev.surmbench.suite.Suite;
import dev.surmbench.suite.SuiteParser;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real run with {@code device: auto} on this CPU build records the device it actually used — the CPU,
 * named by its model, without the unused GPU count older files showed — in runs.csv and run.json, and
 * writes the provenance facts the report reads ({@code gpu}, {@code backbone_sha256}: the hash of the
 * ONNX bytes the embedded backbone was read from).
 */
class RecordedDeviceTest {
    @TempDir
    Path dir;

    @Test
    void aCpuRunNamesItsDeviceAndTheWeightsItRead() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeFalse(EngineFacts.probe().cudaUsable(), "auto would pick the GPU here");
        Suite smoke = SuiteParser.parse(Path.of("suites/smoke.yaml"), new DefaultCatalog());
        Suite one = new Suite(smoke.name(), smoke.version(), smoke.file(), smoke.sha256(), smoke.runs().stream()
                .filter(r -> r.task().equals("rte") && r.method().equals("lora")).toList());
        assertEquals("auto", one.runs().get(0).config().device());
        SuiteRunner.Options options = new SuiteRunner.Options(dir, 1, 1, false,
                new PrintStream(OutputStream.nullOutputStream()), false);
        new SuiteRunner(options, new TrainingRunExecutor(Path.of("."))).run(one);

        ResultsLayout layout = ResultsLayout.of(dir, smoke.name());
        List<String> header = List.of(Files.readAllLines(layout.runsCsv()).get(0).split(","));
        assertTrue(header.containsAll(List.of("device", "device_name", "gpu_driver", "cuda_version",
                "gpu_memory_total_mb", "gpu_memory_peak_mb")), header.toString());
        RunRecord row = RunsCsv.read(layout.runsCsv()).get(0);
        assertTrue(row.completed(), row.statusDetail());
        assertEquals("cpu", row.device().device());
        assertEquals(HostFacts.cpuModel(), row.device().name());
        assertFalse(row.device().name().contains("GPU"), row.device().name());
        assertEquals("", row.device().gpuDriver());
        assertTrue(Double.isNaN(row.device().gpuMemoryPeakMb()));

        JsonNode provenance = RunJson.readTree(layout.runJson(row.runId())).path("provenance");
        assertEquals("cpu", provenance.path("device").asText());
        assertEquals("none (ran on cpu)", provenance.path("gpu").asText());
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(EmbeddedMiniLmSource.resource(EmbeddedMiniLmSource.ONNX_RESOURCE)));
        assertEquals(expected, provenance.path("backbone_sha256").asText());
        assertEquals(expected, provenance.path("backbone_files_sha256").path("classpath:all-minilm-l6-v2.onnx").asText());

        var facts = ProvenanceSummary.collect(layout, List.of(row)).items().stream()
                .collect(Collectors.toMap(ProvenanceSummary.Item::name, ProvenanceSummary.Item::display));
        assertEquals("none (ran on cpu)", facts.get("gpu"));
        assertEquals(expected, facts.get("backbone sha256"));
        assertEquals("cpu (" + HostFacts.cpuModel() + ")", facts.get("device"));
    }
}
