package dev.surmbench.cli;

import dev.surmbench.device.OpenMpWaitPolicy;
import dev.surmbench.model.WeightLoadException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

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
                EncodeCommand.class, RunCommand.class, TuneCommand.class, ValidateCommand.class, MergeCommand.class, ReplayCommand.class,
                EvalCommand.class, ExportCommand.class, ReportCommand.class, CheckCommand.class, BenchCommand.class})
public final class Main {

    /** Exit code for bad input (unknown names, malformed files, invalid options). */
    public static final int EXIT_BAD_INPUT = 2;

    private static final String DJL_OFFLINE = "ai.djl.offline";

    private Main() {}

    /** Builds the command line with every subcommand registered; used by {@link #main} and tests. */
    public static CommandLine commandLine() {
        // DJL downloads an engine only where this build allows it (-Pcuda: the CUDA libtorch at first
        // use); the default build bundles the CPU libtorch from Maven and stays offline. A -D flag wins.
        if (System.getProperty(DJL_OFFLINE) == null) {
            System.setProperty(DJL_OFFLINE, buildDefault(DJL_OFFLINE, "true"));
        }
        CommandLine cli = new CommandLine(new Main());
        cli.setExitCodeExceptionMapper(t -> t instanceof IllegalArgumentException ? EXIT_BAD_INPUT : 1);
        cli.setExecutionExceptionHandler(Main::handle);
        cli.registerConverter(Double.class, new FiniteNumber()).registerConverter(double.class, new FiniteNumber());
        cli.setParameterExceptionHandler(
                (ex, args) -> {
                    ex.getCommandLine().getErr().println(ex.getMessage());
                    if (ex.getCause() instanceof CommandLine.TypeConversionException) {
                        return EXIT_BAD_INPUT; // the message names the option, the value and the fix: one line
                    }
                    CommandLine.UnmatchedArgumentException.printSuggestions(ex, ex.getCommandLine().getErr());
                    ex.getCommandLine().usage(ex.getCommandLine().getErr());
                    return EXIT_BAD_INPUT;
                });
        return cli;
    }

    /** Prints {@code "<command>: <message>"} as one line on the command's error stream; returns {@link #EXIT_BAD_INPUT}. */
    static int badInput(CommandSpec spec, String command, Exception e) {
        PrintWriter err = spec.commandLine().getErr();
        err.println(command + ": " + e.getMessage());
        err.flush();
        return EXIT_BAD_INPUT;
    }

    /** The value of {@code key} in this build's {@code engine.properties} (Maven-filtered), else {@code otherwise}. */
    private static String buildDefault(String key, String otherwise) {
        Properties build = new Properties();
        try (InputStream in = Main.class.getResourceAsStream("engine.properties")) {
            if (in != null) {
                build.load(in);
            }
        } catch (IOException e) {
            return otherwise;
        }
        String value = build.getProperty(key, otherwise);
        return value.startsWith("${") ? otherwise : value;
    }

    /**
     * An exception out of a command: bad input (an {@link IllegalArgumentException}: a malformed file,
     * an unknown name — or a {@link WeightLoadException}: a weight file that cannot be used; their
     * messages name the file, line and fix) prints that message alone and exits 2; an I/O failure
     * prints one line and exits 1; anything else is a bug and keeps its stack trace.
     */
    private static int handle(Exception e, CommandLine command, CommandLine.ParseResult parsed) {
        PrintWriter err = command.getErr();
        boolean badInput = e instanceof IllegalArgumentException || e instanceof WeightLoadException;
        if (badInput) {
            err.println(e.getMessage());
        } else if (e instanceof IOException || e instanceof UncheckedIOException) {
            Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
            err.println(command.getCommandName() + ": " + e.getMessage()
                    + (cause != e && cause != null ? ": " + cause.getMessage() : ""));
        } else {
            err.println(command.getCommandName() + ": internal error (please report it): " + e);
            e.printStackTrace(err);
        }
        err.flush();
        return badInput ? EXIT_BAD_INPUT : 1;
    }

    /** {@code --verbose}: read by {@link QuietNatives} before anything loads; declared so every command accepts it. */
    @Option(names = QuietNatives.VERBOSE, scope = ScopeType.INHERIT,
            description = "Show the engine's own warnings (GPU probe, PyTorch deprecations), hidden by default")
    boolean verbose;

    public static void main(String[] args) {
        QuietNatives.apply(args); // before the engine or a logger loads
        // first, before anything loads libtorch: its OpenMP runtime reads the wait policy once, at load
        try {
            OpenMpWaitPolicy.apply();
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(EXIT_BAD_INPUT);
        }
        System.exit(commandLine().execute(args));
    }
}
