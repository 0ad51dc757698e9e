package dev.surmbench.cli;

import dev.surmbench.train.EngineThreads;
import picocli.CommandLine.Option;

/**
 * {@code --threads N|auto}: how many CPU threads a command may use (a picocli mixin for {@code run} and
 * {@code bench train-step}); {@code auto}, the default, is this process's CPU share. The decision is
 * {@link EngineThreads}'s; this only reads the option.
 */
public final class ThreadsOption {
    @Option(names = "--threads", paramLabel = "N", defaultValue = "auto",
            description = "CPU threads to use (run: in all, split between --jobs); auto: the CPUs this process may use — "
                    + "affinity, physical cores, cgroup CPU quota (default: ${DEFAULT-VALUE})")
    String threads;

    /**
     * The count given, or null for {@code auto}.
     *
     * @throws IllegalArgumentException for anything but {@code auto} or a positive integer (exit code 2)
     */
    public Integer requested() {
        if (threads == null || threads.equalsIgnoreCase("auto")) {
            return null;
        }
        try {
            int n = Integer.parseInt(threads.trim());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--threads " + threads + ": not a thread count; give a positive integer, "
                + "or auto for the CPUs this process may use");
    }
}
