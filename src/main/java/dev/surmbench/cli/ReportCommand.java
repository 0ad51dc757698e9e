package dev.surmbench.cli;

import dev.surmbench.report.Report;
import dev.surmbench.report.baseline.BaselineCsv;
import dev.surmbench.report.baseline.BaselineDirs;
import dev.surmbench.report.baseline.BaselineRow;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code surm-bench report results/<suite>}: writes {@code report/index.html} (self-contained, offline)
 * and {@code report/summary.md}, and prints the Markdown summary for CI logs. Exit 0 ok, 2 bad input.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Write results/<suite>/report/index.html and summary.md from runs.csv.",
            "Baseline rows (baselines/*.csv by default) are shown beside ours, marked by source."})
public final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SUITE_DIR", description = "results/<suite> folder holding runs.csv")
    Path suiteDir;

    @Option(names = "--baseline", paramLabel = "CSV",
            description = "baseline file(s) to show; replaces the --baselines-dir default when given")
    List<Path> baselineFiles = new ArrayList<>();

    @Option(names = "--baselines-dir", paramLabel = "DIR",
            description = "every *.csv here is shown (default: the project's baselines/, found from SUITE_DIR or "
                    + "the program's checkout, whatever the working directory)")
    Path baselinesDir;

    @Option(names = "--no-baselines", description = "show our rows only")
    boolean noBaselines;

    @Option(names = "--templates", paramLabel = "DIR",
            description = "FreeMarker templates to use before the packaged report-templates/")
    Path templates;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            List<BaselineRow> baselines = new ArrayList<>();
            if (!noBaselines) {
                if (baselineFiles.isEmpty()) {
                    if (baselinesDir != null && !Files.isDirectory(baselinesDir)) {
                        throw new IllegalArgumentException(baselinesDir + (Files.exists(baselinesDir) ? " is a file, not a folder"
                                : " does not exist") + "; --baselines-dir takes the folder of baseline CSV files (e.g. "
                                + "baselines), --baseline FILE.csv one file");
                    }
                    Path dir = baselinesDir != null ? baselinesDir : BaselineDirs.find(suiteDir).orElse(null);
                    if (dir == null || !Files.isDirectory(dir)) {
                        out.println("report: no baselines shown: " + (dir != null ? dir + " is not a folder"
                                : "no baselines/ folder in " + BaselineDirs.candidates(suiteDir))
                                + " (--baselines-dir DIR or --baseline CSV to show some)");
                    } else {
                        baselines.addAll(BaselineCsv.readDirectory(dir));
                        out.println("report: baselines from " + dir);
                    }
                } else {
                    baselineFiles.forEach(f -> baselines.addAll(BaselineCsv.read(f)));
                }
            }
            Report.Result result = Report.generate(suiteDir, baselines, templates);
            out.print(result.summary());
            out.println();
            out.println("report: " + result.html());
            out.println("summary: " + result.markdown());
            out.flush();
            return 0;
        } catch (IllegalArgumentException | UncheckedIOException e) {
            err.println("report: " + e.getMessage());
            err.flush();
            return Main.EXIT_BAD_INPUT;
        } catch (IOException e) {
            err.println("report: cannot write the report: " + e.getMessage());
            err.flush();
            return 1;
        }
    }
}
