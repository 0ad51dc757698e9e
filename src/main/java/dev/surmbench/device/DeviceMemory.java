package dev.surmbench.device;

import ai.djl.Device;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.util.cuda.CudaUtils;
import java.lang.management.MemoryUsage;

/** Memory in use on a GPU, and handing PyTorch's cached blocks back to the driver. */
public final class DeviceMemory {
    static final double MIB = 1024.0 * 1024.0;

    private DeviceMemory() {}

    /**
     * Device memory in use now, in MiB: DJL's {@code CudaUtils.getGpuMemory(device).getUsed()}, i.e.
     * {@code cudaMemGetInfo} total − free. It counts every allocation on the device: this process's
     * CUDA context, PyTorch's caching allocator (which keeps freed blocks reserved, so right after a
     * training step the figure is at least that step's peak), and any other process on the same GPU.
     * DJL 0.36's PyTorch JNI exposes no allocator statistics ({@code torch.cuda.max_memory_allocated}
     * has no counterpart). NaN when unreadable.
     */
    public static double usedMb(Device device) {
        MemoryUsage memory = usage(device);
        return memory == null ? Double.NaN : memory.getUsed() / MIB;
    }

    /**
     * Returns the blocks PyTorch's caching allocator holds but no tensor uses to the driver
     * ({@code JniUtils.emptyCudaCache()}, i.e. {@code c10::cuda::CUDACachingAllocator::emptyCache}),
     * so a run's memory figure does not include what an earlier run of the same process left cached.
     * A no-op without a usable GPU.
     */
    public static void releaseCached(Device device) {
        if (device.isGpu()) {
            JniUtils.emptyCudaCache();
        }
    }

    /** DJL's {@code CudaUtils.getGpuMemory(device)}; null when no CUDA runtime answers. */
    static MemoryUsage usage(Device device) {
        try {
            return CudaUtils.getGpuMemory(device);
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            return null;
        }
    }
}
