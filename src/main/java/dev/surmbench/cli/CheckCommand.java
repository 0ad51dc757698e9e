package dev.surmbench.cli;

import dev.surmbench.report.Report;
import dev.surmbench.report.SuiteAggregate;
import dev.surmbench.report.baseline.BaselineCsv;
import dev.surmbench.report.baseline.BaselineRow;
import dev.surmbench.report.check.CheckOptions;
import dev.surmbench.report.check.CheckReport;
import dev.surmbench.report.check.CheckRow;
import dev.surmbench.report.check.ReferenceBaseline;
import dev.surmbench.report.check.RegressionCheck;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code surm-bench check results/<suite> --baseline baselines/<file>.csv}: the regression gate (see
 * {@link RegressionCheck}). Prints a table of every comparison. Exit 0 all passed, 1 a check failed,
 * 2 bad input. With {@code --write-baseline FILE} it instead writes this suite's results as a
 * reference baseline.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Compare a suite's task × method means with a baseline file; exit 1 on a regression.",
            "A regression is a lower mean, a failed/diverged run, a changed trainable-parameter count, a missing run"
                    + " or a throughput drop."})
public final class CheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SUITE_DIR", description = "results/<suite> folder holding runs.csv")
    Path suiteDir;

    @Option(names = "--baseline", paramLabel = "CSV", description = "baseline file to compare with")
    Path baseline;

    @Option(names = "--tolerance", paramLabel = "POINTS",
            description = "allowed drop for rows without their own tolerance (default: max(2 × baseline std, 1))")
    Double tolerance;

    @Option(names = "--throughput-ratio", paramLabel = "R",
            description = "fail when ours ÷ baseline train examples/s < R, for rows without their own ratio")
    Double throughputRatio;

    @Option(names = "--write-baseline", paramLabel = "CSV",
            description = "write this suite's results as a reference baseline instead of checking")
    Path writeBaseline;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            SuiteAggregate agg = Report.load(suiteDir);
            if (writeBaseline != null) {
                return write(agg, out, err);
            }
            if (baseline == null) {
                err.println("check: --baseline CSV is required (or --write-baseline CSV)");
                err.flush();
                return Main.EXIT_BAD_INPUT;
            }
            List<BaselineRow> rows = BaselineCsv.read(baseline);
            CheckOptions options = new CheckOptions(tolerance == null ? Double.NaN : tolerance,
                    throughputRatio == null ? Double.NaN : throughputRatio);
            CheckReport report = RegressionCheck.run(agg, rows, options);
            out.println("check " + suiteDir + " against " + baseline);
            out.print(report.table());
            for (CheckRow f : report.failures()) {
                out.println("FAILED " + f.check() + " " + f.task() + " × " + f.method()
                        + (f.metric().isEmpty() ? "" : " [" + f.metric() + "]") + ": " + f.detail());
            }
            out.flush();
            return report.passed() ? 0 : 1;
        } catch (IllegalArgumentException | UncheckedIOException e) {
            err.println("check: " + e.getMessage());
            err.flush();
            return Main.EXIT_BAD_INPUT;
        }
    }

    private int write(SuiteAggregate agg, PrintWriter out, PrintWriter err) {
        try {
            List<BaselineRow> rows = ReferenceBaseline.from(agg);
            BaselineCsv.write(writeBaseline, rows);
            out.println("wrote " + rows.size() + " reference rows to " + writeBaseline);
            out.flush();
            return 0;
        } catch (IllegalStateException e) {
            err.println("check: " + e.getMessage());
            err.flush();
            return 1;
        } catch (IOException e) {
            err.println("check: cannot write " + writeBaseline + ": " + e.getMessage());
            err.flush();
            return 1;
        }
    }
}
