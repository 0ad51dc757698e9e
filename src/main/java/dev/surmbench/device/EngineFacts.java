package dev.surmbench.device;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.pytorch.jni.LibUtils;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the PyTorch engine of this process can run on, from DJL's own calls:
 *
 * @param engine engine name and version ({@code Engine.getInstance()}: "PyTorch 2.7.1")
 * @param nativeLibrary the folder libtorch was loaded from ({@code LibUtils.getLibtorchPath()}): DJL's
 *     cache folder of the bundled or downloaded build, or a {@code PYTORCH_LIBRARY_PATH} folder
 * @param flavour the libtorch build read from that folder's name — {@code cpu}, or {@code cu128} for
 *     CUDA 12.8 — {@link HostFacts#UNKNOWN} when the name does not say (a local libtorch)
 * @param features {@code JniUtils.getFeatures()}; it holds {@code CUDA} only when libtorch was built
 *     with CUDA <em>and</em> finds a usable GPU ({@code torch::cuda::is_available()})
 * @param gpusSeen {@code Engine.getGpuCount()}: GPUs DJL's {@code CudaUtils} counts through the CUDA
 *     runtime library it finds (it does not ask libtorch)
 * @param driverGpus GPUs the NVIDIA driver enumerates ({@code cuDeviceGetCount}), 0 without a driver
 * @param loadError why the engine did not load; empty when it did
 */
public record EngineFacts(String engine, String nativeLibrary, String flavour, Set<String> features, int gpusSeen,
                          int driverGpus, String loadError) {
    private static final Pattern FLAVOUR = Pattern.compile("-(cpu|cu\\d+)(-precxx11)?-[a-z]+-[a-z0-9_]+$");
    private static EngineFacts probed;

    public EngineFacts {
        features = Set.copyOf(new TreeSet<>(features));
    }

    /** The facts of this process's engine (probed once: an engine does not change within a process). */
    public static synchronized EngineFacts probe() {
        if (probed == null) {
            probed = probeNow();
        }
        return probed;
    }

    private static EngineFacts probeNow() {
        int driverGpus = CudaNative.deviceCount();
        try {
            Engine engine = Engine.getInstance();
            String library = LibUtils.getLibtorchPath();
            return new EngineFacts(engine.getEngineName() + " " + engine.getVersion(), library, flavourOf(library),
                    JniUtils.getFeatures(), engine.getGpuCount(), driverGpus, "");
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            return new EngineFacts("PyTorch", HostFacts.UNKNOWN, HostFacts.UNKNOWN, Set.of(), 0, driverGpus,
                    e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** The flavour in a DJL cache folder name such as {@code 2.7.1-20250812-cpu-linux-x86_64}. */
    static String flavourOf(String libraryFolder) {
        if (libraryFolder == null) {
            return HostFacts.UNKNOWN;
        }
        String name = libraryFolder.replaceAll("[/\\\\]+$", "");
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        Matcher m = FLAVOUR.matcher(name);
        return m.find() ? m.group(1) : HostFacts.UNKNOWN;
    }

    /** True when the engine loaded and libtorch can run CUDA kernels here. */
    public boolean cudaUsable() {
        return loadError.isEmpty() && features.contains("CUDA");
    }

    /**
     * GPUs a run may use: none unless {@link #cudaUsable()}; otherwise what DJL counts, or — when DJL's
     * probe finds no CUDA runtime library of its own while libtorch runs CUDA — what the driver counts
     * (at least one, since libtorch found one).
     */
    public int usableGpus() {
        return cudaUsable() ? Math.max(1, Math.max(gpusSeen, driverGpus)) : 0;
    }

    /** One line for error messages and logs. */
    public String describe() {
        if (!loadError.isEmpty()) {
            return "the PyTorch engine did not load (" + loadError + "); GPUs the driver sees: " + driverGpus;
        }
        return engine + " with native library " + nativeLibrary + " (flavour " + flavour + ", features "
                + (features.isEmpty() ? "none" : String.join(", ", new TreeSet<>(features)))
                + (features.contains("CUDA") ? "" : ": no CUDA") + "); GPUs seen: " + gpusSeen + " by DJL, "
                + driverGpus + " by the NVIDIA driver";
    }
}
