package dev.surmbench.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import org.junit.jupiter.api.Test;

/** Reading the libtorch flavour and CUDA versions, and what a machine without an NVIDIA driver reports. */
class EngineFactsTest {
    @Test
    void flavourComesFromDjlsCacheFolderName() {
        assertEquals("cpu", EngineFacts.flavourOf("/root/.djl.ai/pytorch/2.7.1-20250812-cpu-linux-x86_64"));
        assertEquals("cu128", EngineFacts.flavourOf("/home/u/.djl.ai/pytorch/2.7.1-cu128-linux-x86_64/"));
        assertEquals("cu128", EngineFacts.flavourOf("/home/u/.djl.ai/pytorch/2.7.1-cu128-precxx11-linux-x86_64"));
        assertEquals("cpu", EngineFacts.flavourOf("C:\\Users\\u\\.djl.ai\\pytorch\\2.7.1-cpu-win-x86_64"));
        assertEquals(HostFacts.UNKNOWN, EngineFacts.flavourOf("/opt/libtorch/lib"));
        assertEquals(HostFacts.UNKNOWN, EngineFacts.flavourOf(null));
    }

    @Test
    void cudaVersionsReadAsNvidiaSmiPrintsThem() {
        assertEquals("12.8", CudaNative.cudaVersion(12080));
        assertEquals("12.4", CudaNative.cudaVersion(12040));
        assertEquals("11.8", CudaNative.cudaVersion(11080));
    }

    @Test
    void withoutAnNvidiaDriverEveryGpuFactIsUnknownAndNothingThrows() {
        org.junit.jupiter.api.Assumptions.assumeTrue(CudaNative.deviceCount() == 0, "runs only where no NVIDIA driver sees a GPU");
        assertTrue(CudaNative.deviceName(0).isEmpty());
        assertTrue(CudaNative.driverVersion().isEmpty());
        GpuFacts facts = GpuFacts.probe(Device.gpu(0));
        assertEquals(HostFacts.UNKNOWN, facts.name());
        assertEquals(HostFacts.UNKNOWN, facts.driverVersion());
        assertEquals("cuda:0", facts.device());
        assertTrue(Double.isNaN(DeviceMemory.usedMb(Device.gpu(0))));
        assertTrue(facts.summary().startsWith("unknown (cuda:0; driver unknown"), facts.summary());
    }

    @Test
    void theCpuModelIsNamedWithoutAGpuCount() {
        String cpu = HostFacts.cpuModel();
        assertFalse(cpu.isBlank());
        assertFalse(cpu.contains("GPU"), cpu);
    }
}
