package dev.surmbench.train;

import ai.djl.Device;
import dev.surmbench.device.DeviceMemory;

/**
 * The peak device memory of one run on a GPU (NaN on the CPU, where {@link ResourceMeter} measures).
 * It listens to training progress: at {@link #start()} it returns what PyTorch's caching allocator
 * keeps from earlier runs of this process to the driver and takes a first sample; then it samples
 * after every optimiser step and every evaluation. Each sample is {@link DeviceMemory#usedMb}
 * ({@code cudaMemGetInfo} total − free, through DJL's {@code CudaUtils.getGpuMemory}): because the
 * caching allocator keeps freed blocks reserved, the figure after a step is at least that step's peak
 * of reserved memory; it also counts the CUDA context and any other process on the same GPU.
 */
public final class GpuMemoryMeter implements ProgressListener {
    private final Device device;
    private double peakMb = Double.NaN;

    public GpuMemoryMeter(Device device) {
        this.device = device;
    }

    /** Releases cached blocks of earlier runs and takes the first sample; call before the model is built. */
    public GpuMemoryMeter start() {
        DeviceMemory.releaseCached(device);
        sample();
        return this;
    }

    /** Takes one sample (a no-op on the CPU). */
    public void sample() {
        if (device.isGpu()) {
            double used = DeviceMemory.usedMb(device);
            peakMb = Double.isNaN(peakMb) ? used : Double.isNaN(used) ? peakMb : Math.max(peakMb, used);
        }
    }

    /** The largest sample in MiB; NaN on the CPU or when no sample could be read. */
    public double peakMb() {
        sample();
        return peakMb;
    }

    @Override
    public void step(long step, double loss, double learningRate) {
        sample();
    }

    @Override
    public void epochEnded(EpochRecord record) {
        sample();
    }
}
