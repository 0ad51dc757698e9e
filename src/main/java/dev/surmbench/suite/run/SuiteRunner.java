package dev.surmbench.suite.run;

import dev.surmbench.results.FolderLock;
import dev.surmbench.results.ResultsLayout;
import dev.surmbench.results.RunClaim;
import dev.surmbench.results.RunRecord;
import dev.surmbench.results.RunStatus;
import dev.surmbench.suite.RunSpec;
import dev.surmbench.suite.Suite;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs a suite (or its shard): skips runs whose id already has a row (resume) — after checking that
 * the recorded run read the data files present now ({@link RecordedData}) — executes the rest in
 * order, and records each one (completed, diverged or failed) in run.json and then its rows file,
 * both written atomically, so a killed process loses at most the run in progress.
 *
 * <p>Several processes may share one results folder (the same suite twice, shards, overlapping
 * suites): under the folder's {@link FolderLock} a process re-reads the rows, then claims the run
 * ({@link RunClaim}) before training it, so no run is trained twice, and adds its row by
 * read-modify-write under the same lock, so no row is lost. A run claimed by a live process is left
 * to it; a claim whose process is gone is taken over (the log says whose).
 */
public final class SuiteRunner {

    /**
     * How to run: output root, shard, which recorded runs are trained again ({@link Retry}), where to
     * log, and whether recorded runs trained on other data than the present files are trained again.
     */
    public record Options(Path outRoot, int shardIndex, int shardCount, Retry retry, PrintStream log,
                          boolean interactive, boolean rerunChangedData) {
        /** {@code retryDiverged}: also train again the runs recorded as diverged (the old {@code --retry-failed}). */
        public Options(Path outRoot, int shardIndex, int shardCount, boolean retryDiverged, PrintStream log,
                       boolean interactive, boolean rerunChangedData) {
            this(outRoot, shardIndex, shardCount, retryDiverged ? Retry.FAILED_AND_DIVERGED : Retry.FAILED, log,
                    interactive, rerunChangedData);
        }

        public Options(Path outRoot, int shardIndex, int shardCount, boolean retryDiverged, PrintStream log,
                       boolean interactive) {
            this(outRoot, shardIndex, shardCount, retryDiverged, log, interactive, false);
        }
    }

    /**
     * Which recorded runs a new invocation trains again. A failed run is retried by default (a failure
     * says nothing about the method); a diverged run is a result (the method's loss blew up at these
     * settings) and is kept unless asked.
     */
    public enum Retry {
        /** Keep every recorded run ({@code --keep-failures}). */
        NONE,
        /** Train again the runs recorded as failed (the default). */
        FAILED,
        /** Train again failed and diverged runs ({@code --retry-failed}). */
        FAILED_AND_DIVERGED;

        /** Whether a run recorded with {@code status} trains again. */
        public boolean retries(RunStatus status) {
            return switch (status) {
                case COMPLETED -> false;
                case FAILED -> this != NONE;
                case DIVERGED -> this == FAILED_AND_DIVERGED;
            };
        }
    }

    /**
     * Counts of what a call did; {@code elsewhere}: runs left to other live processes; {@code
     * stoppedBy}: why the suite stopped early (null when it did not).
     */
    public record Summary(int total, int skipped, int completed, int diverged, int failed, int elsewhere,
                          String stoppedBy) {
        public boolean allCompleted() {
            return diverged == 0 && failed == 0 && stoppedBy == null;
        }

        /** This summary and {@code later}'s, counted together (the first stop wins). */
        public Summary plus(Summary later) {
            return new Summary(total + later.total, skipped + later.skipped, completed + later.completed,
                    diverged + later.diverged, failed + later.failed, elsewhere + later.elsewhere,
                    stoppedBy != null ? stoppedBy : later.stoppedBy);
        }
    }

    /** What to do with one run, decided under the folder's lock from the {@code rows} recorded then. */
    private record Decision(RunRecord previous, RunClaim claim, RunClaim.Holder heldBy, String why,
                            List<RunRecord> rows) {}

    private final Options options;
    private final RunExecutor executor;
    private Instant started = Instant.now();

    public SuiteRunner(Options options, RunExecutor executor) {
        this.options = options;
        this.executor = executor;
    }

