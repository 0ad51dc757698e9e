package dev.surmbench.suite.tune;

import dev.surmbench.results.ResultsLayout;
import dev.surmbench.results.RunRecord;
import dev.surmbench.suite.RunFilter;
import dev.surmbench.suite.RunSpec;
import dev.surmbench.suite.Suite;
import dev.surmbench.suite.Tuning;
import dev.surmbench.suite.run.RunExecutor;
import dev.surmbench.suite.run.SuiteRunner;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The tuning stage of a suite: its trials run as a suite of their own, {@code <suite>-tune}, into
 * {@code <out>/<suite>-tune/} (so the final stage's folder and report hold only final runs; trials
 * resume, shard and share the activation cache like any run), then {@link Winners} decides each cell
 * from the recorded rows; a cell whose winner is at its grid's edge is extended once ({@link
 * GridExtension}: one more rate past the edge, its trials run the same way) and decided again; once
 * every cell is decided, {@link PinnedFile} writes the file the suite pins. A stopped or partial stage
 * (a shard, a failed trial) writes nothing; running it again trains only the trials without a row.
 * {@link #only} tunes a selection of the cells ({@code tune --task T --method M}): the pinned file then
 * keeps the other cells' entries as they were.
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
     * {@code suite} with its tuning restricted to the cells that have a trial {@code filter} keeps (by
     * task, and method name or label); the suite itself unchanged when the filter is empty.
     *
     * @throws IllegalArgumentException when the filter names what the suite does not have, keeps no
     *     trial, or selects seeds or a limit (a cell is decided on all its trial seeds, at its own budget)
     */
    public static Suite only(Suite suite, RunFilter filter) {
        if (filter.isEmpty()) {
            return suite;
        }
        if (!filter.seeds().isEmpty() || filter.limit() > 0) {
            throw new IllegalArgumentException("tune selects cells with --task and --method; the trial seeds are the suite's"
                    + " 'tune.seeds' and a limit would change the trials — drop --seed and --limit");
        }
        Set<String> kept = filter.apply(trials(suite)).runs().stream().map(RunSpec::runId).collect(Collectors.toSet());
        Tuning t = suite.tuning();
        List<Tuning.Trial> trials = t.trials().stream().filter(x -> kept.contains(x.spec().runId())).toList();
        Set<String> cells = trials.stream().map(x -> x.task() + "/" + x.method()).collect(Collectors.toSet());
        Tuning restricted = new Tuning(t.seeds(), t.ranking(), t.pinned(),
                t.cells().stream().filter(c -> cells.contains(c.name())).toList(), trials);
        return new Suite(suite.name(), suite.version(), suite.file(), suite.sha256(), suite.runs(), suite.pretrains(), restricted);
    }

    /** The cells of {@code whole} that {@code selected} (its {@link #only}) leaves out, as "task/method". */
    public static Set<String> cellsLeftOut(Suite whole, Suite selected) {
        Set<String> out = new HashSet<>();
        whole.tuning().cells().forEach(c -> out.add(c.name()));
        selected.tuning().cells().forEach(c -> out.remove(c.name()));
        return out;
    }

    /**
     * Runs (or resumes) the trials of {@code suite}, read from {@code suiteFile}, and writes its pinned
     * file when every cell is decided.
     *
     * @throws IllegalArgumentException when the suite declares no tuning or pins no file
     */
    public Result run(Suite suite, Path suiteFile) throws IOException {
        return conclude(suite, suiteFile, runTrials(suite, suiteFile), Set.of());
    }

    /**
     * Runs (or resumes) the trials of {@code suite}, then the grid extensions their recorded rows call
     * for (what {@code tune} does in one process, and each {@code tune --jobs} worker): the summary of both.
     */
    public SuiteRunner.Summary runTrials(Suite suite, Path suiteFile) throws IOException {
        SuiteRunner runner = new SuiteRunner(options, executor);
        SuiteRunner.Summary base = runner.run(trialsOf(suite, suiteFile));
        Suite more = extensionTrials(suite);
        return base.stoppedBy() != null || more.runs().isEmpty() ? base : base.plus(runner.run(more));
    }

    /**
     * The extension trials the recorded rows call for now (a suite {@code <name>-tune}, possibly without
     * runs): one rate past the edge for each cell decided at its grid's edge. Cells not yet decided (a
     * trial without a row: another worker's or shard's) are not extended yet.
     */
    public Suite extensionTrials(Suite suite) {
        return extensionTrials(suite, trialRows(suite));
    }

    private Suite extensionTrials(Suite suite, List<RunRecord> rows) {
        Tuning base = suite.tuning();
        Tuning extended = GridExtension.extend(base, Winners.choose(base, rows));
        Suite trials = trials(suite);
        return new Suite(trials.name(), trials.version(), trials.file(), trials.sha256(),
                GridExtension.added(base, extended).stream().map(Tuning.Trial::spec).toList(), trials.pretrains());
    }

    /** The extension trials the recorded rows call for that have no row yet (what a second round of workers trains). */
    public Suite pendingExtensions(Suite suite) {
        List<RunRecord> rows = trialRows(suite);
        Suite more = extensionTrials(suite, rows);
        Set<String> recorded = new HashSet<>();
        rows.forEach(r -> recorded.add(r.runId()));
        return new Suite(more.name(), more.version(), more.file(), more.sha256(),
                more.runs().stream().filter(r -> !recorded.contains(r.runId())).toList(), more.pretrains());
    }

    /** Every recorded trial row of {@code suite}. */
    private List<RunRecord> trialRows(Suite suite) {
        return ResultsLayout.of(options.outRoot(), trials(suite).name()).allRuns();
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
     * decision from every recorded trial row, and the pinned file when every cell is decided — with the
     * existing file's entries of the cells in {@code keep} (the cells {@link #only} left out) as they were.
     */
    public Result conclude(Suite suite, Path suiteFile, SuiteRunner.Summary summary, Set<String> keep) throws IOException {
        List<RunRecord> rows = trialRows(suite);
        Tuning tuning = GridExtension.extend(suite.tuning(), Winners.choose(suite.tuning(), rows));
        Winners.Decision decision = Winners.choose(tuning, rows);
        Path written = null;
        if (summary.stoppedBy() == null && decision.undecided().isEmpty()) {
            PinnedFile.write(tuning.pinned(), suite, suiteFile, tuning, decision.winners(), keep);
            written = tuning.pinned();
        }
        return new Result(summary, decision, written);
    }
}
