package dev.surmbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.surmbench.device.EngineFacts;
import dev.surmbench.suite.DefaultCatalog;
import dev.surmbench.suite.Suite;
import dev.surmbench.suite.SuiteParser;
import dev.surmbench.suite.run.TrainingRunExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A GPU asked for on this CPU-only engine stops {@code run}, {@code replay} and {@code encode} before
 * anything computes: exit code 2, one line on stderr saying what was found and the fix, no results.
 */
class DeviceOptionTest {
    private static final String SUITE = """
            name: gpu-only
            defaults:
              backbone: embedded:all-minilm-l6-v2
              layers: 1
              max_length: 24
              batch_size: 16
              epochs: 1
              train_limit: 32
              eval_limit: 32
              device: %s
            tasks: [rte]
            methods: [lora]
            seeds: [1]
            """;

    @TempDir
    Path tmp;

    @BeforeEach
    void cpuOnlyEngine() {
        org.junit.jupiter.api.Assumptions.assumeFalse(EngineFacts.probe().cudaUsable(), "this engine can use a GPU");
    }

    private Path suite(String device) throws Exception {
        Path file = tmp.resolve("gpu-only.yaml");
        Files.writeString(file, SUITE.formatted(device));
        return file;
    }

    private static void assertOneLineDeviceError(CommandsTest.Result r, String command, String device) {
        assertEquals(Main.EXIT_BAD_INPUT, r.exitCode(), r.err());
        String err = r.err().strip();
        assertFalse(err.contains("\n"), "one line: " + err);
        assertFalse(err.contains("Exception"), "no stack trace: " + err);
        // run prints the message alone, like every bad-input message of run; replay and encode name themselves
        String prefix = command.equals("run") ? "" : command + ": ";
        assertTrue(err.startsWith(prefix + "device '" + device + "' is not available: PyTorch "), err);
        assertTrue(err.contains("GPUs seen: ") && err.contains("-Pcuda"), err);
    }

    @Test
    void aSuiteAskingForCudaFailsBeforeAnythingTrains() throws Exception {
        Path out = tmp.resolve("results");
        CommandsTest.Result r = CommandsTest.run("run", suite("cuda").toString(), "--out", out.toString());
        assertOneLineDeviceError(r, "run", "cuda:0");
        assertFalse(Files.exists(out.resolve("gpu-only/runs.csv")), "nothing ran");
        assertFalse(Files.exists(out.resolve("gpu-only/runs")), "no run.json was written");
    }

    @Test
    void deviceOnTheCommandLineOverridesTheSuite() throws Exception {
        Path out = tmp.resolve("results");
        CommandsTest.Result r = CommandsTest.run("run", suite("cpu").toString(), "--out", out.toString(), "--device", "cuda:7");
        assertOneLineDeviceError(r, "run", "cuda:7");
        assertFalse(Files.exists(out.resolve("gpu-only/runs.csv")));
        CommandsTest.Result bad = CommandsTest.run("run", suite("cpu").toString(), "--out", out.toString(), "--device", "tpu");
        assertEquals(Main.EXIT_BAD_INPUT, bad.exitCode());
        assertEquals("unknown device 'tpu'; use auto, cpu, cuda or cuda:N (N = 0, 1, …)", bad.err().strip());
    }

    @Test
    void replayRunsOnTheRecordedDeviceUnlessToldOtherwise() throws Exception {
        Suite parsed = SuiteParser.parse(suite("auto"), new DefaultCatalog());
        // a run recorded on a GPU: run.json's result (a row: its id, status and device at least) names the device it used
        Map<String, Object> doc = Map.of("config", TrainingRunExecutor.runJsonConfig(parsed, parsed.runs().get(0)),
                "result", Map.of("runId", parsed.runs().get(0).runId(), "status", "COMPLETED",
                        "device", Map.of("device", "cuda:0")));
        Path runJson = tmp.resolve("run.json");
        new ObjectMapper().writeValue(runJson.toFile(), doc);
        assertOneLineDeviceError(CommandsTest.run("replay", runJson.toString()), "replay", "cuda:0");
        assertOneLineDeviceError(CommandsTest.run("replay", runJson.toString(), "--device", "cuda:1"), "replay", "cuda:1");
    }

    @Test
    void encodeOnAGpuTheEngineLacksIsBadInput() throws Exception {
        Path text = tmp.resolve("in.txt");
        Files.writeString(text, "a sentence\n");
        assertOneLineDeviceError(CommandsTest.run("encode", "--backbone", "embedded:all-minilm-l6-v2", "--text-file",
                text.toString(), "--device", "cuda"), "encode", "cuda:0");
    }
}
