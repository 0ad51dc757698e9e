package dev.surmbench.suite.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts {@code surm-bench} as a separate JVM on the test class path (for kill and shard tests). */
final class SuiteProcesses {
    private SuiteProcesses() {}

    static Process start(Path workDir, Path log, String... args) throws IOException {
        return start(workDir, log, List.of(), args);
    }

    /** As above, with extra JVM options ({@code -Dsurm.cache.dir=…}). */
    static Process start(Path workDir, Path log, List<String> jvmOptions, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx2g");
        command.addAll(jvmOptions);
        command.add("-Dai.djl.offline=true");
        String glue = System.getProperty("glue.dir");
        if (glue != null && !glue.isBlank()) {
            command.add("-Dglue.dir=" + glue);
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("dev.surmbench.cli.Main");
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
    }

    /** A tiny suite: one task, four methods, a 1-layer slice, a handful of examples. */
    static String tinySuite(String name, String methods, String seeds) {
        return """
                name: %s
                defaults:
                  layers: 1
                  max_length: 16
                  batch_size: 8
                  epochs: 1
                  train_limit: 16
                  eval_limit: 16
                tasks: [rte]
                methods: %s
                seeds: %s
                """.formatted(name, methods, seeds);
    }

    /**
     * The defaults of a tiny STS-B suite with a frozen prefix (a 2-layer slice, the top layer adapted, so
     * the activation cache is in play), then {@code extra} default lines, then its task.
     */
    static String cachedPrefixDefaults(String... extra) {
        StringBuilder out = new StringBuilder("""
                defaults:
                  layers: 2
                  adapt_layers: top-1
                  max_length: 16
                  batch_size: 8
                  epochs: 1
                  train_limit: 32
                  eval_limit: 24
                """);
        for (String line : extra) {
            out.append("  ").append(line).append('\n');
        }
        return out.append("tasks: [stsb]\n").toString();
    }

    /** "[job k] [i/n] RUN_ID: completed …": a worker's line after it trained a run itself. */
    private static final java.util.regex.Pattern TRAINED =
            java.util.regex.Pattern.compile("(?m)^\\[job (\\d)] \\[\\d+/\\d+] ([0-9a-f]{16}): completed ");

    /** How many times each run id was trained by a worker of {@code run/tune --jobs}, from its output. */
    static java.util.Map<String, Long> trainedByWorkers(String output) {
        java.util.Map<String, Long> trained = new java.util.TreeMap<>();
        java.util.regex.Matcher m = TRAINED.matcher(output);
        while (m.find()) {
            trained.merge(m.group(2), 1L, Long::sum);
        }
        return trained;
    }

    /** The lines of {@code text} that contain {@code phrase}. */
    static long linesWith(String text, String phrase) {
        return text.lines().filter(l -> l.contains(phrase)).count();
    }

    /**
     * Runs the CLI in {@code workDir} with its own activation cache {@code cache} to the end (at most 10
     * minutes), asserts exit code 0 and returns its output.
     */
    static String runToEnd(Path workDir, Path log, Path cache, List<String> args) throws Exception {
        Process p = start(workDir, log, List.of("-Dsurm.cache.dir=" + cache), args.toArray(String[]::new));
        org.junit.jupiter.api.Assertions.assertTrue(p.waitFor(10, java.util.concurrent.TimeUnit.MINUTES), "finishes");
        String text = java.nio.file.Files.readString(log);
        org.junit.jupiter.api.Assertions.assertEquals(0, p.exitValue(), text);
        return text;
    }

    /** The rows of a runs.csv by run id, in id order. */
    static java.util.Map<String, dev.surmbench.results.RunRecord> rowsById(Path runsCsv) {
        return dev.surmbench.results.RunsCsv.read(runsCsv).stream().collect(java.util.stream.Collectors.toMap(
                dev.surmbench.results.RunRecord::runId, r -> r, (a, b) -> a, java.util.TreeMap::new));
    }
}
