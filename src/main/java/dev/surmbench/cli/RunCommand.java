package dev.surmbench.cli;

import dev.surmbench.device.OpenMpWaitPolicy;
import dev.surmbench.suite.DefaultCatalog;
import dev.surmbench.suite.RunFilter;
import dev.surmbench.suite.Suite;
import dev.surmbench.suite.SuiteParser;
import dev.surmbench.suite.run.ConsoleProgress;
import dev.surmbench.suite.run.RunExecutor;
import dev.surmbench.suite.run.SuiteRunner;
import dev.surmbench.suite.run.TrainingRunExecutor;
import dev.surmbench.suite.run.TrialReuse;
import dev.surmbench.train.EngineThreads;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

    @Option(names = "--keep-failures", arity = "0..1", fallbackValue = "true",
            description = "Keep the runs recorded as failed (default: train them again)")
    boolean keepFailures;

    @Option(names = "--retry-failed",
            description = "Also train again the runs recorded as diverged (failed runs are retried by default)")
    boolean retryFailed;

    @Mixin
    DeviceOption device;

    @Mixin
    FilterOptions filters;

    @Spec
    CommandSpec spec;

    @Option(names = "--rerun-changed-data",
            description = "Train again the recorded runs whose data files changed since (default: refuse to go on)")
    boolean rerunChangedData;

    @Option(names = "--retrain-trials", arity = "0..1", fallbackValue = "true",
            description = "Train again the final runs its tuning already trained at the final budget (default: adopt"
                    + " those trials' results: same run id, same settings, seed and data); checks that they reproduce")
    boolean retrainTrials;

    @Mixin
    ThreadsOption threads;

    @Mixin
    JobsOption jobsOption;

    @Override
    public Integer call() throws Exception {
        if (keepFailures && retryFailed) {
            throw new IllegalArgumentException("run: --keep-failures and --retry-failed contradict each other; give one");
        }
        RunFilter filter = filters.filter();
        Suite whole = SuiteParser.parse(suiteFile, new DefaultCatalog());
        whole.tuning().requirePinned(suiteFile); // a tuned suite runs its final stage at pinned rates only
        Suite suite = filter.apply(whole);
        ShardOption share = ShardOption.resolve(shard, System.getenv());
        EngineThreads.Choice cpu = EngineThreads.choose(threads.requested(), jobsOption.count());
        PrintStream log = System.out;
        log.printf("suite %s v%d: %d runs%s%s%n", whole.name(), whole.version(), suite.runs().size(),
                filter.isEmpty() ? "" : " of " + whole.runs().size() + " (" + filter.describe() + ")",
                share.count() > 1 ? ", shard " + share.index() + "/" + share.count() : "");
        OpenMpWaitPolicy.Setting wait = OpenMpWaitPolicy.inEffect();
        log.println(cpu.describe() + (wait == null ? "" : "; " + wait.describe()));
        if (filter.limit() > 0) {
            log.printf("--limit %d: at most %d training and %d evaluation examples per run — these are other runs than "
                    + "the suite's (new ids), recorded under %s, apart from its results%n", filter.limit(), filter.limit(),
                    filter.limit(), out.resolve(suite.name()));
        }
        SuiteRunner.Retry retry = keepFailures ? SuiteRunner.Retry.NONE
                : retryFailed ? SuiteRunner.Retry.FAILED_AND_DIVERGED : SuiteRunner.Retry.FAILED;
        SuiteRunner.Options options = new SuiteRunner.Options(out, share.index(), share.count(), retry, log,
                ConsoleProgress.isInteractive(), rerunChangedData);
        // Bad input (a --device of no known form or one this machine lacks, missing data or backbone found by
        // the preflight, changed data, a damaged runs.csv) is an IllegalArgumentException: Main prints its one
        // line and exits 2, before anything trains.
        Path project = suiteFile.toAbsolutePath().getParent(); // its checkout gives the runs' git commit
        TrainingRunExecutor trainer = new TrainingRunExecutor(project, null, device.value());
        RunExecutor executor = retrainTrials ? trainer : new TrialReuse(trainer);
        if (jobsOption.count() > 1) {
            executor.prepare(suite.runs()); // the preflight once, here, before any worker starts
            return runJobs(suite, share, cpu.perRun(), options);
        }
        EngineThreads.use(cpu.perRun());
        SuiteRunner.Summary summary = new SuiteRunner(options, executor)
                .run(suite);
        if (summary.stoppedBy() != null) {
            log.printf("stopped: %s%n", summary.stoppedBy()); // names the run, the cause and what to do
        }
        log.printf("done: %d runs, %d skipped as already recorded, %d completed, %d diverged, %d failed, "
                + "%d being trained by other processes%s%n", summary.total(), summary.skipped(), summary.completed(),
                summary.diverged(), summary.failed(), summary.elsewhere(), summary.stoppedBy() != null ? ", stopped early" : "");
        return summary.allCompleted() ? 0 : 1;
    }

    /** {@code --jobs N}: N workers, each this command with {@code --jobs 1} and its part of the threads. */
    private int runJobs(Suite suite, ShardOption share, int threadsPerRun, SuiteRunner.Options options)
            throws Exception {
        List<String> own = new ArrayList<>();
        if (retryFailed) {
            own.add("--retry-failed");
        }
        if (keepFailures) {
            own.add("--keep-failures");
        }
        if (rerunChangedData) {
            own.add("--rerun-changed-data");
        }
        if (retrainTrials) {
            own.add("--retrain-trials");
        }
        own.addAll(filters.arguments());
        return Workers.run(jobsOption.count(), Workers.arguments("run", suiteFile, out, threadsPerRun, share, device, own),
                suite, options).exitCode();
    }
}
