package dev.surmbench.report.baseline;

import dev.surmbench.results.DeviceUsage;
import dev.surmbench.results.RunProtocol;
import java.util.List;
import java.util.Objects;

/**
 * One row of a baseline CSV (schema in {@code baselines/README.md}): a published or reference
 * number for a task × method × metric. Optional numbers are NaN (doubles) or −1 (counts) when the
 * cell is empty — a number without a source is never filled in.
 *
 * @param source paper, peer or reference
 * @param backbone the pre-trained model the number was obtained with (empty: any)
 * @param task task name, as runs.csv names it
 * @param method method name, as runs.csv names it (or the publication's name for methods we lack)
 * @param label row label (defaults to the method)
 * @param metric metric name, as runs.csv names it
 * @param statistic how {@code value} summarises seeds: mean, median, single, or empty when not stated
 * @param value the number, in points
 * @param std standard deviation in points, NaN when not known
 * @param n number of seeds, −1 when not known
 * @param trainableParams trainable parameters, −1 when not known
 * @param trainExamplesPerSecond training throughput, NaN when not known
 * @param device the device class the throughput was measured on: {@code cpu} or {@code cuda} (files
 *     written before the column existed, and empty cells, are {@code cpu})
 * @param tolerance allowed drop in points for the regression check, NaN: the default rule
 * @param minThroughputRatio smallest allowed ours ÷ baseline throughput, NaN: not checked
 * @param citation publication (authors, title, venue, arXiv id) for paper and peer rows
 * @param table table (and column/row) of the publication
 * @param runIds our run ids behind a reference row
 * @param gitCommit commit of a reference run
 * @param notes anything else (settings, how a number was read)
 * @param line the line of the file the row came from (0 when built in code)
 * @param learningRate the learning rate the row's runs used, NaN when not known (or not one rate)
 * @param selection what chose the runs' epoch: {@code validation} (the clean protocol), {@code dev} (the
 *     paper's, optimistic), empty when not known (files written before the column)
 */
public record BaselineRow(BaselineSource source, String backbone, String task, String method, String label,
        String metric, String statistic, double value, double std, int n, long trainableParams,
        double trainExamplesPerSecond, String device, double tolerance, double minThroughputRatio, String citation,
        String table, List<String> runIds, String gitCommit, String notes, long line, double learningRate,
        String selection) {

    /** A row without a recorded learning rate or selection. */
    public BaselineRow(BaselineSource source, String backbone, String task, String method, String label,
            String metric, String statistic, double value, double std, int n, long trainableParams,
            double trainExamplesPerSecond, String device, double tolerance, double minThroughputRatio, String citation,
            String table, List<String> runIds, String gitCommit, String notes, long line) {
        this(source, backbone, task, method, label, metric, statistic, value, std, n, trainableParams,
                trainExamplesPerSecond, device, tolerance, minThroughputRatio, citation, table, runIds, gitCommit, notes,
                line, Double.NaN, "");
    }

    public BaselineRow {
        Objects.requireNonNull(source, "source");
        backbone = backbone == null ? "" : backbone;
        label = label == null || label.isBlank() ? method : label;
        statistic = statistic == null ? "" : statistic;
        citation = citation == null ? "" : citation;
        table = table == null ? "" : table;
        runIds = runIds == null ? List.of() : List.copyOf(runIds);
        gitCommit = gitCommit == null ? "" : gitCommit;
        notes = notes == null ? "" : notes;
        device = DeviceUsage.classOf(device);
        selection = selection == null ? "" : selection;
        if (!selection.isEmpty()) {
            RunProtocol.Selection.of(selection); // validation or dev
        }
    }

    /** Where the number came from, in one line: the citation and table, or the run ids and commit. */
    public String provenance() {
        if (source == BaselineSource.REFERENCE) {
            return "runs " + String.join(" ", runIds) + (gitCommit.isEmpty() ? "" : " @ " + gitCommit);
        }
        return citation + (table.isEmpty() ? "" : ", " + table);
    }
}