    public Summary run(Suite suite) throws IOException {
        started = Instant.now();
        ResultsLayout layout = ResultsLayout.of(options.outRoot(), suite.name());
        Path rows = layout.runsCsv(options.shardIndex(), options.shardCount());
        List<RunSpec> mine = options.shardCount() > 1 ? suite.shard(options.shardIndex(), options.shardCount()) : suite.runs();
        Map<String, RunRecord> recorded = new HashMap<>();
        layout.allRuns().forEach(r -> recorded.put(r.runId(), r));
        refuseChangedData(layout, mine, recorded);
        List<RunSpec> pending = mine.stream().filter(spec -> pending(recorded.get(spec.runId()))).toList();
        executor.prepare(pending);
        logRetries(mine, recorded);
        Set<String> toTrain = pending.stream().map(RunSpec::runId).collect(Collectors.toSet());
        SuiteEta eta = new SuiteEta(toTrain.size());
        int skipped = 0;
        int completed = 0;
        int diverged = 0;
        int failed = 0;
        int elsewhere = 0;
        int k = 0;
        for (RunSpec spec : mine) {
            k++;
            String run = String.format("[%d/%d] %s %s seed %d (run %s)", k, mine.size(), spec.task(), spec.label(),
                    spec.seed(), spec.runId());
            Decision decision = decide(layout, spec);
            if (decision.previous() != null) {
                RunStatus status = decision.previous().status();
                skipped++;
                diverged += status == RunStatus.DIVERGED ? 1 : 0;
                failed += status == RunStatus.FAILED ? 1 : 0;
                options.log().printf("[%d/%d] %s %s %s seed %d: already %s, skipped%s%n", k, mine.size(), spec.task(),
                        spec.label(), spec.runId(), spec.seed(), status.csvName(),
                        relabel(layout, rows, decision.previous(), spec.label()));
                continue;
            }
            if (decision.heldBy() != null) {
                elsewhere++;
                options.log().printf("%s: being trained by %s, left to it%n", run, decision.heldBy());
                continue;
            }
            long startNanos = System.nanoTime();
            eta.starting(startNanos);
            options.log().printf("%s%s%s%n", run, decision.why() == null ? "" : ": " + decision.why(),
                    eta.describe(finished(decision.rows(), toTrain), startNanos));
            RunRecord record = null;
            String stoppedBy = null;
            try {
                record = executor.execute(suite, spec, layout, options);
            } catch (RunStoppedException stop) {
                record = stop.record();
                stoppedBy = record.runId() + ": " + stop.getCause() + ". The run is recorded as failed; " + stop.advice();
            } finally {
                // the row before the claim goes, in one hold of the lock: others see one or the other
                try (FolderLock lock = FolderLock.acquire(layout.suiteDir())) {
                    if (record != null) {
                        layout.record(rows, record);
                    }
                    decision.claim().close();
                }
            }
            switch (record.status()) {
                case COMPLETED -> completed++;
                case DIVERGED -> diverged++;
                case FAILED -> failed++;
            }
            options.log().printf("[%d/%d] %s: %s %s best %.4f (epoch %d) last %.4f, %.0fs%s%n", k, mine.size(),
                    spec.runId(), record.status().csvName(), record.headlineMetric(), record.bestValue(),
                    record.bestEpoch() + 1, record.lastValue(), record.wallSeconds(),
                    record.completed() ? "" : " — " + record.statusDetail());
            if (stoppedBy != null) {
                return new Summary(mine.size(), skipped, completed, diverged, failed, elsewhere, stoppedBy);
            }
        }
        return new Summary(mine.size(), skipped, completed, diverged, failed, elsewhere, null);
    }

    /**
     * Under the folder's lock, from the rows as they are now: skip (a recorded run on the present
     * data), leave (claimed by a live process), or claim and train.
     */
    private Decision decide(ResultsLayout layout, RunSpec spec) throws IOException {
        try (FolderLock lock = FolderLock.acquire(layout.suiteDir())) {
            List<RunRecord> rows = layout.allRuns();
            RunRecord previous = rows.stream().filter(r -> r.runId().equals(spec.runId())).findFirst().orElse(null);
            String why = pending(previous) ? null : RecordedData.missing(layout, spec, previous, executor);
            if (!pending(previous) && why == null) {
                List<RecordedData.Change> changes = RecordedData.changes(layout, spec, executor);
                if (changes.isEmpty()) {
                    return new Decision(previous, null, null, null, rows);
                }
                if (!options.rerunChangedData()) {
                    throw RecordedData.refusal(layout, Map.of(spec.runId(), changes));
                }
                why = "training again, its data changed (" + changes.get(0) + (changes.size() > 1 ? ", …" : "") + ")";
            }
            RunClaim.Attempt attempt = RunClaim.tryClaim(layout, spec.runId());
            if (!attempt.claimed()) {
                return new Decision(null, null, attempt.heldBy(), null, rows);
            }
            if (attempt.takenOver() != null) {
                why = (why == null ? "" : why + "; ") + "taking over the claim of " + attempt.takenOver();
            }
            return new Decision(null, attempt.claim(), null, why, rows);
        }
    }

