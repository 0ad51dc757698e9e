package dev.surmbench.report.render;

import java.util.List;

/**
 * Everything the templates show, as pre-formatted strings in display order. Templates only lay it out;
 * FreeMarker escapes every string (HTML in {@code index.html.ftlh}, Markdown in {@code summary.md.ftl}).
 *
 * @param suite suite name
 * @param resultsPath the results folder as given
 * @param runs number of runs
 * @param completed completed runs
 * @param diverged diverged runs
 * @param failed failed runs
 * @param scaleNote how recorded metrics were converted to points
 * @param provenance suite and provenance facts
 * @param datasets dataset checksums
 * @param provenanceNote run.json files found / unreadable
 * @param columns main-table task columns
 * @param averageLabel heading of the average column ("GLUE average"), empty when there is none
 * @param ours our method rows
 * @param floors the trivial predictor's row (none when the runs recorded no floor)
 * @param floorNote which of our cells do not clearly beat the trivial predictor ("" without floors)
 * @param baselines baseline rows beside ours
 * @param citations the sources of baseline rows, numbered as in {@link Row#note()}
 * @param params parameters and throughput rows
 * @param claims claim verdicts
 * @param comparisons every pairwise comparison
 * @param failures diverged and failed runs
 * @param metrics every metric per task × row
 * @param details per-run details
 * @param chartJson figure data (JSON, already safe to place inside a script element)
 * @param echartsJs the inlined ECharts library
 * @param captions what each figure shows and what its error bars are
 * @param tuning the verdicts' protocol, clean vs paper protocol, and the tuning stage's views
 */
public record ReportView(String suite, String resultsPath, int runs, int completed, int diverged, int failed,
        String scaleNote, List<Fact> provenance, List<Fact> datasets, String provenanceNote, List<Column> columns,
        String averageLabel, List<Row> ours, List<Row> floors, String floorNote, List<Row> baselines,
        List<String> citations, List<ParamRow> params, List<Claim> claims, List<Comparison> comparisons,
        List<RunLine> failures, List<MetricLine> metrics, List<RunLine> details, String chartJson, String echartsJs,
        Captions captions, TuningView tuning) {

    /** The figures' captions: what is drawn and what the error bars are (true of the data drawn). */
    public record Captions(String quality, String curves, String throughput) {}

    /** A provenance fact; {@code warn} when runs disagree. */
    public record Fact(String name, String value, boolean warn) {}

    /** A task column of the main table. */
    public record Column(String task, String metric) {}

    /**
     * A main-table row.
     *
     * @param label the row's label
     * @param source "ours", "trivial", "paper", "peer" or "reference"
     * @param sourceTitle citation or run ids behind a baseline row
     * @param note footnote number of the citation ("" for our rows)
     * @param cells one per {@link Column}
     * @param average the average column
     * @param trainable trainable (stored) parameters, head excluded: one count, a range over tasks, or "–"
     */
    public record Row(String label, String source, String sourceTitle, String note, List<Value> cells, Value average,
            String trainable) {}

    /**
     * A main-table cell.
     *
     * @param text "85.23 ± 0.41", "85.23" or "–"
     * @param best the best of its column among our rows
     * @param title tooltip: n, 95% CI, statistic
     * @param warn failed/diverged counts or missing tasks, empty when none
     * @param rate the learning rate the cell's runs used ("lr 2e-3"; says so when they differ), empty when unknown
     */
    public record Value(String text, boolean best, String title, String warn, String rate) {
        /** A cell without a learning rate. */
        public Value(String text, boolean best, String title, String warn) {
            this(text, best, title, warn, "");
        }
    }

    /** A parameters and throughput row (one task × method). */
    public record ParamRow(String task, String label, String runs, String trainable, String effective, String head,
            String total, String trainExamples, String trainTokens, String evalExamples, String wall, String heap,
            String nativeMb) {}

    /** A claim verdict. */
    public record Claim(String id, String title, String quote, String rule, String verdict, String css,
            String summary, List<ClaimLine> lines) {}

    /** One comparison behind a claim. */
    public record ClaimLine(String scope, String variant, String counterpart, String diff, String test, String p,
            String ratio, String verdict, String css, String reason) {}

    /** A pairwise comparison. */
    public record Comparison(String scope, String variant, String counterpart, String diff, String ci, String test,
            String pairs, String p, String ratio) {}

    /** One run: status and numbers (failures list and per-run details). */
    public record RunLine(String runId, String task, String label, String seed, String status, String css,
            String detail, String headline, String best, String last, String epochs, String trainable, String wall,
            String device, String started, String finished, String commit, String options, String metrics) {}

    /** One aggregated metric of a task × row. */
    public record MetricLine(String task, String label, String metric, String value, String ci, String n) {}
}
