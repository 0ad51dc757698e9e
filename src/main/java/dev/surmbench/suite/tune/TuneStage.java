package dev.surmbench.suite.tune;

import dev.surmbench.results.ResultsLayout;
import dev.surmbench.suite.Suite;
import dev.surmbench.suite.Tuning;
import dev.surmbench.suite.run.RunExecutor;
import dev.surmbench.suite.run.SuiteRunner;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The tuning stage of a suite: its trials run as a suite of their own, {@code <suite>-tune}, into
 * {@code <out>/<suite>-tune/} (so the final stage's folder and report hold only final runs; trials
 * resume, shard and share the activation cache like any run), then {@link Winners} decides each cell
 * from the recorded rows and, once every cell is decided, {@link PinnedFile} writes the file the suite
 * pins. A stopped or partial stage (a shard, a failed trial) writes nothing; running it again trains
 * only the trials without a row.
 */
public final class TuneStage {
    /** Suffix of the trial stage's suite name and folder. */
    public static final String SUFFIX = ResultsLayout.TUNE_SUFFIX;

    /** What a call did: the runner's summary, the decision, and the pinned file written (null: none). */
    public record Result(SuiteRunner.Summary summary, Winners.Decision decision, Path written) {}

    private final SuiteRunner.Options options;
    private final RunExecutor executor;

    public TuneStage(SuiteRunner.Options options, RunExecutor executor) {
        this.options = options;
        this.executor = executor;
    }

    /** The trials of {@code suite} as a suite of their own ({@code <name>-tune}). */
    public static Suite trials(Suite suite) {
        return new Suite(suite.name() + SUFFIX, suite.version(), suite.file(), suite.sha256(),
                suite.tuning().trials().stream().map(Tuning.Trial::spec).toList(), suite.pretrains());
    }

    /**
     * Runs (or resumes) the trials of {@code suite}, read from {@code suiteFile}, and writes its pinned
     * file when every cell is decided.
     *
     * @throws IllegalArgumentException when the suite declares no tuning or pins no file
     */
    public Result run(Suite suite, Path suiteFile) throws IOException {
        return conclude(suite, suiteFile, new SuiteRunner(options, executor).run(trialsOf(suite, suiteFile)));
    }

    /**
     * The trials of a suite that declares a tuning and pins its winners (what {@code tune --jobs} hands
     * its workers).
     *
     * @throws IllegalArgumentException when the suite declares no tuning or pins no file
     */
    public static Suite trialsOf(Suite suite, Path suiteFile) {
        Tuning tuning = suite.tuning();
        if (!tuning.declared()) {
            throw new IllegalArgumentException(suiteFile + " declares no 'tune:' section; add one (docs/tuning.md)");
        }
        if (tuning.pinned() == null) {
            throw new IllegalArgumentException(suiteFile + " names no pinned file for the winners; add e.g. 'pinned: pinned/"
                    + suite.name() + ".tuned.yaml'");
        }
        return trials(suite);
    }

    /**
     * After the trials ran (here, or in {@code tune --jobs} workers, summed in {@code summary}): the
     * decision from every recorded trial row, and the pinned file when every cell is decided.
     */
    public Result conclude(Suite suite, Path suiteFile, SuiteRunner.Summary summary) throws IOException {
        Tuning tuning = suite.tuning();
        Winners.Decision decision = Winners.choose(tuning,
                ResultsLayout.of(options.outRoot(), trials(suite).name()).allRuns());
        Path written = null;
        if (summary.stoppedBy() == null && decision.undecided().isEmpty()) {
            PinnedFile.write(tuning.pinned(), suite, suiteFile, tuning, decision.winners());
            written = tuning.pinned();
        }
        return new Result(summary, decision, written);
    }
}
