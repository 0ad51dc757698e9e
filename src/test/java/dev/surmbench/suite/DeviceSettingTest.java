package dev.surmbench.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import dev.surmbench.device.EngineFacts;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The {@code device} setting: its forms, file:line:column errors, that it never enters a run id, and
 * its resolution against engines that can and cannot run CUDA (fabricated facts), plus this build's own.
 */
class DeviceSettingTest {
    @TempDir
    Path dir;

    /** A CPU-only engine as this build's probe reports it. */
    static final EngineFacts CPU_ENGINE = new EngineFacts("PyTorch 2.7.1", "/root/.djl.ai/pytorch/2.7.1-20250812-cpu-linux-x86_64",
            "cpu", Set.of("MKL", "MKLDNN", "OPENMP"), 0, 0, "");
    /** A CUDA engine on a one-GPU machine. */
    static final EngineFacts ONE_GPU = new EngineFacts("PyTorch 2.7.1", "/root/.djl.ai/pytorch/2.7.1-cu128-linux-x86_64",
            "cu128", Set.of("CUDA", "CUDNN", "MKL"), 1, 1, "");

    private static final String SUITE = """
            name: dev
            defaults:
              device: %s
            tasks: [rte]
            methods:
              - lora
              - method: circulant
                device: cpu
            seeds: [1]
            """;

    private Suite parse(String device) throws IOException {
        Path file = dir.resolve("suite.yaml");
        Files.writeString(file, SUITE.formatted(device));
        return SuiteParser.parse(file, new TestCatalog());
    }

