package dev.surmbench.train;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import dev.surmbench.device.CpuShare;

/**
 * The one place that decides how many intra-op threads PyTorch uses for a run, and the one place that
 * says how many it uses ({@link #inEffect()}, recorded in every row and run.json).
 *
 * <p><b>Rule.</b> The total is, first that wins: {@code --threads N} (a command's option, Maven
 * {@code -Dthreads=N}), then {@code -Dai.djl.pytorch.num_threads=N} given to the JVM, then the CPU
 * share of this process ({@link CpuShare#threads()}: affinity, physical cores, cgroup quota — not the
 * host's core count, which is what PyTorch would take). {@code run --jobs J} splits the total: every
 * run trains with {@code max(1, total / J)} threads. A run's numbers are a function of its seed and
 * its thread count (PyTorch's reductions may round differently at another count): the count is in
 * the row, and the same count gives the same numbers whatever J is.
 *
 * <p>DJL reads {@value #PROPERTY} once, when the engine starts; {@link #use} sets it and, where the
 * engine already runs (tests), sets the count on the engine as well.
 */
public final class EngineThreads {
    /** DJL's system property for PyTorch's intra-op thread count. */
    public static final String PROPERTY = "ai.djl.pytorch.num_threads";

    /**
     * The decision.
     *
     * @param total threads this process may use in all
     * @param jobs runs at once
     * @param perRun threads each run trains with
     * @param why where {@code total} came from, for the log
     */
    public record Choice(int total, int jobs, int perRun, String why) {
        /** One line for logs: "threads: 1 per run × 2 jobs (of 2: CPUs 0-1 (2 cores), no CFS quota)". */
        public String describe() {
            return "threads: " + perRun + " per run" + (jobs > 1 ? " × " + jobs + " jobs" : "") + " (" + why + ")";
        }
    }

    private EngineThreads() {}

    /**
     * Decides, pure: {@code requested} is the command's {@code --threads} (null: not given), {@code
     * property} the JVM's {@value #PROPERTY} (null: not given).
     *
     * @throws IllegalArgumentException for a count below 1, a property that is no integer, or jobs below 1
     */
    public static Choice choose(Integer requested, int jobs, String property, CpuShare share) {
        if (jobs < 1) {
            throw new IllegalArgumentException("--jobs " + jobs + ": must be at least 1");
        }
        int total;
        String why;
        if (requested != null) {
            total = requested;
            why = "--threads " + requested;
        } else if (property != null) {
            try {
                total = Integer.parseInt(property.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("-D" + PROPERTY + "=" + property + ": not a number of threads; "
                        + "give a positive integer, or leave it out to use this process's CPU share");
            }
            why = "-D" + PROPERTY + "=" + total;
        } else {
            total = share.threads();
            why = "CPU share " + share.describe();
        }
        if (total < 1) {
            throw new IllegalArgumentException("threads " + total + " (" + why + "): must be at least 1");
        }
        if (jobs > total) {
            why += "; more jobs than threads, each run still gets 1";
        }
        return new Choice(total, jobs, Math.max(1, total / jobs), why);
    }

    /** {@link #choose} for this process: its {@value #PROPERTY} and its {@link CpuShare#probe() CPU share}. */
    public static Choice choose(Integer requested, int jobs) {
        return choose(requested, jobs, System.getProperty(PROPERTY), CpuShare.probe());
    }

    /**
     * Makes {@code threads} this process's intra-op count: the property DJL reads when the engine
     * starts, and the engine's own count (starting it). An engine that cannot start is left to fail
     * where a run uses it, with its own message.
     */
    public static void use(int threads) {
        System.setProperty(PROPERTY, Integer.toString(threads));
        try {
            Engine.getInstance();
            JniUtils.setNumThreads(threads);
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            // no engine here: nothing trains, nothing to configure
        }
    }

    /** Threads PyTorch uses for intra-op parallelism: as configured, else the engine's own count. */
    public static int inEffect() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null) {
            return Integer.parseInt(configured.trim());
        }
        try {
            Engine.getInstance();
            return JniUtils.getNumThreads();
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            return Runtime.getRuntime().availableProcessors();
        }
    }
}
