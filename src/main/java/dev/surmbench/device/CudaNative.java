package dev.surmbench.device;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The two facts of a GPU that DJL 0.36 does not expose, read through JNA (which DJL itself uses
 * for {@code ai.djl.util.cuda.CudaUtils}) from the NVIDIA driver's own libraries:
 * <ul>
 *   <li>the GPU's model name — CUDA driver API {@code cuDeviceGetName} in {@code libcuda.so.1};</li>
 *   <li>the driver's version ("550.54.15") — NVML {@code nvmlSystemGetDriverVersion} in {@code
 *       libnvidia-ml.so.1}; and the newest CUDA version that driver supports — {@code
 *       cuDriverGetVersion}, as {@code nvidia-smi} prints it.</li>
 * </ul>
 * Both libraries are installed with the driver, not with a CUDA toolkit. On a machine without them
 * (this CPU build's test machines) every call returns empty; nothing here throws.
 */
final class CudaNative {
    private static final int NAME_BYTES = 256;
    private static final int SUCCESS = 0;

    /** The CUDA driver API subset used here; every call returns a CUresult (0 = success). */
    interface Driver extends Library {
        int cuInit(int flags);

        int cuDriverGetVersion(int[] version);

        int cuDeviceGetCount(int[] count);

        int cuDeviceGet(int[] device, int ordinal);

        int cuDeviceGetName(byte[] name, int length, int device);
    }

    /** The NVML subset used here; every call returns an nvmlReturn_t (0 = success). */
    interface Nvml extends Library {
        int nvmlInit_v2();

        int nvmlSystemGetDriverVersion(byte[] version, int length);

        int nvmlShutdown();
    }

    private static Driver driver;
    private static boolean driverTried;

    private CudaNative() {}

    /** GPUs the driver enumerates (after {@code CUDA_VISIBLE_DEVICES}), or 0 without a driver. */
    static synchronized int deviceCount() {
        Driver lib = driver();
        int[] count = new int[1];
        return lib != null && lib.cuDeviceGetCount(count) == SUCCESS ? count[0] : 0;
    }

    /**
     * The model name of CUDA device {@code ordinal} ("NVIDIA H100 80GB HBM3"). The driver API
     * enumerates devices as the CUDA runtime (and so PyTorch's {@code cuda:N}) does.
     */
    static synchronized Optional<String> deviceName(int ordinal) {
        Driver lib = driver();
        int[] handle = new int[1];
        byte[] name = new byte[NAME_BYTES];
        if (lib == null || lib.cuDeviceGet(handle, ordinal) != SUCCESS
                || lib.cuDeviceGetName(name, name.length, handle[0]) != SUCCESS) {
            return Optional.empty();
        }
        return Optional.of(cString(name));
    }

    /** The newest CUDA version the installed driver supports, as "12.4". */
    static synchronized Optional<String> driverCudaVersion() {
        Driver lib = driver();
        int[] version = new int[1];
        if (lib == null || lib.cuDriverGetVersion(version) != SUCCESS) {
            return Optional.empty();
        }
        return Optional.of(cudaVersion(version[0]));
    }

    /** The NVIDIA driver's version string ("550.54.15"). */
    static synchronized Optional<String> driverVersion() {
        Nvml lib = load(Nvml.class, "libnvidia-ml.so.1", "nvidia-ml");
        if (lib == null || lib.nvmlInit_v2() != SUCCESS) {
            return Optional.empty();
        }
        try {
            byte[] version = new byte[80]; // NVML_SYSTEM_DRIVER_VERSION_BUFFER_SIZE
            return lib.nvmlSystemGetDriverVersion(version, version.length) == SUCCESS
                    ? Optional.of(cString(version)) : Optional.empty();
        } finally {
            lib.nvmlShutdown();
        }
    }

    /** CUDA's integer version (1000 × major + 10 × minor, e.g. 12040) as "12.4". */
    static String cudaVersion(int version) {
        return version / 1000 + "." + (version % 1000) / 10;
    }

    private static Driver driver() {
        if (!driverTried) {
            driverTried = true;
            Driver lib = load(Driver.class, "libcuda.so.1", "cuda");
            driver = lib != null && lib.cuInit(0) == SUCCESS ? lib : null;
        }
        return driver;
    }

    private static <T extends Library> T load(Class<T> type, String... names) {
        for (String name : names) {
            try {
                return Native.load(name, type);
            } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
                // not installed under this name: try the next, then give up
            }
        }
        return null;
    }

    private static String cString(byte[] bytes) {
        int end = 0;
        while (end < bytes.length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, 0, end, StandardCharsets.UTF_8).trim();
    }
}
