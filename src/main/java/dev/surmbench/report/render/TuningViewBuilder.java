package dev.surmbench.report.render;

import dev.surmbench.report.Fmt;
import dev.surmbench.report.ProtocolComparison;
import dev.surmbench.report.TuningResults;
import dev.surmbench.report.render.TuningView.ChoiceLine;
import dev.surmbench.report.render.TuningView.ProtocolLine;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Builds the {@link TuningView} and the tuning figures' JSON ({@code tuning} in the chart data, drawn by
 * {@code charts.js}): per task, per method row, {@code rates}, {@code values} (validation headline in
 * points, null where a rate is not drawn), {@code losses} (mean validation loss, null where none),
 * {@code chosen} (the final runs' rate, null when none), {@code chosenValue}, {@code chosenLoss},
 * {@code edge}, {@code note} and {@code expectedMax} (E[best] for 1 … N rates).
 */
public final class TuningViewBuilder {
    private TuningViewBuilder() {}

    /** The view of {@code protocol} and, when present, {@code tuning}; {@code looked} is the tuning folder looked for. */
    public static TuningView build(ProtocolComparison protocol, Optional<TuningResults> tuning, String looked) {
        List<ProtocolLine> lines = protocol.lines().stream().map(l -> new ProtocolLine(l.key().task(),
                l.key().row().display(), l.metric(), Integer.toString(l.clean().n()), Fmt.meanStd(l.clean()),
                Fmt.meanStd(l.paper()), Fmt.signed(l.optimism()))).toList();
        String protocolNote = lines.isEmpty() ? "" : "Runs that chose their epoch on a validation split carved from the"
                + " training set. Clean: the dev metric at that epoch (the headline; dev is held out). Paper protocol: the"
                + " dev metric at the epoch best on dev — optimistic, because dev both selects and reports. Paper − clean"
                + " is how much the paper's protocol inflates the cell (mean over seeds, points).";
        if (tuning.isEmpty()) {
            return new TuningView(protocol.verdictNote(), lines, protocolNote, false, "No tuning folder with trial rows"
                    + " beside this one (" + looked + "): the suite was not tuned here, so no sensitivity or tuning-budget"
                    + " view.", List.of(), "", "", "", List.of());
        }
        TuningResults t = tuning.get();
        List<ChoiceLine> choices = new ArrayList<>();
        for (TuningResults.TaskTuning task : t.tasks()) {
            for (TuningResults.Series s : task.series()) {
                double best = Arrays.stream(s.expectedMax()).max().orElse(Double.NaN);
                choices.add(new ChoiceLine(task.task(), s.row().display(), s.points().stream()
                        .map(p -> Fmt.rate(p.rate())).collect(Collectors.joining(", ")),
                        s.chosen().isPresent() ? Fmt.rate(s.chosen().getAsDouble()) : Fmt.NONE,
                        Fmt.pts(s.chosenValue()), loss(s.chosenLoss()), Fmt.pts(best), s.chosenNote(),
                        !s.chosenNote().isEmpty()));
            }
        }
        return new TuningView(protocol.verdictNote(), lines, protocolNote, true, t.trials() + " trial runs from "
                + t.folder() + ". The report does not choose rates: the marked rate is the one the final runs used"
                + " (their learning_rate), as the tuning stage's winner rule or the pinned file set it."
                + (t.shared().describe().isEmpty() ? "" : " " + t.shared().describe()), choices,
                "Per task, the validation headline metric (points) against the learning rate (log scale), one line per"
                + " method: the mean over the trial seeds at each rate; a rate with a diverged trial is not drawn. ◆ marks"
                + " the rate the final runs used. No error bars.",
                "Per task, the expected best validation score (points) when n of the rates tried are drawn at random"
                + " (Dodge et al. 2019, \"Show Your Work\"), n = 1 … the rates with a score, one line per method;"
                + " it ends at the method's best rate. Rankings that cross show a comparison that depends on the"
                + " tuning budget.",
                t.tasks().stream().flatMap(task -> task.series().stream()).anyMatch(TuningResults.Series::hasLoss)
                        ? "Per task, the mean validation loss (the training objective per example: cross-entropy, or"
                        + " squared error for regression; lower is better) against the learning rate, one line per"
                        + " method, ◆ at the final runs' rate. A suite with tune.rank: loss chose its rates here (the"
                        + " lowest loss; its pinned file's rule says so): reduced trials whose predictions sit at the"
                        + " majority class score the same headline at every rate, but not the same loss." : "",
                t.disagreements());
    }

    /** A loss to three decimals, or the dash. */
    private static String loss(double v) {
        return Double.isFinite(v) ? String.format(java.util.Locale.ROOT, "%.3f", v) : Fmt.NONE;
    }

    /** The tuning figures' JSON, or an empty task list without a tuning folder. */
    public static Map<String, Object> json(Optional<TuningResults> tuning) {
        List<Map<String, Object>> tasks = new ArrayList<>();
        tuning.ifPresent(t -> t.tasks().forEach(task -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("task", task.task());
            m.put("metric", task.metric());
            m.put("series", task.series().stream().map(s -> {
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("name", s.row().display());
                one.put("rates", s.points().stream().map(TuningResults.Point::rate).toList());
                one.put("values", s.points().stream().map(p -> orNull(p.value())).toList());
                one.put("chosen", s.chosen().isPresent() ? s.chosen().getAsDouble() : null);
                one.put("losses", s.points().stream().map(p -> orNull(p.loss())).toList());
                one.put("chosenValue", orNull(s.chosenValue()));
                one.put("chosenLoss", orNull(s.chosenLoss()));
                one.put("edge", s.edge());
                one.put("note", s.chosenNote());
                one.put("expectedMax", Arrays.stream(s.expectedMax()).boxed().map(TuningViewBuilder::orNull).toList());
                return one;
            }).toList());
            tasks.add(m);
        }));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("tasks", tasks);
        return out;
    }

    private static Double orNull(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
