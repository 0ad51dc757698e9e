package dev.surmbench.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where a suite's results live: {@code <out>/<suite>/runs.csv} for a single process,
 * {@code runs.shard-I-of-N.csv} for shard I of N, {@code runs/<run-id>/run.json} per run (beside it
 * {@code adapter/} and {@code merged/} when the run saved them) and {@code report/} for the
 * generated report. {@link #merge()} unions shard files into runs.csv.
 * Processes sharing the folder coordinate through {@link FolderLock} ({@value FolderLock#FILE}) and
 * {@link RunClaim} ({@code runs/<run-id>/claim}).
 */
public record ResultsLayout(Path suiteDir) {
    /** A run's provenance file inside its folder. */
    public static final String RUN_JSON = "run.json";
    /** A run's adapter folder inside its folder. */
    public static final String ADAPTER_DIR = "adapter";
    /** A run's merged checkpoint inside its folder. */
    public static final String MERGED_DIR = "merged";
    /** Suffix of a suite's tuning stage: its trials are the suite {@code <name>-tune}, under {@code <out>/<name>-tune/}. */
    public static final String TUNE_SUFFIX = "-tune";

    public static ResultsLayout of(Path outRoot, String suiteName) {
        return new ResultsLayout(outRoot.resolve(suiteName));
    }

    /** The folder of this suite's tuning stage, beside this one ({@code <suite>-tune}); it may not exist. */
    public ResultsLayout tuneStage() {
        return new ResultsLayout(suiteDir.resolveSibling(suiteDir.getFileName() + TUNE_SUFFIX));
    }

    public Path runsCsv() {
        return suiteDir.resolve("runs.csv");
    }

    /** The rows file this process writes: runs.csv, or its shard's own file. */
    public Path runsCsv(int shardIndex, int shardCount) {
        return shardCount <= 1 ? runsCsv() : suiteDir.resolve("runs.shard-" + shardIndex + "-of-" + shardCount + ".csv");
    }

    public Path runJson(String runId) {
        return runDir(runId).resolve(RUN_JSON);
    }

    /** {@code runs/<run-id>/}: a run's own folder. */
    public Path runDir(String runId) {
        return suiteDir.resolve("runs").resolve(runId);
    }

    /** {@code runs/<run-id>/adapter/}: the run's saved adapter (its format is the artifact package's). */
    public Path adapterDir(String runId) {
        return runDir(runId).resolve(ADAPTER_DIR);
    }

    /** {@code runs/<run-id>/merged/}: the run's merged checkpoint, when its settings asked for one. */
    public Path mergedDir(String runId) {
        return runDir(runId).resolve(MERGED_DIR);
    }

    /** The claim of a run being trained by some process ({@link RunClaim}). */
    public Path claim(String runId) {
        return suiteDir.resolve("runs").resolve(runId).resolve("claim");
    }

    public Path reportDir() {
        return suiteDir.resolve("report");
    }

    /** Every rows file in the folder: runs.csv and all shard files. */
    public List<Path> rowFiles() {
        if (!Files.isDirectory(suiteDir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(suiteDir)) {
            return files.filter(p -> p.getFileName().toString().matches("runs(\\.shard-\\d+-of-\\d+)?\\.csv"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + suiteDir, e);
        }
    }

    /**
     * Every recorded run across runs.csv and shard files, one per run id by {@link DuplicateRunIds}'
     * rule (identical copies are one row, a completed row supersedes a failed one, rows that otherwise
     * differ are an error naming both).
     */
    public List<RunRecord> allRuns() {
        List<DuplicateRunIds.Row<RunRecord>> rows = new ArrayList<>();
        for (Path file : rowFiles()) {
            rows.addAll(RunsCsv.rows(file));
        }
        List<RunRecord> out = new ArrayList<>(DuplicateRunIds.resolve(rows));
        out.sort(Comparator.comparing(RunRecord::task).thenComparing(RunRecord::label).thenComparingLong(RunRecord::seed)
                .thenComparing(RunRecord::runId));
        return out;
    }

    /**
     * Records {@code record} (a run's new row, or a relabelled one) in {@code own}, this process's rows
     * file, and in place of its row in every other rows file that holds its id (a merged runs.csv), so
     * that no two files disagree about a run ({@link DuplicateRunIds}). Atomic per file; call it under
     * the folder's {@link FolderLock}.
     */
    public void record(Path own, RunRecord record) throws IOException {
        for (Path file : rowFiles()) {
            if (!file.equals(own)) {
                List<RunRecord> rows = RunsCsv.read(file);
                if (rows.stream().anyMatch(r -> r.runId().equals(record.runId()) && !r.equals(record))) {
                    RunsCsv.write(file, rows.stream().map(r -> r.runId().equals(record.runId()) ? record : r).toList());
                }
            }
        }
        RunsCsv.upsert(own, record);
    }

    /**
     * Writes the union of all rows files to runs.csv (atomically, under the folder's lock) and returns
     * it. A folder without shard files is an error (nothing to merge; nothing is written), and so are
     * rows that disagree ({@link DuplicateRunIds}).
     */
    public List<RunRecord> merge() throws IOException {
        if (rowFiles().stream().noneMatch(f -> !f.equals(runsCsv()))) {
            throw new IllegalArgumentException(suiteDir + ": no shard files (runs.shard-I-of-N.csv) to merge; "
                    + "give the folder that 'run --shard I/N' wrote");
        }
        allRuns(); // rows that disagree are refused before anything (the lock file included) is written
        try (FolderLock lock = FolderLock.acquire(suiteDir)) {
            List<RunRecord> all = allRuns();
            RunsCsv.write(runsCsv(), all);
            return all;
        }
    }
}
