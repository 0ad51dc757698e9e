/**
 * The machine and the engine, as facts: what the loaded PyTorch engine can run on ({@link
 * dev.surmbench.device.EngineFacts}: native library flavour, features, GPUs seen), the CPU model and
 * a GPU's model, driver, CUDA versions and memory ({@link dev.surmbench.device.HostFacts}, {@link
 * dev.surmbench.device.GpuFacts}), device memory in use, waiting for a device's queued work
 * ({@link dev.surmbench.device.DeviceSync}), the names users type for a DJL {@code Device}
 * ({@link dev.surmbench.device.DeviceNames}), the share of the CPUs this process may use ({@link
 * dev.surmbench.device.CpuShare}: affinity, cores, cgroup quota) and the OpenMP wait policy put into
 * the environment before the engine loads ({@link dev.surmbench.device.OpenMpWaitPolicy}).
 *
 * <p>Everything here only reports: it never chooses a device (that is {@code suite}'s job, from the
 * {@code device} setting) or a thread count ({@code train.EngineThreads}), reads no environment
 * variables but OpenMpWaitPolicy's, and knows nothing of suites, models, training or results. Facts it cannot obtain read as {@link dev.surmbench.device.HostFacts#UNKNOWN}.
 */
package dev.surmbench.device;
