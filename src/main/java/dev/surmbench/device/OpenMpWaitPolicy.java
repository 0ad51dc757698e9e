package dev.surmbench.device;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How libtorch's OpenMP threads (the CPU build bundles GNU libgomp) wait between parallel regions,
 * put into the process environment before the engine loads — libgomp reads {@code OMP_WAIT_POLICY}
 * and {@code GOMP_SPINCOUNT} once, when it is loaded, so a value set later changes nothing.
 *
 * <p><b>Why.</b> By default a libgomp thread spins ~300,000 times before it sleeps. The suite's runs
 * are many small products (top-2 layers, batch 16, short sequences), so the threads wait between
 * regions all the time; spinning costs nothing on a quiet machine and half of this process's CPU
 * share beside anything else that wants the cores. Measured on 2 cores (issue #26, 20,000 products
 * [16×384]·[384×384] through DJL, 2 threads; quiet / beside two busy processes):
 * <pre>
 *   default (spin)          1.22 s / 8.70 s
 *   OMP_WAIT_POLICY=PASSIVE 2.80 s / 3.62 s
 *   GOMP_SPINCOUNT=1000     1.65 s / 2.47 s
 *   GOMP_SPINCOUNT=30000    1.21 s / 9.21 s
 * </pre>
 * A bounded spin keeps the quiet speed and the fair share when busy. On the suite's own runs (one
 * STS-B lora run, MiniLM top-2, 1 epoch on 2,000 examples, cold cache, the whole command; 2 cores,
 * interleaved, two repeats each; {@code scripts/measure-throughput.sh} part i at f3c71fd):
 * <pre>
 *   setting        quiet           beside two busy loops   busy / quiet
 *   off (spin)     25.9, 24.2 s    157.3, 112.8 s          5.39x
 *   10000          23.8, 23.8 s     57.6,  56.8 s          2.40x
 *   1000           24.1, 23.3 s     53.2,  53.1 s          2.24x  (2.12x of the default's quiet time)
 *   passive        25.2, 25.0 s     63.0,  46.8 s          2.19x
 * </pre>
 * {@link #DEFAULT} is 1,000: as fast as libgomp's default when quiet (23.7 s against 25.1 s, within the
 * noise), the steadiest of the fair settings when busy; passive was as fair on average with a wide spread.
 *
 * <p><b>Who wins.</b> A user's own {@code OMP_WAIT_POLICY} or {@code GOMP_SPINCOUNT} in the
 * environment is left as it is, and nothing is set. Otherwise the setting is {@code -Dsurm.openmp}
 * or {@code $SURM_OPENMP} ({@code off}: set nothing, libgomp's default; {@code passive}; {@code
 * active}; a number: that spin count), else {@link #DEFAULT}. This is the one class in {@code device}
 * that reads (and writes) environment variables: it must run before anything touches DJL.
 */
public final class OpenMpWaitPolicy {
    /** libgomp's variables this class may set. */
    public static final String WAIT_POLICY = "OMP_WAIT_POLICY";
    public static final String SPIN_COUNT = "GOMP_SPINCOUNT";
    /** The setting's names: system property, then environment variable. */
    public static final String PROPERTY = "surm.openmp";
    public static final String ENV = "SURM_OPENMP";
    /** The default: spin 1,000 times, then sleep (measured above). */
    public static final String DEFAULT = "1000";

    /**
     * What is in effect: the variables as libgomp will read them, and where they came from.
     *
     * @param variables the OpenMP variables now in the environment (name → value), empty for libgomp's defaults
     * @param source "environment" (the user's), "surm-bench" (set here), "off" (nothing set, by request)
     */
    public record Setting(Map<String, String> variables, String source) {
        /** One line for logs: "OpenMP wait: GOMP_SPINCOUNT=10000 (set by surm-bench)". */
        public String describe() {
            String vars = variables.isEmpty() ? "libgomp's default (spin ~300000)" : variables.entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).reduce((a, b) -> a + " " + b).orElse("");
            return "OpenMP wait: " + vars + " (" + switch (source) {
                case "environment" -> "from the environment";
                case "off" -> "surm.openmp=off";
                default -> "set by surm-bench; the environment's own OMP_WAIT_POLICY/GOMP_SPINCOUNT would win";
            } + ")";
        }
    }

    private static Setting applied;

    private OpenMpWaitPolicy() {}

    /**
     * The variables to set given the environment {@code env} and the setting {@code requested} (the
     * property or {@code $SURM_OPENMP}; null: {@link #DEFAULT}).
     *
     * @throws IllegalArgumentException for a setting that is none of off, passive, active or a count
     */
    public static Setting decide(Map<String, String> env, String requested) {
        Map<String, String> present = new LinkedHashMap<>();
        for (String name : new String[] {WAIT_POLICY, SPIN_COUNT}) {
            if (env.get(name) != null) {
                present.put(name, env.get(name));
            }
        }
        if (!present.isEmpty()) {
            return new Setting(present, "environment");
        }
        String value = (requested == null || requested.isBlank() ? DEFAULT : requested).trim().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "off" -> new Setting(Map.of(), "off");
            case "passive", "active" -> new Setting(Map.of(WAIT_POLICY, value.toUpperCase(Locale.ROOT)), "surm-bench");
            default -> {
                if (!value.matches("\\d{1,12}")) {
                    throw new IllegalArgumentException(PROPERTY + " / " + ENV + " '" + requested
                            + "': not a wait setting; use off, passive, active or a spin count such as " + DEFAULT);
                }
                yield new Setting(Map.of(SPIN_COUNT, value), "surm-bench");
            }
        };
    }

    /**
     * Decides from this process's environment and settings and puts the variables into the
     * environment with libc {@code setenv} (through JNA), once per process; later calls return the
     * first answer. Call it before anything loads the engine. Where libc cannot be reached (not
     * Linux/macOS) nothing is set and the answer says "off".
     */
    public static synchronized Setting apply() {
        if (applied == null) {
            String requested = System.getProperty(PROPERTY, System.getenv(ENV));
            Setting setting = decide(System.getenv(), requested);
            if (setting.source().equals("surm-bench")) {
                try {
                    LibC libc = Native.load("c", LibC.class);
                    setting.variables().forEach((name, value) -> libc.setenv(name, value, 0));
                } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
                    setting = new Setting(Map.of(), "off");
                }
            }
            applied = setting;
        }
        return applied;
    }

    /** What {@link #apply()} put in effect, or null before it ran. */
    public static synchronized Setting inEffect() {
        return applied;
    }

    /** The value of {@code name} in the process environment as native code sees it (libc {@code getenv}). */
    public static String nativeGetenv(String name) {
        return Native.load("c", LibC.class).getenv(name);
    }

    /** The libc calls used here. */
    interface LibC extends Library {
        int setenv(String name, String value, int overwrite);

        String getenv(String name);
    }
}