    @Test
    void formsParse() {
        assertEquals(new DeviceChoice(DeviceChoice.Kind.AUTO, 0), DeviceChoice.parse("auto"));
        assertEquals(new DeviceChoice(DeviceChoice.Kind.CPU, 0), DeviceChoice.parse("cpu"));
        assertEquals(new DeviceChoice(DeviceChoice.Kind.CUDA, 0), DeviceChoice.parse("cuda"));
        assertEquals(new DeviceChoice(DeviceChoice.Kind.CUDA, 3), DeviceChoice.parse("cuda:3"));
        assertEquals("cuda:3", DeviceChoice.parse("cuda:3").toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"tpu", "gpu", "CUDA", "cuda:", "cuda:-1", "cuda:x", "cpu:0", ""})
    void otherWordsAreRejectedListingTheForms(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DeviceChoice.parse(text));
        assertTrue(e.getMessage().contains("use auto, cpu, cuda or cuda:N"), e.getMessage());
    }

    @Test
    void anUnknownDeviceInASuiteIsReportedAtItsLineAndColumn() throws IOException {
        SuiteException e = assertThrows(SuiteException.class, () -> parse("tpu"));
        assertEquals(1, e.problems().size(), e.getMessage());
        SuiteException.Problem p = e.problems().get(0);
        assertEquals(3, p.line());
        assertEquals(11, p.column());
        assertTrue(p.toString().startsWith(dir.resolve("suite.yaml") + ":3:11: unknown device 'tpu'"), p.toString());
    }

    @Test
    void theDeviceNeverChangesARunId() throws IOException {
        List<String> auto = parse("auto").runs().stream().map(RunSpec::runId).toList();
        List<String> gpu = parse("cuda:1").runs().stream().map(RunSpec::runId).toList();
        assertEquals(auto, gpu);
        assertEquals("cuda:1", parse("cuda:1").runs().stream().filter(r -> r.method().equals("lora")).findFirst()
                .orElseThrow().config().device());
        assertEquals("cpu", parse("cuda:1").runs().stream().filter(r -> r.method().equals("circulant")).findFirst()
                .orElseThrow().config().device(), "a per-method override");
        assertEquals(RunSettings.Identity.NEVER, RunSettings.key("device").identity());
    }

    @Test
    void recordedRunIdsStayValid() {
        // The committed nightly baseline cites run ids computed before the device setting existed.
        Set<String> cited = new TreeSet<>();
        dev.surmbench.report.baseline.BaselineCsv.read(Path.of("baselines/nightly-cpu.csv")).forEach(r -> cited.addAll(r.runIds()));
        Set<String> now = new TreeSet<>(SuiteParser.parse(Path.of("suites/nightly.yaml"), new DefaultCatalog()).runs()
                .stream().map(RunSpec::runId).toList());
        assertFalse(cited.isEmpty());
        assertTrue(now.containsAll(cited), "ids no longer produced: " + cited.stream().filter(id -> !now.contains(id)).toList());
    }

    @Test
    void onACpuOnlyEngineAutoIsTheCpuAndCudaFailsSayingWhatWasFoundAndTheFix() {
        assertEquals(Device.cpu(), DeviceChoice.parse("auto").resolve(CPU_ENGINE));
        assertEquals(Device.cpu(), DeviceChoice.parse("cpu").resolve(CPU_ENGINE));
        DeviceUnavailableException e = assertThrows(DeviceUnavailableException.class,
                () -> DeviceChoice.parse("cuda").resolve(CPU_ENGINE));
        String m = e.getMessage();
        assertFalse(m.contains("\n"), "one line: " + m);
        assertTrue(m.startsWith("device 'cuda:0' is not available: PyTorch 2.7.1"), m);
        assertTrue(m.contains("flavour cpu") && m.contains("no CUDA") && m.contains("GPUs seen: 0 by DJL"), m);
        assertTrue(m.contains("-Pcuda") && m.contains("PYTORCH_LIBRARY_PATH") && m.contains("device: cpu"), m);
    }

    @Test
    void onAOneGpuEngineCudaSevenFailsNamingTheGpusThere() {
        assertEquals(Device.gpu(0), DeviceChoice.parse("auto").resolve(ONE_GPU));
        assertEquals(Device.gpu(0), DeviceChoice.parse("cuda").resolve(ONE_GPU));
        assertEquals(Device.gpu(0), DeviceChoice.parse("cuda:0").resolve(ONE_GPU));
        DeviceUnavailableException e = assertThrows(DeviceUnavailableException.class,
                () -> DeviceChoice.parse("cuda:7").resolve(ONE_GPU));
        assertTrue(e.getMessage().startsWith("device 'cuda:7' is not available: the engine can use 1 GPU(s), cuda:0 ("),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("Fix: use one of those, cuda or auto"), e.getMessage());
    }

    @Test
    void aCudaBuildWhoseRuntimeProbeFindsNoLibraryStillUsesTheGpuLibtorchSees() {
        // DJL counts GPUs through a libcudart of its own finding; libtorch may carry its own copy.
        EngineFacts facts = new EngineFacts("PyTorch 2.7.1", "/opt/libtorch/lib", "unknown", Set.of("CUDA"), 0, 2, "");
        assertEquals(2, facts.usableGpus());
        assertEquals(Device.gpu(1), DeviceChoice.parse("cuda:1").resolve(facts));
    }

    @Test
    void anEngineThatDidNotLoadFailsEveryChoiceWithItsReason() {
        EngineFacts broken = new EngineFacts("PyTorch", "unknown", "unknown", Set.of(), 0, 0,
                "EngineException: Failed to load PyTorch native library");
        DeviceUnavailableException e = assertThrows(DeviceUnavailableException.class,
                () -> DeviceChoice.parse("cpu").resolve(broken));
        assertTrue(e.getMessage().contains("did not load (EngineException: Failed to load PyTorch native library)"),
                e.getMessage());
    }

    @Test
    void thisBuildsEngineIsTheBundledCpuLibtorchSoAutoIsTheCpu() throws IOException {
        EngineFacts here = EngineFacts.probe();
        Properties bundled = new Properties();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("native/lib/pytorch.properties")) {
            if (in == null) {
                // a -Pcuda test run: no bundled CPU libtorch; auto takes a GPU exactly when libtorch can use one
                assertEquals(here.cudaUsable() ? Device.gpu(0) : Device.cpu(), DeviceChoice.parse("auto").resolve(here));
                return;
            }
            bundled.load(in);
        }
        assertEquals("cpu", bundled.getProperty("flavor"));
        assertEquals("", here.loadError());
        assertEquals("cpu", here.flavour(), here.describe());
        assertFalse(here.cudaUsable(), here.describe());
        assertEquals(Device.cpu(), DeviceChoice.parse("auto").resolve(here));
        assertThrows(DeviceUnavailableException.class, () -> DeviceChoice.parse("cuda").resolve(here));
    }
}
