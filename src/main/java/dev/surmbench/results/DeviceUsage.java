package dev.surmbench.results;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.regex.Pattern;

/**
 * Where a run executed, as runs.csv records it (columns {@code device}, {@code device_name}, {@code
 * gpu_driver}, {@code cuda_version}, {@code gpu_memory_total_mb}, {@code gpu_memory_peak_mb}).
 *
 * @param device the device used: {@code cpu} or {@code cuda:N}
 * @param name the CPU model of a CPU run, the GPU model of a GPU run
 * @param gpuDriver the NVIDIA driver version ("" for CPU runs)
 * @param cudaVersion the CUDA runtime version ("" for CPU runs)
 * @param gpuMemoryTotalMb the GPU's memory in MiB (NaN for CPU runs)
 * @param gpuMemoryPeakMb the most device memory in use during the run, in MiB (NaN for CPU runs); see
 *     the train package's GPU meter for what it counts
 */
public record DeviceUsage(String device, String name, String gpuDriver, String cudaVersion, double gpuMemoryTotalMb,
                          double gpuMemoryPeakMb) {
    /** Device class of CPU runs (and of every run recorded before the device setting existed). */
    public static final String CPU = "cpu";
    /** Device class of GPU runs. */
    public static final String CUDA = "cuda";

    // What the device column held before the device setting: "<CPU model> (CPU)" or "<CPU model> + N GPU(s)".
    private static final Pattern LEGACY_SUFFIX = Pattern.compile("( \\(CPU\\)| \\+ \\d+ GPU\\(s\\))$");

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public DeviceUsage {
        device = device == null || device.isBlank() ? CPU : device;
        name = name == null ? "" : name;
        gpuDriver = gpuDriver == null ? "" : gpuDriver;
        cudaVersion = cudaVersion == null ? "" : cudaVersion;
    }

    /** A CPU run on {@code cpuModel}. */
    public static DeviceUsage cpu(String cpuModel) {
        return new DeviceUsage(CPU, cpuModel, "", "", Double.NaN, Double.NaN);
    }

    /**
     * A run recorded before the device setting existed, from its old {@code device} column. Every
     * such run trained on the CPU (models were always built on {@code Device.cpu()}); the column named
     * the CPU model and, misleadingly, a count of GPUs that went unused.
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING) // run.json's result.device of those runs is that string too
    static DeviceUsage fromLegacyColumn(String column) {
        return cpu(LEGACY_SUFFIX.matcher(column == null ? "" : column.trim()).replaceFirst(""));
    }

    /** {@link #CPU} or {@link #CUDA}: runs of one class may be compared for throughput. */
    public String deviceClass() {
        return classOf(device);
    }

    /** The class of a device name ({@code cpu}, {@code cuda}, {@code cuda:N}); anything else is an error. */
    public static String classOf(String device) {
        String d = device == null ? "" : device.trim();
        if (d.isEmpty() || d.equals(CPU)) {
            return CPU;
        }
        if (d.equals(CUDA) || d.startsWith(CUDA + ":")) {
            return CUDA;
        }
        throw new IllegalArgumentException("'" + device + "' is not a device class (cpu or cuda)");
    }

    public boolean gpu() {
        return deviceClass().equals(CUDA);
    }

    /** The device and its model: "cuda:0 (NVIDIA H100 80GB HBM3)", "cpu (AMD EPYC 7B13)". */
    public String label() {
        return name.isEmpty() ? device : device + " (" + name + ")";
    }

    /** {@link #label()} and, for a GPU run, its peak memory: "cuda:0 (NVIDIA H100 80GB HBM3), peak 12345 of 81559 MiB". */
    public String display() {
        if (!gpu() || Double.isNaN(gpuMemoryPeakMb)) {
            return label();
        }
        return label() + ", peak " + Math.round(gpuMemoryPeakMb) + " of "
                + (Double.isNaN(gpuMemoryTotalMb) ? "?" : Long.toString(Math.round(gpuMemoryTotalMb))) + " MiB";
    }
}
