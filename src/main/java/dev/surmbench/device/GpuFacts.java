package dev.surmbench.device;

import ai.djl.Device;
import ai.djl.util.cuda.CudaUtils;
import java.lang.management.MemoryUsage;

/**
 * One GPU as a run record names it. Where each fact comes from:
 *
 * @param device {@code cuda:N}
 * @param name model name — {@code cuDeviceGetName} of the CUDA driver API (DJL has no call for it)
 * @param driverVersion NVIDIA driver version — NVML {@code nvmlSystemGetDriverVersion}
 * @param driverCudaVersion newest CUDA the driver supports — {@code cuDriverGetVersion}
 * @param runtimeCudaVersion CUDA runtime version — DJL's {@code CudaUtils.getCudaVersion()}
 *     ({@code cudaRuntimeGetVersion} of the libcudart DJL finds on the library path; libtorch may
 *     carry its own copy of another minor version, which its flavour, e.g. {@code cu128}, names)
 * @param computeCapability DJL's {@code CudaUtils.getComputeCapability(N)} ("90" for Hopper)
 * @param totalMemoryMb device memory in MiB — DJL's {@code CudaUtils.getGpuMemory(device).getMax()}
 *     ({@code cudaMemGetInfo} total)
 */
public record GpuFacts(String device, String name, String driverVersion, String driverCudaVersion,
                       String runtimeCudaVersion, String computeCapability, double totalMemoryMb) {

    /** The facts of GPU {@code device}; facts that cannot be read are {@link HostFacts#UNKNOWN} (NaN for memory). */
    public static GpuFacts probe(Device device) {
        if (!device.isGpu()) {
            throw new IllegalArgumentException("not a GPU: " + device);
        }
        int index = device.getDeviceId();
        String runtime;
        String capability;
        try {
            runtime = CudaNative.cudaVersion(CudaUtils.getCudaVersion());
            capability = CudaUtils.getComputeCapability(index);
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            runtime = HostFacts.UNKNOWN;
            capability = HostFacts.UNKNOWN;
        }
        MemoryUsage memory = DeviceMemory.usage(device);
        return new GpuFacts(DeviceNames.of(device), CudaNative.deviceName(index).orElse(HostFacts.UNKNOWN),
                CudaNative.driverVersion().orElse(HostFacts.UNKNOWN),
                CudaNative.driverCudaVersion().orElse(HostFacts.UNKNOWN), runtime, capability,
                memory == null ? Double.NaN : memory.getMax() / DeviceMemory.MIB);
    }

    /** One line for provenance: model, driver, CUDA versions, compute capability, memory. */
    public String summary() {
        return name + " (" + device + "; driver " + driverVersion + ", CUDA " + driverCudaVersion + " driver / "
                + runtimeCudaVersion + " runtime; compute capability " + computeCapability + "; "
                + (Double.isNaN(totalMemoryMb) ? HostFacts.UNKNOWN : Math.round(totalMemoryMb) + " MiB") + ")";
    }
}
