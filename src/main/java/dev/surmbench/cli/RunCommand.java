package dev.surmbench.cli;

import dev.surmbench.suite.DefaultCatalog;
import dev.surmbench.suite.Suite;
import dev.surmbench.suite.SuiteParser;
import dev.surmbench.suite.run.ConsoleProgress;
import dev.surmbench.suite.run.SuiteRunner;
import dev.surmbench.suite.run.TrainingRunExecutor;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code surm-bench run SUITE}: runs (or resumes) a suite; exit 1 when any run failed or diverged. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a suite; finished runs are skipped (resume). Results under OUT/<suite>/.")
public final class RunCommand implements Callable<Integer> {
    @Parameters(index = "0", description = "Suite file, e.g. suites/glue.yaml")
    Path suiteFile;

    @Option(names = "--out", defaultValue = "results", description = "Results root (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--shard", description = "Run only share i of n (1-based), e.g. 2/4; default from JOB_COMPLETION_INDEX or SLURM_ARRAY_TASK_ID")
    String shard;

    @Option(names = "--retry-failed", description = "Run again the runs recorded as failed or diverged")
    boolean retryFailed;

    @Mixin
    DeviceOption device;

    @Spec
    CommandSpec spec;

    @Option(names = "--rerun-changed-data",
            description = "Train again the recorded runs whose data files changed since (default: refuse to go on)")
    boolean rerunChangedData;

    @Override
    public Integer call() throws Exception {
        Suite suite = SuiteParser.parse(suiteFile, new DefaultCatalog());
        suite.tuning().requirePinned(suiteFile); // a tuned suite runs its final stage at pinned rates only
        ShardOption share = ShardOption.resolve(shard, System.getenv());
        PrintStream log = System.out;
        log.printf("suite %s v%d: %d runs%s%n", suite.name(), suite.version(), suite.runs().size(),
                share.count() > 1 ? ", shard " + share.index() + "/" + share.count() : "");
        SuiteRunner.Options options = new SuiteRunner.Options(out, share.index(), share.count(), retryFailed, log,
                ConsoleProgress.isInteractive(), rerunChangedData);
        // Bad input (a --device of no known form or one this machine lacks, changed data, a damaged runs.csv)
        // is an IllegalArgumentException: Main prints its one line and exits 2.
        SuiteRunner.Summary summary = new SuiteRunner(options, new TrainingRunExecutor(Path.of("."), null, device.value()))
                .run(suite);
        if (summary.stoppedBy() != null) {
            log.printf("stopped: %s. The run is recorded as failed; the JVM is not trusted with more runs after "
                    + "this error. Run the suite again to go on (with more memory: -Xmx, or a smaller batch_size)%n",
                    summary.stoppedBy());
        }
        log.printf("done: %d runs, %d skipped as already recorded, %d completed, %d diverged, %d failed, "
                + "%d being trained by other processes%s%n", summary.total(), summary.skipped(), summary.completed(),
                summary.diverged(), summary.failed(), summary.elsewhere(), summary.stoppedBy() != null ? ", stopped early" : "");
        return summary.allCompleted() ? 0 : 1;
    }
}