    /**
     * A recorded row whose report label differs from the suite's (the label is not part of the run id:
     * a suite may rename a method entry, or label its layers differently) takes the suite's label, so
     * that a report never shows one method under two names; every rows file holding it is rewritten
     * ({@link ResultsLayout#record}), so no two files disagree. Returns the note for the log ("" when nothing changed).
     */
    private static String relabel(ResultsLayout layout, Path rows, RunRecord previous, String label) throws IOException {
        if (previous.label().equals(label)) {
            return "";
        }
        try (FolderLock lock = FolderLock.acquire(layout.suiteDir())) {
            layout.record(rows, previous.withLabel(label));
        }
        return " (label '" + previous.label() + "' now '" + label + "')";
    }

    /** Before anything trains: recorded runs of this share trained on other data stop the suite unless told. */
    private void refuseChangedData(ResultsLayout layout, List<RunSpec> mine, Map<String, RunRecord> recorded) {
        if (options.rerunChangedData()) {
            return;
        }
        Map<String, List<RecordedData.Change>> changed = new LinkedHashMap<>();
        for (RunSpec spec : mine) {
            RunRecord previous = recorded.get(spec.runId());
            if (!pending(previous)) {
                List<RecordedData.Change> changes = RecordedData.changes(layout, spec, executor);
                if (!changes.isEmpty()) {
                    changed.put(spec.runId(), changes);
                }
            }
        }
        if (!changed.isEmpty()) {
            throw RecordedData.refusal(layout, changed);
        }
    }

    /**
     * Whether a run with this earlier row (null: none) executes now: not yet recorded, or retried — a
     * failed or diverged row recorded before this runner started; one that another process (a job of
     * the same {@code run --jobs}) recorded meanwhile is its fresh result, not one to retry again.
     */
    private boolean pending(RunRecord previous) {
        return previous == null || (options.retry().retries(previous.status()) && recordedBefore(previous, started));
    }

    /**
     * How many of the runs this invocation set out to train ({@code toTrain}) the {@code rows} record as
     * finished by now, whichever process trained them: a row it would not train again ({@link #pending}).
     */
    private int finished(List<RunRecord> rows, Set<String> toTrain) {
        return (int) rows.stream().filter(r -> toTrain.contains(r.runId()) && !pending(r)).map(RunRecord::runId)
                .distinct().count();
    }

    private static boolean recordedBefore(RunRecord row, Instant instant) {
        try {
            return Instant.parse(row.finishedAt()).isBefore(instant);
        } catch (RuntimeException unparsable) {
            return true;
        }
    }

    /** One line on what happens to this share's runs recorded as failed or diverged (nothing when none). */
    private void logRetries(List<RunSpec> mine, Map<String, RunRecord> recorded) {
        long failed = count(mine, recorded, RunStatus.FAILED);
        long diverged = count(mine, recorded, RunStatus.DIVERGED);
        if (failed > 0) {
            options.log().println(options.retry() == Retry.NONE
                    ? "keeping " + failed + " run(s) recorded as failed (--keep-failures); run without it to retry them"
                    : "retrying " + failed + " run(s) recorded as failed; --keep-failures to keep them");
        }
        if (diverged > 0) {
            options.log().println(options.retry() == Retry.FAILED_AND_DIVERGED
                    ? "retrying " + diverged + " run(s) recorded as diverged (--retry-failed)"
                    : "keeping " + diverged + " run(s) recorded as diverged (a result); --retry-failed trains them again");
        }
    }

    private static long count(List<RunSpec> mine, Map<String, RunRecord> recorded, RunStatus status) {
        return mine.stream().map(spec -> recorded.get(spec.runId())).filter(r -> r != null && r.status() == status).count();
    }
}
