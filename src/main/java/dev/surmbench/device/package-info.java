/**
 * The machine and the engine, as facts: what the loaded PyTorch engine can run on ({@link
 * dev.surmbench.device.EngineFacts}: native library flavour, features, GPUs seen), the CPU model and
 * a GPU's model, driver, CUDA versions and memory ({@link dev.surmbench.device.HostFacts}, {@link
 * dev.surmbench.device.GpuFacts}), device memory in use, waiting for a device's queued work
 * ({@link dev.surmbench.device.DeviceSync}), and the names users type for a DJL {@code Device}
 * ({@link dev.surmbench.device.DeviceNames}).
 *
 * <p>Everything here only reports: it never chooses a device (that is {@code suite}'s job, from the
 * {@code device} setting), never reads environment variables, and knows nothing of suites, models,
 * training or results. Facts it cannot obtain read as {@link dev.surmbench.device.HostFacts#UNKNOWN}.
 */
package dev.surmbench.device;
