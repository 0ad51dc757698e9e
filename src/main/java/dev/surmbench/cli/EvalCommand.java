package dev.surmbench.cli;

import dev.surmbench.model.WeightLoadException;
import dev.surmbench.suite.run.RunEvaluator;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code surm-bench eval --run results/<suite>/runs/<id>} or {@code eval --adapter DIR [--backbone
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

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    static final class Target {
        @Option(names = "--run", paramLabel = "RUN_DIR", description = "a run folder results/<suite>/runs/<id> holding adapter/")
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
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            if (target.run != null && (backbone != null || task != null)) {
                err.println("eval: --backbone and --task go with --adapter; --run evaluates the run as recorded");
                err.flush();
                return Main.EXIT_BAD_INPUT;
            }
            RunEvaluator evaluator = new RunEvaluator();
            RunEvaluator.Evaluation e = target.run != null ? evaluator.evaluateRun(target.run)
                    : evaluator.evaluate(target.adapter, backbone, task);
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
