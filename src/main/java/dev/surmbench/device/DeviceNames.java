package dev.surmbench.device;

import ai.djl.Device;

/**
 * The names users type for devices ({@code cpu}, {@code cuda:N}), which runs.csv and run.json record,
 * against DJL's own ({@code cpu()}, {@code gpu(N)}).
 */
public final class DeviceNames {
    /** The CPU. */
    public static final String CPU = "cpu";
    /** NVIDIA GPUs through CUDA; {@code cuda:N} names one. */
    public static final String CUDA = "cuda";

    private DeviceNames() {}

    /** {@code cpu} or {@code cuda:N}. */
    public static String of(Device device) {
        return device.isGpu() ? CUDA + ":" + device.getDeviceId() : CPU;
    }

    /** The DJL device of GPU {@code index}. */
    public static Device cuda(int index) {
        return Device.gpu(index);
    }
}
