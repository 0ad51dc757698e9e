package dev.surmbench.cli;

import dev.surmbench.peft.MethodRegistry;
import dev.surmbench.peft.OptionSpec;
import dev.surmbench.peft.PeftMethod;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code surm-bench list}: every method with a one-line description and its options. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List every PEFT method and its options.")
public final class ListCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        for (PeftMethod method : MethodRegistry.all()) {
            out.printf("%-18s %s%n", method.name(), method.description());
            for (OptionSpec<?> option : method.options()) {
                out.printf("    %-10s (default %s) %s%n", option.name(), option.defaultText(), option.description());
            }
        }
        out.flush();
        return 0;
    }
}
