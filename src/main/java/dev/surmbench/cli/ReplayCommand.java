package dev.surmbench.cli;

import dev.surmbench.results.ResultsLayout;
import dev.surmbench.results.RunFolder;
import dev.surmbench.results.RunRecord;
import dev.surmbench.suite.RunSpec;
import dev.surmbench.suite.Suite;
import dev.surmbench.suite.run.RecordedRun;
import dev.surmbench.suite.run.SuiteRunner;
import dev.surmbench.suite.run.TrainingRunExecutor;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code surm-bench replay results/<suite>/runs/<id>} (or its run.json): re-runs exactly that run (same
 * resolved configuration and seed) in a scratch folder and prints the metric differences; exit 0
 * when every recorded metric is reproduced bit for bit, 1 otherwise. It runs on the device the run
 * used unless {@code --device} says otherwise (another device class gives close, not identical, numbers).
 */
@Command(name = "replay", mixinStandardHelpOptions = true, description = "Re-run one recorded run (its folder or run.json) and diff the metrics.")
public final class ReplayCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN", description = "a run: its folder results/<suite>/runs/<id> or its run.json")
    Path run;

    @Mixin
    DeviceOption device;

    @Override
    public Integer call() throws Exception {
        QuietNatives.quietEngine();
        Path runJson;
        try {
            runJson = RunFolder.resolve(run).runJson();
        } catch (IllegalArgumentException e) {
            return Main.badInput(spec, "replay", e);
        }
        RecordedRun recorded = RecordedRun.read(runJson);
        RunSpec run = recorded.spec();
        Path scratch = Files.createTempDirectory("surm-replay");
        PrintWriter out = spec.commandLine().getOut();
        Suite suite = new Suite(run.suite(), recorded.suiteVersion(), runJson, "replay", List.of(run));
        SuiteRunner.Options options = new SuiteRunner.Options(scratch, 1, 1, false, System.out, false);
        TrainingRunExecutor executor;
        try {
            executor = new TrainingRunExecutor(Path.of("."), null, device.value() != null ? device.value() : recorded.device());
            executor.prepare(List.of(run));
        } catch (IllegalArgumentException e) { // a --device of no known form, or one this machine lacks
            return Main.badInput(spec, "replay", e);
        }
        RunRecord replayed = executor.execute(suite, run, ResultsLayout.of(scratch, run.suite()), options);
        int differences = diff(out, "best", recorded.metricsBest(), replayed.metricsBest(), "replayed")
                + diff(out, "last", recorded.metricsLast(), replayed.metricsLast(), "replayed");
        out.printf("replayed %s (%s %s seed %d): %s, %d metric difference(s)%n", run.runId(), run.task(), run.label(),
                run.seed(), replayed.status().csvName(), differences);
        out.flush();
        return differences == 0 ? 0 : 1;
    }

    /** Prints each recorded metric beside its new value ({@code verb}: how it was obtained); returns how many differ. */
    static int diff(PrintWriter out, String which, Map<String, Double> recorded, Map<String, Double> now, String verb) {
        int differences = 0;
        for (String metric : new TreeSet<>(recorded == null ? Map.<String, Double>of().keySet() : recorded.keySet())) {
            Number a = recorded.get(metric);
            Double b = now.get(metric);
            boolean same = a != null && b != null && Double.compare(a.doubleValue(), b) == 0;
            out.printf("  %-5s %-22s recorded %-22s %s %-22s %s%n", which, metric, a, verb, b, same ? "same" : "DIFFERENT");
            differences += same ? 0 : 1;
        }
        return differences;
    }
}
