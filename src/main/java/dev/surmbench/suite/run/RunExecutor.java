package dev.surmbench.suite.run;

import dev.surmbench.results.ResultsLayout;
import dev.surmbench.results.RunRecord;
import dev.surmbench.suite.RunSpec;
import dev.surmbench.suite.Suite;
import java.util.List;

/** Executes one run and returns its row (never throws for a run that fails: it records it as failed). */
public interface RunExecutor {
    RunRecord execute(Suite suite, RunSpec spec, ResultsLayout layout, SuiteRunner.Options options);

    /**
     * Called once with the runs about to execute, before the first: throws (an {@link
     * IllegalArgumentException}, bad input) when they cannot execute here, e.g. on a device this
     * machine lacks, so nothing trains. Does nothing by default.
     */
    default void prepare(List<RunSpec> pending) {}
}
