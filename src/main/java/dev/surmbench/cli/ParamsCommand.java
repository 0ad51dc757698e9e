package dev.surmbench.cli;

import dev.surmbench.model.Architecture;
import dev.surmbench.peft.AdaptationSites;
import dev.surmbench.peft.MethodConfig;
import dev.surmbench.peft.MethodRegistry;
import dev.surmbench.peft.ParameterCount;
import dev.surmbench.peft.PeftMethod;
import dev.surmbench.peft.UpdateMethodConfig;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code surm-bench params --arch bert-base --targets query,value}: every method's trainable
 * parameters on a known architecture, from the analytic formulas (no weights are loaded). The task
 * head is a separate line: every method trains it.
 */
@Command(name = "params", mixinStandardHelpOptions = true,
        description = "Trainable parameters of every method on an architecture (adapter parameters only; head stated separately).")
public final class ParamsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--arch", defaultValue = "bert-base", description = "Architecture: ${COMPLETION-CANDIDATES}",
            completionCandidates = ArchitectureNames.class)
    String arch;

    @Option(names = "--targets", split = ",", defaultValue = "query,value",
            description = "Target modules for LoRA-style methods (default: ${DEFAULT-VALUE}).")
    List<String> targets;

    @Option(names = "--labels", defaultValue = "2", description = "Classes of the task head (default: ${DEFAULT-VALUE}).")
    int labels;

    @Override
    public Integer call() {
        Architecture architecture = Architecture.named(arch);
        AdaptationSites sites = architecture.sites();
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "architecture %s: %d layers, hidden %d, FFN %d; backbone %,d parameters; targets %s%n",
                architecture.name(), architecture.layers(), architecture.hidden(), architecture.intermediate(),
                sites.baseParameters(), String.join(",", targets));
        out.printf(Locale.ROOT, "%-18s %12s %12s %10s  %s%n", "method", "stored", "effective", "% backbone", "options");
        for (PeftMethod method : MethodRegistry.all()) {
            MethodConfig config = method.defaults();
            if (config instanceof UpdateMethodConfig) {
                config = method.parse(Map.of("targets", targets));
            }
            ParameterCount count = config.count(sites);
            out.printf(Locale.ROOT, "%-18s %12d %12d %10.4f  %s%n", method.name(), count.stored(), count.effective(),
                    100.0 * count.stored() / sites.baseParameters(), describe(config));
        }
        out.printf(Locale.ROOT, "task head (%s, %d labels): %d parameters, trained by every method and not counted above%n",
                String.join(" + ", architecture.headPrefixes()), labels, architecture.headParameters(labels));
        out.println("adapters: LayerNorms stay frozen and are not counted");
        out.flush();
        return 0;
    }

    private static String describe(MethodConfig config) {
        StringBuilder text = new StringBuilder();
        config.options().forEach((k, v) -> {
            if (!k.equals("targets")) {
                text.append(text.length() == 0 ? "" : " ").append(k).append('=').append(v);
            }
        });
        return text.toString();
    }

    /** Completion candidates for {@code --arch}. */
    static final class ArchitectureNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Architecture.names().iterator();
        }
    }
}
