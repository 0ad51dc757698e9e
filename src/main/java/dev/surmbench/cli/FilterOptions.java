package dev.surmbench.cli;

import dev.surmbench.suite.RunFilter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --task T --method M --seed S --limit N}: which of a suite's runs a command takes (a picocli
 * mixin of {@code run} and {@code validate}); each option repeats or takes a comma list, and an empty
 * value selects nothing (so a Maven property left empty passes through). See {@link RunFilter}.
 */
public final class FilterOptions {
    @Option(names = {"--task", "--tasks"}, paramLabel = "TASK", description = "only these tasks (repeat or comma list)")
    List<String> tasks = new ArrayList<>();

    @Option(names = {"--method", "--methods"}, paramLabel = "METHOD",
            description = "only these methods, by method name or row label (repeat or comma list)")
    List<String> methods = new ArrayList<>();

    @Option(names = {"--seed", "--seeds"}, paramLabel = "SEED", description = "only these seeds (repeat or comma list)")
    List<String> seeds = new ArrayList<>();

    @Option(names = "--limit", paramLabel = "N",
            description = "at most N training and N evaluation examples per run: different runs (new ids), recorded "
                    + "under OUT/<suite>-limit<N>/ apart from the suite's results")
    String limit;

    /** The filter given (bad numbers are bad input). */
    public RunFilter filter() {
        return RunFilter.parse(tasks, methods, seeds, limit);
    }

    /** The same filter as command-line arguments, for a worker process of {@code run --jobs}. */
    List<String> arguments() {
        List<String> args = new ArrayList<>();
        tasks.forEach(t -> args.add("--task=" + t));
        methods.forEach(m -> args.add("--method=" + m));
        seeds.forEach(s -> args.add("--seed=" + s));
        if (limit != null && !limit.isBlank()) {
            args.add("--limit=" + limit);
        }
        return args;
    }
}
