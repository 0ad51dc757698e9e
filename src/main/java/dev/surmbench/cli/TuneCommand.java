package dev.surmbench.cli;

import dev.surmbench.suite.DefaultCatalog;
import dev.surmbench.suite.RunFilter;
import dev.surmbench.suite.Suite;
import dev.surmbench.suite.SuiteParser;
import dev.surmbench.suite.run.ConsoleProgress;
import dev.surmbench.suite.run.JobPool;
import dev.surmbench.suite.run.SuiteRunner;
import dev.surmbench.suite.run.TrainingRunExecutor;
import dev.surmbench.suite.tune.PinnedFile;
import dev.surmbench.suite.tune.TuneStage;
import dev.surmbench.suite.tune.Winners;
import dev.surmbench.train.EngineThreads;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code surm-bench tune SUITE [--task T] [--method M]}: runs (or resumes) the suite's learning-rate
 * trials — of the selected cells, or all — into {@code OUT/<suite>-tune/} and writes the winners to the
 * file the suite pins (keeping the entries of cells not selected); exit 1 while a cell is undecided (a
 * failed or missing trial).
 */
@Command(name = "tune", mixinStandardHelpOptions = true,
        description = "Run a suite's tuning trials (resumable) and write the winning learning rates to the file it pins.")
public final class TuneCommand implements Callable<Integer> {
    @Parameters(index = "0", description = "Suite file with a 'tune:' section, e.g. suites/glue.yaml")
    Path suiteFile;

    @Option(names = "--out", defaultValue = "results", description = "Results root (default: ${DEFAULT-VALUE}); trials go to OUT/<suite>-tune/")
    Path out;

    @Option(names = "--shard", description = "Run only share i of n of the trials (1-based), e.g. 2/4; default from JOB_COMPLETION_INDEX or SLURM_ARRAY_TASK_ID")
    String shard;

    @Option(names = "--retry-failed", description = "Run again the trials recorded as failed or diverged")
    boolean retryFailed;

    @Option(names = "--rerun-changed-data",
            description = "Train again the recorded trials whose data files changed since (default: refuse to go on)")
    boolean rerunChangedData;

    @Mixin
    DeviceOption device;

    @Mixin
    ThreadsOption threads;

    @Mixin
    JobsOption jobsOption;

    @Mixin
    FilterOptions filters;

    /** A worker of {@code --jobs}: trains trials only; the parent decides and pins once all are recorded. */
    @Option(names = "--trials-only", hidden = true)
    boolean trialsOnly;

    @Override
    public Integer call() throws Exception {
        Suite whole = SuiteParser.parse(suiteFile, new DefaultCatalog());
        TuneStage.trialsOf(whole, suiteFile); // a suite without tuning or pinned file is refused before anything else
        RunFilter filter = filters.filter();
        Suite suite = TuneStage.only(whole, filter);
        Set<String> keep = TuneStage.cellsLeftOut(whole, suite);
        ShardOption share = ShardOption.resolve(shard, System.getenv());
        PrintStream log = System.out;
        log.printf("suite %s v%d: tuning %d cells%s with %d trials%s%n", suite.name(), suite.version(),
                suite.tuning().cells().size(), filter.isEmpty() ? ""
                        : " of " + whole.tuning().cells().size() + " (" + filter.describe() + ")",
                suite.tuning().trials().size(),
                share.count() > 1 ? ", shard " + share.index() + "/" + share.count() : "");
        SuiteRunner.Options options = new SuiteRunner.Options(out, share.index(), share.count(), retryFailed, log,
                ConsoleProgress.isInteractive(), rerunChangedData);
        EngineThreads.Choice cpu = EngineThreads.choose(threads.requested(), jobsOption.count());
        log.println(cpu.describe());
        Suite trials = TuneStage.trialsOf(suite, suiteFile);
        TrainingRunExecutor executor = new TrainingRunExecutor(suiteFile.toAbsolutePath().getParent(), null, device.value());
        TuneStage stage = new TuneStage(options, executor);
        if (trialsOnly || jobsOption.count() == 1) {
            EngineThreads.use(cpu.perRun());
        }
        if (trialsOnly) {
            SuiteRunner.Summary summary = stage.runTrials(suite, suiteFile);
            return summary.allCompleted() ? 0 : 1;
        }
        TuneStage.Result result;
        if (jobsOption.count() > 1) {
            executor.prepare(trials.runs()); // the preflight once, here, before any worker starts
            List<String> own = new ArrayList<>(List.of("--trials-only"));
            own.addAll(filters.arguments());
            if (retryFailed) {
                own.add("--retry-failed");
            }
            if (rerunChangedData) {
                own.add("--rerun-changed-data");
            }
            List<String> arguments = Workers.arguments("tune", suiteFile, out, cpu.perRun(), share, device, own);
            JobPool.Outcome outcome = Workers.run(jobsOption.count(), arguments, trials, options);
            if (outcome.exitCode() == Main.EXIT_BAD_INPUT) {
                return Main.EXIT_BAD_INPUT;
            }
            SuiteRunner.Summary summary = outcome.summary();
            // Workers extend edge cells as soon as they see them decided; a cell decided by the last
            // trial of another worker, or an extension trial a worker did not finish, needs a second round.
            Suite pending = stage.pendingExtensions(suite);
            if (summary.stoppedBy() == null && !pending.runs().isEmpty()) {
                log.printf("%d grid-extension trials left: a second round of workers%n", pending.runs().size());
                JobPool.Outcome again = Workers.run(jobsOption.count(), arguments, pending, options);
                if (again.exitCode() == Main.EXIT_BAD_INPUT) {
                    return Main.EXIT_BAD_INPUT;
                }
                summary = summary.plus(again.summary());
            }
            result = stage.conclude(suite, suiteFile, summary, keep);
        } else {
            result = stage.conclude(suite, suiteFile, stage.runTrials(suite, suiteFile), keep);
        }
        for (Winners.Winner w : result.decision().winners()) {
            log.printf("%s: learning_rate %s%s%n", w.cell().name(), PinnedFile.number(w.learningRate()),
                    w.edge() ? " (at the edge of the grid, extended once: the best rate may lie further out)" : "");
        }
        result.decision().undecided().forEach(u -> log.printf("undecided: %s%n", u));
        if (result.written() != null) {
            log.printf("wrote %s; `surm-bench run %s` runs the final stage at these rates%n", result.written(), suiteFile);
            return 0;
        }
        log.printf("no pinned file written: %s%n", result.summary().stoppedBy() != null ? "stopped early, run tune again"
                : "every trial needs a row (other shards, failed trials: --retry-failed)");
        return 1;
    }
}
