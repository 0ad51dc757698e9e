package dev.surmbench.cli;

import dev.surmbench.model.Architecture;
import dev.surmbench.model.LayerSelection;
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

    @Option(names = "--adapt-layers", defaultValue = "all", paramLabel = "LAYERS",
            description = "Encoder layers adapted, as the suite setting adapt_layers: all, top-N or indices like 4,5 (default: ${DEFAULT-VALUE}).")
    String adaptLayers;

    @Override
    public Integer call() {
        Architecture architecture = Architecture.named(arch);
        LayerSelection selection;
        try {
            selection = LayerSelection.parse(adaptLayers);
            selection.resolve(architecture.layers());
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return Main.EXIT_BAD_INPUT;
        }
        AdaptationSites sites = architecture.sites(0, selection);
        long backbone = architecture.sites().baseParameters();
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "architecture %s: %d layers, hidden %d, FFN %d; backbone %,d parameters; targets %s%s%n",
                architecture.name(), architecture.layers(), architecture.hidden(), architecture.intermediate(),
                backbone, String.join(",", targets),
                selection.isAll() ? "" : "; adapting " + selection.describe(architecture.layers()) + " only");
        out.printf(Locale.ROOT, "%-18s %12s %12s %10s  %s%n", "method", "stored", "effective", "% backbone", "options");
        for (PeftMethod method : MethodRegistry.all()) {
            MethodConfig config = method.defaults();
            if (config instanceof UpdateMethodConfig) {
                config = method.parse(Map.of("targets", targets));
            }
            ParameterCount count = config.count(sites);
            out.printf(Locale.ROOT, "%-18s %12d %12d %10.4f  %s%n", method.name(), count.stored(), count.effective(),
                    100.0 * count.stored() / backbone, describe(config));
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
