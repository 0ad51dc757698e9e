package dev.surmbench.report;

import dev.surmbench.report.baseline.BaselineRow;
import dev.surmbench.report.render.ChartData;
import dev.surmbench.report.render.EChartsAsset;
import dev.surmbench.report.render.LearningCurves;
import dev.surmbench.report.render.ProvenanceSummary;
import dev.surmbench.report.render.ReportView;
import dev.surmbench.report.render.ReportViewBuilder;
import dev.surmbench.report.render.ReportWriter;
import dev.surmbench.report.render.TuningViewBuilder;
import dev.surmbench.results.ResultsLayout;
import dev.surmbench.results.RunRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The report of one suite folder: reads {@code runs.csv} (and shard files) through {@link
 * ResultsLayout}, aggregates, judges the claims and writes {@code report/index.html} and {@code
 * report/summary.md}. When the suite's tuning folder ({@code <suite>-tune}, beside it) holds trial rows,
 * the report draws them too ({@link TuningResults}).
 */
public final class Report {
    private Report() {}

    /**
     * What was written.
     *
     * @param html the HTML report
     * @param markdown the Markdown summary file
     * @param summary the Markdown summary text
     * @param claims the claim verdicts
     */
    public record Result(Path html, Path markdown, String summary, List<ClaimVerdict> claims) {}

    /** Loads and aggregates the runs of {@code suiteDir}; bad input when there are none. */
    public static SuiteAggregate load(Path suiteDir) {
        if (!Files.isDirectory(suiteDir)) {
            throw new IllegalArgumentException(suiteDir + " is not a folder; give results/<suite>");
        }
        ResultsLayout layout = new ResultsLayout(suiteDir);
        List<RunRecord> runs = layout.allRuns();
        if (runs.isEmpty()) {
            throw new IllegalArgumentException(suiteDir + " has no runs (no runs.csv or shard file with rows)");
        }
        String suite = runs.stream().map(RunRecord::suite).filter(s -> s != null && !s.isBlank()).findFirst()
                .orElse(String.valueOf(suiteDir.getFileName()));
        return Aggregator.aggregate(suite, runs);
    }

    /** Generates the report of {@code suiteDir} with {@code baselines} beside our rows. */
    public static Result generate(Path suiteDir, List<BaselineRow> baselines, Path templatesDir) throws IOException {
        SuiteAggregate agg = load(suiteDir);
        ResultsLayout layout = new ResultsLayout(suiteDir);
        List<ClaimVerdict> claims = Claims.judge(agg);
        Optional<TuningResults> tuning = TuningResults.beside(layout, agg);
        ReportView view = ReportViewBuilder.build(agg, suiteDir.toString(), ProvenanceSummary.collect(layout, agg.runs()),
                claims, Pairwise.all(agg), baselines, ChartData.of(agg, LearningCurves.collect(layout, agg))
                        .with("tuning", TuningViewBuilder.json(tuning)),
                EChartsAsset.script(), TuningViewBuilder.build(ProtocolComparison.of(agg), tuning,
                        layout.tuneStage().suiteDir().toString()));
        String summary = new ReportWriter(templatesDir).write(view, layout.reportDir());
        return new Result(layout.reportDir().resolve("index.html"), layout.reportDir().resolve("summary.md"), summary,
                claims);
    }
}
