package dev.surmbench.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/** Runs JMH after creating {@code results/bench/}; arguments are JMH's own. Used by {@code -Pbench}. */
public final class BenchMain {
    private BenchMain() {}

    public static void main(String[] args) throws Exception {
        Files.createDirectories(Path.of("results", "bench"));
        org.openjdk.jmh.Main.main(args);
    }
}
