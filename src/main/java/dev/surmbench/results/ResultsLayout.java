package dev.surmbench.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    public static ResultsLayout of(Path outRoot, String suiteName) {
        return new ResultsLayout(outRoot.resolve(suiteName));
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

    /** Every recorded run across runs.csv and shard files; per run id a completed row wins, then the latest. */
    public List<RunRecord> allRuns() {
        Map<String, RunRecord> byId = new LinkedHashMap<>();
        for (Path file : rowFiles()) {
            for (RunRecord r : RunsCsv.read(file)) {
                byId.merge(r.runId(), r, ResultsLayout::preferred);
            }
        }
        List<RunRecord> out = new ArrayList<>(byId.values());
        out.sort(Comparator.comparing(RunRecord::task).thenComparing(RunRecord::label).thenComparingLong(RunRecord::seed)
                .thenComparing(RunRecord::runId));
        return out;
    }

    /** Writes the union of all rows files to runs.csv (atomically, under the folder's lock) and returns it. */
    public List<RunRecord> merge() throws IOException {
        try (FolderLock lock = FolderLock.acquire(suiteDir)) {
            List<RunRecord> all = allRuns();
            RunsCsv.write(runsCsv(), all);
            return all;
        }
    }

    private static RunRecord preferred(RunRecord a, RunRecord b) {
        if (a.completed() != b.completed()) {
            return a.completed() ? a : b;
        }
        return a.finishedAt().compareTo(b.finishedAt()) >= 0 ? a : b;
    }
}
