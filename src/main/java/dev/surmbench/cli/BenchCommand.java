package dev.surmbench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.surmbench.bench.TrainStepBench;
import dev.surmbench.bench.TrainStepResult;
import dev.surmbench.bench.TrainStepSpec;
import dev.surmbench.model.Pooling;
import dev.surmbench.model.WeightLoadException;
import dev.surmbench.train.EngineThreads;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code surm-bench bench …}: speed checks to run before a suite. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Speed checks to run before a suite.",
        subcommands = BenchCommand.TrainStep.class)
public final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return Main.EXIT_BAD_INPUT;
    }

    /** {@code bench train-step}: the real trainer's step on random tokens, one line or JSON. */
    @Command(name = "train-step", mixinStandardHelpOptions = true,
            description = "Time the real training step (forward, backward, clipping, AdamW) on random tokens.")
    public static final class TrainStep implements Callable<Integer> {
        @Option(names = "--backbone", defaultValue = "embedded:all-minilm-l6-v2", paramLabel = "SRC",
                description = "backbone source (default: ${DEFAULT-VALUE})")
        String backbone;

        @Option(names = "--method", required = true, paramLabel = "M", description = "method name (see `list`)")
        String method;

        @Option(names = "--option", paramLabel = "K=V", description = "method option, repeatable, e.g. --option rank=16")
        Map<String, String> options = new LinkedHashMap<>();

        @Option(names = "--batch", defaultValue = "32", description = "examples per step (default: ${DEFAULT-VALUE})")
        int batch;

        @Option(names = "--seq", defaultValue = "128", description = "tokens per example, all real (default: ${DEFAULT-VALUE})")
        int seq;

        @Option(names = "--layers", defaultValue = "0", description = "encoder layers kept, 0 = all (default: ${DEFAULT-VALUE})")
        int layers;

        @Option(names = "--dropout", defaultValue = "-1", description = "dropout, negative = the checkpoint's own (default: ${DEFAULT-VALUE})")
        double dropout;

        @Option(names = "--pooling", defaultValue = "cls", description = "head pooling: cls or mean (default: ${DEFAULT-VALUE})")
        String pooling;

        @Option(names = "--steps", defaultValue = "20", description = "timed steps (default: ${DEFAULT-VALUE})")
        int steps;

        @Option(names = "--warmup", defaultValue = "2", description = "untimed steps first (default: ${DEFAULT-VALUE})")
        int warmup;

        @Option(names = "--eval-batches", defaultValue = "3",
                description = "forward-only batches timed after training (default: ${DEFAULT-VALUE})")
        int evalBatches;

        @Option(names = "--seed", defaultValue = "0", description = "seed of head, method init, tokens (default: ${DEFAULT-VALUE})")
        long seed;

        @Option(names = "--profile", paramLabel = "FILE",
                description = "write PyTorch's profiler trace of the timed steps (Chrome trace JSON) to FILE")
        java.nio.file.Path profile;

        @Option(names = "--json", description = "print one JSON object (with every step time) instead of one line")
        boolean json;

        @Mixin
        ThreadsOption threads;

        @Mixin
        DeviceOption device;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            TrainStepResult r;
            try {
                EngineThreads.use(EngineThreads.choose(threads.requested(), 1).perRun());
                TrainStepSpec s = new TrainStepSpec(backbone, method, new LinkedHashMap<>(options), batch, seq, layers,
                        dropout, Pooling.fromName(pooling), steps, warmup, evalBatches, seed);
                r = TrainStepBench.run(s, profile, device.resolve("cpu"));
            } catch (IllegalArgumentException
                     | WeightLoadException e) {
                spec.commandLine().getErr().println(e.getMessage());
                return Main.EXIT_BAD_INPUT;
            }
            if (json) {
                out.println(new ObjectMapper().writeValueAsString(toJson(r)));
            } else {
                out.printf("%s\tbackbone=%s\tlayers=%d\tdropout=%s\tB=%d\tL=%d\tstep_s=%.4f\ttokens_per_s=%.0f"
                                + "\teval_examples_per_s=%.1f\ttrain_examples_per_s=%.1f\tdrift=%.3f\tpeak_rss_mb=%.0f\tthreads=%d%n",
                        method, backbone, layers, dropout, batch, seq, r.medianStepSeconds(), r.tokensPerSecond(),
                        r.evalExamplesPerSecond(), r.examplesPerSecond(), r.drift(), r.peakResidentMb(), r.threads());
            }
            out.flush();
            return 0;
        }

        private static Map<String, Object> toJson(TrainStepResult r) {
            Map<String, Object> m = new LinkedHashMap<>();
            TrainStepSpec s = r.spec();
            m.put("method", s.method());
            m.put("options", s.options());
            m.put("backbone", s.backbone());
            m.put("layers", s.layers());
            m.put("dropout", s.dropout());
            m.put("pooling", s.pooling().name().toLowerCase(java.util.Locale.ROOT));
            m.put("batch", s.batch());
            m.put("seq", s.sequence());
            m.put("median_step_s", r.medianStepSeconds());
            m.put("tokens_per_s", r.tokensPerSecond());
            m.put("train_examples_per_s", r.examplesPerSecond());
            m.put("eval_examples_per_s", r.evalExamplesPerSecond());
            m.put("drift", r.drift());
            m.put("peak_rss_mb", r.peakResidentMb());
            m.put("threads", r.threads());
            m.put("step_s", r.stepSeconds());
            m.put("eval_batch_s", r.evalSeconds());
            return m;
        }
    }
}
