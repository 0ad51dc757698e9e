package dev.surmbench.cli;

import dev.surmbench.model.WeightLoadException;
import dev.surmbench.suite.run.RunEvaluator;
import dev.surmbench.results.RunFolder;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code surm-bench eval results/<suite>/runs/<id>} (or its run.json, or {@code --run DIR}) or {@code eval --adapter DIR [--backbone
 * SRC] [--task T]}: rebuilds the run's model, loads the saved adapter and scores the task's
 * evaluation examples ({@link RunEvaluator}). Exit 0 when the recorded best metrics are reproduced
 * exactly (or none apply), 1 when one differs, 2 on bad input (a missing, truncated or altered
 * adapter, a wrong backbone or task).
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Score a saved adapter on its task's evaluation examples and compare with the recorded best metrics."})
public final class EvalCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "RUN",
            description = "a run: its folder results/<suite>/runs/<id> (holding adapter/) or its run.json")
    Path run;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Target target;

    static final class Target {
        @Option(names = "--run", paramLabel = "RUN", description = "the same as the RUN parameter (older form)")
        Path run;

        @Option(names = "--adapter", paramLabel = "DIR", description = "an adapter folder (adapter.json + adapter.safetensors)")
        Path adapter;
    }

    @Option(names = "--backbone", paramLabel = "SRC",
            description = "backbone source (default: the one recorded; its weights must be the ones trained on)")
    String backbone;

    @Option(names = "--task", paramLabel = "TASK", description = "task to score (default: the run's)")
    String task;

    @Override
    public Integer call() {
        QuietNatives.quietEngine();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            Path runGiven = run != null ? run : target != null ? target.run : null;
            Path adapter = target != null ? target.adapter : null;
            if ((runGiven == null) == (adapter == null) || (run != null && target != null)) {
                err.println("eval: name one run (RUN, a run folder or its run.json) or one --adapter DIR");
                err.flush();
                return Main.EXIT_BAD_INPUT;
            }
            if (runGiven != null && (backbone != null || task != null)) {
                err.println("eval: --backbone and --task go with --adapter; --run evaluates the run as recorded");
                err.flush();
                return Main.EXIT_BAD_INPUT;
            }
            RunEvaluator evaluator = new RunEvaluator();
            RunEvaluator.Evaluation e = runGiven != null ? evaluator.evaluateRun(RunFolder.resolve(runGiven).dir())
                    : evaluator.evaluate(adapter, backbone, task);
            out.printf("eval %s (%s %s seed %d, best epoch %d) on %s:%n", e.manifest().runId(), e.manifest().task(),
                    e.manifest().label(), e.manifest().recipe().seed(), e.manifest().bestEpoch(), e.task());
            int differences = 0;
            if (e.recorded().isEmpty()) {
                e.metrics().forEach((name, value) -> out.printf("  %-22s %s%n", name, value));
            } else {
                differences = ReplayCommand.diff(out, "best", e.recorded(), e.metrics(), "evaluated");
                out.printf("%d metric difference(s) from the recorded best epoch%n", differences);
            }
            out.flush();
            return differences == 0 ? 0 : 1;
        } catch (IllegalArgumentException | WeightLoadException | UncheckedIOException e) {
            return Main.badInput(spec, "eval", e);
        }
    }
}
