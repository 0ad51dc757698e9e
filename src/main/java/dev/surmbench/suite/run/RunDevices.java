package dev.surmbench.suite.run;

import ai.djl.Device;
import dev.surmbench.device.DeviceNames;
import dev.surmbench.device.EngineFacts;
import dev.surmbench.device.GpuFacts;
import dev.surmbench.device.HostFacts;
import dev.surmbench.results.DeviceUsage;
import dev.surmbench.suite.DeviceChoice;
import dev.surmbench.suite.DeviceUnavailableException;
import dev.surmbench.suite.RunSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The devices runs execute on: each run's {@code device} setting — or one override for all, from
 * {@code --device} — resolved once per distinct value against this process's engine ({@link
 * DeviceChoice#resolve}), and the facts a run record names about the device used.
 */
final class RunDevices {
    private final String override;
    private final Supplier<EngineFacts> engine;
    private final Map<String, Device> resolved = new HashMap<>();

    /**
     * @param override a device for every run ({@code --device}), or null for each run's setting
     * @param engine the engine's facts (probed lazily: a suite whose runs are all recorded never loads it)
     */
    RunDevices(String override, Supplier<EngineFacts> engine) {
        if (override != null) {
            DeviceChoice.parse(override); // a bad --device is bad input before anything else happens
        }
        this.override = override;
        this.engine = engine;
    }

    /** The device {@code spec} runs on. Runs recorded before the setting existed have none: {@code auto}. */
    synchronized Device of(RunSpec spec) {
        String choice = override != null ? override : spec.config().device();
        Device device = resolved.get(choice);
        if (device == null) {
            device = DeviceChoice.parse(choice).resolve(engine.get());
            resolved.put(choice, device);
        }
        return device;
    }

    /**
     * Resolves the device of every run in {@code runs}, so that a device this machine lacks stops the
     * suite before anything trains.
     *
     * @throws DeviceUnavailableException naming the device, what was found and the fix
     */
    void check(List<RunSpec> runs) {
        runs.forEach(this::of);
    }

    /**
     * What records say about {@code device}: runs.csv's device columns (with the run's peak GPU memory)
     * and the one-line {@code gpu} provenance fact.
     */
    static Used describe(Device device, double gpuPeakMb) {
        if (!device.isGpu()) {
            return new Used(DeviceUsage.cpu(HostFacts.cpuModel()), "none (ran on " + DeviceNames.CPU + ")");
        }
        GpuFacts gpu = GpuFacts.probe(device);
        return new Used(new DeviceUsage(DeviceNames.of(device), gpu.name(), gpu.driverVersion(),
                gpu.runtimeCudaVersion(), gpu.totalMemoryMb(), gpuPeakMb), gpu.summary());
    }

    /** A device as records name it: the runs.csv columns and the provenance {@code gpu} line. */
    record Used(DeviceUsage usage, String gpu) {}
}
