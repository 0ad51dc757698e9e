package dev.surmbench.train;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Samples the cost of a run: peak JVM heap (sampled at every step) and the process's peak resident
 * memory (Linux {@code VmHWM}, which includes PyTorch's native allocations: DJL exposes no CPU
 * allocator statistics, so this is the closest honest figure, labelled as process peak RSS; reset at
 * a run's start by {@link #resetPeakResident()}, it is that run's peak).
 */
public final class ResourceMeter {
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private long peakHeapBytes;

    public void sample() {
        peakHeapBytes = Math.max(peakHeapBytes, memory.getHeapMemoryUsage().getUsed());
    }

    public double peakHeapMb() {
        sample();
        return peakHeapBytes / (1024.0 * 1024.0);
    }

    /**
     * Resets this process's peak resident set size to its current size (Linux: "5" written to {@code
     * /proc/self/clear_refs}), so that {@link #peakResidentMb()} afterwards is the peak since now — a
     * run's own peak, not the process's lifetime one. False where the kernel does not allow it.
     */
    public static boolean resetPeakResident() {
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Peak resident set size of this process in MB, or NaN where /proc is unavailable. */
    public static double peakResidentMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }

    /** Threads PyTorch uses for intra-op parallelism ({@link EngineThreads#inEffect()}). */
    public static int threads() {
        return EngineThreads.inEffect();
    }
}
