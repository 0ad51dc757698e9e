package dev.surmbench.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of {@code java -jar target/surm-bench.jar}. Commands only: every command delegates to a
 * package that tests reach without the CLI.
 *
 * <p>Exit codes: 0 ok, 1 a run failed/diverged or a check failed, 2 bad input.
 */
@Command(
        name = "surm-bench",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Reproducibility benchmarks for PEFT with Structured Unrestricted-Rank Matrices.",
        subcommands = {CommandLine.HelpCommand.class, ListCommand.class, ParamsCommand.class, DataCommand.class,
                EncodeCommand.class, RunCommand.class, ValidateCommand.class, MergeCommand.class, ReplayCommand.class,
                EvalCommand.class, ExportCommand.class, ReportCommand.class, CheckCommand.class})
public final class Main {

    /** Exit code for bad input (unknown names, malformed files, invalid options). */
    public static final int EXIT_BAD_INPUT = 2;

    private Main() {}

    /** Builds the command line with every subcommand registered; used by {@link #main} and tests. */
    public static CommandLine commandLine() {
        // DJL must never try to download an engine: the PyTorch native library comes from Maven.
        System.setProperty("ai.djl.offline", "true");
        CommandLine cli = new CommandLine(new Main());
        cli.setExitCodeExceptionMapper(t -> t instanceof IllegalArgumentException ? EXIT_BAD_INPUT : 1);
        cli.setParameterExceptionHandler(
                (ex, args) -> {
                    ex.getCommandLine().getErr().println(ex.getMessage());
                    CommandLine.UnmatchedArgumentException.printSuggestions(ex, ex.getCommandLine().getErr());
                    ex.getCommandLine().usage(ex.getCommandLine().getErr());
                    return EXIT_BAD_INPUT;
                });
        return cli;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
