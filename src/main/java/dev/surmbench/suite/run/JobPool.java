package dev.surmbench.suite.run;

import dev.surmbench.results.ResultsLayout;
import dev.surmbench.results.RunRecord;
import dev.surmbench.results.RunStatus;
import dev.surmbench.suite.RunSpec;
import dev.surmbench.suite.Suite;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntFunction;

/**
 * {@code run --jobs N}: N runs of a suite at once, as N worker processes — each an ordinary {@code
 * run} of the same suite, share and results folder with its own thread count — over the claim/lock
 * protocol that concurrent processes and shards already share ({@link SuiteRunner}): each worker goes
 * through the runs in order, claims the next one nobody holds, trains it and adds its row; so no run
 * is trained twice, every row lands atomically, and a killed worker's claim is taken over.
 *
 * <p><b>Why processes, not threads.</b> PyTorch's intra-op thread count and its random generator
 * (dropout) are process-global, and an {@link OutOfMemoryError} ends the JVM's trust in itself; a
 * process per job gives every run its own thread count, generator and heap, so a run trains exactly
 * as it would alone at that thread count.
 *
 * <p>Every line a worker prints is printed here prefixed with {@code [job k]}. The frozen-prefix
 * activations and pretrained checkpoints are built once per task: the first worker that needs an
 * entry builds it under the entry's lock while the others wait and read it ({@link ActivationCache}).
 */
public final class JobPool {
    private final int jobs;
    private final IntFunction<List<String>> command;
    private final PrintStream log;
    private final PrintStream err;

    /**
     * @param jobs workers to start
     * @param command the command line of worker {@code k} (1-based), e.g. from {@link #javaCommand}
     * @param log where workers' standard output goes, prefixed
     * @param err where workers' standard error goes, prefixed
     */
    public JobPool(int jobs, IntFunction<List<String>> command, PrintStream log, PrintStream err) {
        if (jobs < 1) {
            throw new IllegalArgumentException("--jobs " + jobs + ": must be at least 1");
        }
        this.jobs = jobs;
        this.command = command;
        this.log = log;
        this.err = err;
    }

    /** What the workers did: each one's exit code and what the suite's rows say now. */
    public record Outcome(List<Integer> exitCodes, SuiteRunner.Summary summary) {
        /** 2 when a worker refused bad input, 1 when a run or a worker failed, else 0. */
        public int exitCode() {
            if (exitCodes.contains(2)) {
                return 2;
            }
            return summary.allCompleted() && exitCodes.stream().allMatch(c -> c == 0) ? 0 : 1;
        }
    }

    /**
     * Starts the workers, relays their output, waits for all of them (a killed parent kills them:
     * their claims become stale and are taken over) and sums up the share's rows.
     */
    public Outcome run(Suite suite, SuiteRunner.Options options) throws IOException, InterruptedException {
        ResultsLayout layout = ResultsLayout.of(options.outRoot(), suite.name());
        List<RunSpec> mine = options.shardCount() > 1 ? suite.shard(options.shardIndex(), options.shardCount()) : suite.runs();
        Map<String, RunRecord> before = recorded(layout);
        List<Process> workers = new ArrayList<>();
        List<Thread> relays = new ArrayList<>();
        Thread stopper = new Thread(() -> workers.forEach(Process::destroy), "job-pool-stop");
        Runtime.getRuntime().addShutdownHook(stopper);
        try {
            for (int k = 1; k <= jobs; k++) {
                Process worker = new ProcessBuilder(command.apply(k)).start();
                workers.add(worker);
                relays.add(relay(worker.getInputStream(), "[job " + k + "] ", log));
                relays.add(relay(worker.getErrorStream(), "[job " + k + "] ", err));
            }
            List<Integer> codes = new ArrayList<>();
            for (Process worker : workers) {
                codes.add(worker.waitFor());
            }
            for (Thread relay : relays) {
                relay.join();
            }
            return new Outcome(codes, summarize(mine, before, recorded(layout)));
        } finally {
            workers.forEach(Process::destroy);
            try {
                Runtime.getRuntime().removeShutdownHook(stopper);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running already
            }
        }
    }

    /**
     * The command line of a worker: this JVM's java, its JVM options (heap, {@code -D} settings;
     * a debugger agent left out, its port is taken), its class path, then {@code mainClass} and {@code args}.
     */
    public static List<String> javaCommand(String mainClass, List<String> args) {
        List<String> out = new ArrayList<>();
        out.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!option.startsWith("-agentlib:jdwp") && !option.startsWith("-Xrunjdwp")) {
                out.add(option);
            }
        }
        out.add("-cp");
        out.add(System.getProperty("java.class.path"));
        out.add(mainClass);
        out.addAll(args);
        return out;
    }

    /**
     * The share's counts as {@link SuiteRunner.Summary} gives them for one process: a row already
     * there at the start is skipped (its status still counted), a new row counts by its status, a run
     * without a row was left to a process outside this pool (or a worker stopped early).
     */
    static SuiteRunner.Summary summarize(List<RunSpec> mine, Map<String, RunRecord> before, Map<String, RunRecord> after) {
        int skipped = 0;
        int completed = 0;
        int diverged = 0;
        int failed = 0;
        int elsewhere = 0;
        for (RunSpec spec : mine) {
            RunRecord now = after.get(spec.runId());
            if (now == null) {
                elsewhere++;
                continue;
            }
            RunRecord then = before.get(spec.runId());
            if (then != null && Objects.equals(then.finishedAt(), now.finishedAt())) {
                skipped++;
            } else if (now.status() == RunStatus.COMPLETED) {
                completed++;
            }
            diverged += now.status() == RunStatus.DIVERGED ? 1 : 0;
            failed += now.status() == RunStatus.FAILED ? 1 : 0;
        }
        return new SuiteRunner.Summary(mine.size(), skipped, completed, diverged, failed, elsewhere, null);
    }

    private static Map<String, RunRecord> recorded(ResultsLayout layout) {
        Map<String, RunRecord> out = new HashMap<>();
        layout.allRuns().forEach(r -> out.put(r.runId(), r));
        return out;
    }

    private static Thread relay(InputStream in, String prefix, PrintStream out) {
        Thread t = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    synchronized (out) {
                        out.println(prefix + line);
                    }
                }
            } catch (IOException e) {
                // the worker is gone; its exit code says how
            }
        }, "job-pool-relay");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
