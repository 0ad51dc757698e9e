package dev.surmbench.suite.run;

import dev.surmbench.results.ResultsLayout;
import dev.surmbench.results.RunRecord;
import dev.surmbench.results.RunStatus;
import dev.surmbench.results.RunsCsv;
import dev.surmbench.suite.RunSpec;
import dev.surmbench.suite.Suite;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a suite (or its shard): skips runs whose id already has a row (resume), executes the rest in
 * order, and records each one — completed, diverged or failed — in run.json and then runs.csv, both
 * written atomically, so a killed process loses at most the run in progress.
 */
public final class SuiteRunner {

    /** How to run: output root, shard, whether failed/diverged runs are retried, where to log. */
    public record Options(Path outRoot, int shardIndex, int shardCount, boolean retryFailed, PrintStream log,
                          boolean interactive) {}

    /** Counts of what a call did. */
    public record Summary(int total, int skipped, int completed, int diverged, int failed) {
        public boolean allCompleted() {
            return diverged == 0 && failed == 0;
        }
    }

    private final Options options;
    private final RunExecutor executor;

    public SuiteRunner(Options options, RunExecutor executor) {
        this.options = options;
        this.executor = executor;
    }

    public Summary run(Suite suite) throws IOException {
        ResultsLayout layout = ResultsLayout.of(options.outRoot(), suite.name());
        Path rows = layout.runsCsv(options.shardIndex(), options.shardCount());
        List<RunSpec> mine = options.shardCount() > 1 ? suite.shard(options.shardIndex(), options.shardCount()) : suite.runs();
        Map<String, RunRecord> done = new HashMap<>();
        for (RunRecord r : layout.allRuns()) {
            done.put(r.runId(), r);
        }
        executor.prepare(mine.stream().filter(spec -> pending(done.get(spec.runId()))).toList());
        int skipped = 0;
        int completed = 0;
        int diverged = 0;
        int failed = 0;
        int k = 0;
        for (RunSpec spec : mine) {
            k++;
            RunRecord previous = done.get(spec.runId());
            if (!pending(previous)) {
                skipped++;
                diverged += previous.status() == RunStatus.DIVERGED ? 1 : 0;
                failed += previous.status() == RunStatus.FAILED ? 1 : 0;
                options.log().printf("[%d/%d] %s %s %s seed %d: already %s, skipped%n", k, mine.size(), spec.task(),
                        spec.label(), spec.runId(), spec.seed(), previous.status().csvName());
                continue;
            }
            options.log().printf("[%d/%d] %s %s seed %d (run %s)%n", k, mine.size(), spec.task(), spec.label(),
                    spec.seed(), spec.runId());
            RunRecord record = executor.execute(suite, spec, layout, options);
            RunsCsv.upsert(rows, record);
            switch (record.status()) {
                case COMPLETED -> completed++;
                case DIVERGED -> diverged++;
                case FAILED -> failed++;
            }
            options.log().printf("[%d/%d] %s: %s %s best %.4f (epoch %d) last %.4f, %.0fs%n", k, mine.size(),
                    spec.runId(), record.status().csvName(), record.headlineMetric(), record.bestValue(),
                    record.bestEpoch() + 1, record.lastValue(), record.wallSeconds());
        }
        return new Summary(mine.size(), skipped, completed, diverged, failed);
    }

    /** Whether a run with this earlier row (null: none) executes now: not yet recorded, or retried. */
    private boolean pending(RunRecord previous) {
        return previous == null || (!previous.completed() && options.retryFailed());
    }
}
