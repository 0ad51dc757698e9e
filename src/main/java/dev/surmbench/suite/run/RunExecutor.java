package dev.surmbench.suite.run;

import dev.surmbench.results.ResultsLayout;
import dev.surmbench.results.RunRecord;
import dev.surmbench.suite.RunSpec;
import dev.surmbench.suite.Suite;

/** Executes one run and returns its row (never throws for a run that fails: it records it as failed). */
public interface RunExecutor {
    RunRecord execute(Suite suite, RunSpec spec, ResultsLayout layout, SuiteRunner.Options options);
}
