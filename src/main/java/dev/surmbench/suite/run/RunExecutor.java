package dev.surmbench.suite.run;

import dev.surmbench.results.ResultsLayout;
import dev.surmbench.results.RunRecord;
import dev.surmbench.suite.RunSpec;
import dev.surmbench.suite.Suite;
import java.util.List;
import java.util.Map;

/**
 * Executes one run and returns its row. A run that fails is recorded as failed, not thrown — except
 * one that leaves the JVM unfit to go on, which is recorded and then thrown as {@link
 * RunStoppedException}.
 */
public interface RunExecutor {
    RunRecord execute(Suite suite, RunSpec spec, ResultsLayout layout, SuiteRunner.Options options);

    /**
     * Called once with the runs about to execute, before the first: throws (an {@link
     * IllegalArgumentException}, bad input) when they cannot execute here, e.g. on a device this
     * machine lacks, so nothing trains. Does nothing by default.
     */
    default void prepare(List<RunSpec> pending) {}

    /**
     * The SHA-256 of each dataset file {@code spec} reads that is present now, named as run.json's
     * {@code provenance.dataset_sha256} names them; resume compares the two. None by default.
     */
    default Map<String, String> currentDatasetSha(RunSpec spec) {
        return Map.of();
    }
}
