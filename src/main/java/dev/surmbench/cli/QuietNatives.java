package dev.surmbench.cli;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.util.Arrays;

/**
 * Quiet by default: a CPU machine is not told twice per command that DJL found no GPU (its {@code
 * CudaUtils} warns at WARN level through slf4j-simple), nor shown DJL's INFO lines on engine start, nor by libtorch that {@code
 * AutoNonVariableTypeMode is deprecated} (a native warning on stderr, silenced by {@code
 * TORCH_CPP_LOG_LEVEL=ERROR}, which must be in the process environment before libtorch loads: set
 * with libc {@code setenv} through JNA). {@code --verbose} anywhere on the command line leaves both
 * as they are; a value the user set (the system property, the environment variable) always wins.
 * Called first thing in {@link Main#main}.
 */
final class QuietNatives {
    /** The option that brings the messages back (declared on {@link Main}, inherited by every command). */
    static final String VERBOSE = "--verbose";

    /** slf4j-simple's level for DJL's CUDA probe (the logger {@code ai.djl.util.cuda.CudaUtils}). */
    static final String GPU_PROBE_LEVEL = "org.slf4j.simpleLogger.log.ai.djl.util.cuda";

    /** slf4j-simple's level for the rest of DJL (its INFO lines on platform and threads at engine start). */
    static final String ENGINE_LEVEL = "org.slf4j.simpleLogger.log.ai.djl";

    /**
     * The download client's line per failed attempt: a download that finally fails says how many attempts
     * and why in its one error line, so the attempts only show with {@value #VERBOSE}.
     */
    static final String DOWNLOAD_ATTEMPTS_LEVEL = "org.slf4j.simpleLogger.log.dev.surmbench.data.download.Downloader";

    /** libtorch's C++ log threshold. */
    static final String TORCH_LOG_LEVEL = "TORCH_CPP_LOG_LEVEL";

    /** libc10's log threshold (a global int: 0 info, 1 warning, 2 error), read at every message. */
    static final String C10_LOG_LEVEL = "FLAGS_caffe2_log_level";

    private static volatile boolean quiet;

    private QuietNatives() {}

    /**
     * For the commands that load libtorch: loads it now and raises libc10's log threshold to errors, so
     * its deprecation warnings (e.g. {@code AutoNonVariableTypeMode}) stay unprinted. libtorch reads
     * {@code TORCH_CPP_LOG_LEVEL} only when Python initialises it, hence the flag itself. Does nothing
     * with {@value #VERBOSE}, in tests (which do not go through {@link Main#main}), or when the engine
     * is not PyTorch or its libc10 does not export the flag.
     */
    static void quietEngine() {
        if (!quiet) {
            return;
        }
        try {
            ai.djl.engine.Engine.getInstance();
            com.sun.jna.NativeLibrary c10 = com.sun.jna.NativeLibrary.getInstance("c10");
            com.sun.jna.Pointer level = c10.getGlobalVariableAddress(C10_LOG_LEVEL);
            level.setInt(0, Math.max(level.getInt(0), 2));
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            // another engine, or a libtorch built otherwise: its warnings stay
        }
    }

    /** Quiets both unless {@code args} hold {@value #VERBOSE}. */
    static void apply(String[] args) {
        if (Arrays.asList(args).contains(VERBOSE)) {
            return;
        }
        quiet = true;
        if (System.getProperty(GPU_PROBE_LEVEL) == null) {
            System.setProperty(GPU_PROBE_LEVEL, "error");
        }
        if (System.getProperty(ENGINE_LEVEL) == null) {
            System.setProperty(ENGINE_LEVEL, "warn");
        }
        if (System.getProperty(DOWNLOAD_ATTEMPTS_LEVEL) == null) {
            System.setProperty(DOWNLOAD_ATTEMPTS_LEVEL, "error");
        }
        if (System.getenv(TORCH_LOG_LEVEL) == null) {
            try {
                Native.load("c", LibC.class).setenv(TORCH_LOG_LEVEL, "ERROR", 0);
            } catch (UnsatisfiedLinkError | RuntimeException e) {
                // no libc to call (not Linux/macOS): the warning stays, nothing else changes
            }
        }
    }

    /** The one libc function used. */
    interface LibC extends Library {
        int setenv(String name, String value, int overwrite);
    }
}
