package dev.surmbench.report;

import dev.surmbench.results.ResultsLayout;
import dev.surmbench.results.RunProtocol.Selection;
import dev.surmbench.results.RunRecord;
import dev.surmbench.results.RunStatus;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A suite's tuning trials ({@code results/<suite>-tune/}) drawn beside its final runs: per task and
 * method row, the validation headline per learning rate (mean over the trial seeds, in points) and the
 * expected best validation score per number of trials ({@link ExpectedMax}).
 *
 * <p>The report never decides a winner: the rate marked as chosen is the one the suite's own final
 * runs used ({@code learning_rate} of their rows; {@link LearningRates}), which is what the tuning
 * stage's winner rule (or a pinned file) gave them. A chosen rate at the smallest or largest rate tried
 * is flagged as at the grid's edge; one not among the rates tried is said so.
 *
 * <p>A rate's score: the mean of its completed trials' validation headline ({@code validation_value});
 * NaN (not drawn) when any of its trials diverged, or none completed on validation; beside it the mean
 * validation loss ({@code metrics_validation.loss}, NaN where the trials did not record one) — the two
 * numbers the winner rule ranks, by the suite's {@code tune.rank}. The expected-max curve is over those per-rate scores: for a budget of n rates
 * drawn at random from the grid, the expected best (diverged rates left out). A folder holding two tunings'
 * trials of one row (a rate and seed trained twice) is named in that row's note ({@link #mixedTunings}).
 *
 * <p>When trials and final runs share a budget their run ids coincide (the same settings and seed): such a
 * pair must agree — same status, same headline, same metrics — or the runs are not reproducible, and
 * {@code disagreements} says so, one line per run id.
 *
 * @param folder the tuning folder
 * @param trials trial rows read
 * @param tasks per task, in task order
 * @param disagreements run ids recorded both as a trial and as a final run with different results, one line each
 * @param shared how the final runs whose run id is also a trial's were obtained
 */
public record TuningResults(String folder, int trials, List<TaskTuning> tasks, List<String> disagreements, Shared shared) {

    /**
     * The final runs whose run id is also a trial's (trials at the final budget): {@code adopted} from the
     * trial by {@code run} (the same run, not trained again), or trained again as final runs — {@code
     * reproduced} when they agree with the trial, else listed in {@code disagreements}.
     */
    public record Shared(int adopted, int reproduced, int differ) {
        /** One sentence for the report ("" when no final run shares an id with a trial). */
        public String describe() {
            if (adopted + reproduced + differ == 0) {
                return "";
            }
            return (adopted + reproduced + differ) + " final runs have a trial's run id (trials at the final budget): "
                    + adopted + " adopted from the trial (the same run, not trained again; run --retrain-trials trains"
                    + " them again to check), " + reproduced + " trained again with the trial's result to the last bit"
                    + (differ > 0 ? ", " + differ + " trained again with another result (not reproduced, below)." : ".");
        }
    }

    /** One rate of a method's grid: its score in points and its mean validation loss (NaN: not drawn), and its trials. */
    public record Point(double rate, double value, double loss, int trials, int diverged) {}

    /**
     * One method row of a task.
     *
     * @param row the method row (as the trial rows name it)
     * @param points every rate tried, ascending
     * @param chosen the rate the final runs used (empty: no final run, or they differ)
     * @param chosenNote why no rate is marked, or that the chosen rate is at the edge or off the grid ("" otherwise)
     * @param edge the chosen rate is the smallest or largest rate tried
     * @param expectedMax E[best score] for 1 … N rates tried
     */
    public record Series(MethodKey row, List<Point> points, OptionalDouble chosen, String chosenNote, boolean edge,
            double[] expectedMax) {
        public Series {
            points = List.copyOf(points);
        }

        /** The chosen rate's score, NaN when none is chosen or it was not tried. */
        public double chosenValue() {
            return chosenPoint().map(Point::value).orElse(Double.NaN);
        }

        /** The chosen rate's mean validation loss, NaN when none is chosen, it was not tried or has no loss. */
        public double chosenLoss() {
            return chosenPoint().map(Point::loss).orElse(Double.NaN);
        }

        /** Whether any rate has a validation loss. */
        public boolean hasLoss() {
            return points.stream().anyMatch(p -> Double.isFinite(p.loss()));
        }

        private Optional<Point> chosenPoint() {
            return points.stream().filter(p -> chosen.isPresent() && p.rate() == chosen.getAsDouble()).findFirst();
        }
    }

    /** One task: its headline metric and a series per method row. */
    public record TaskTuning(String task, String metric, List<Series> series) {
        public TaskTuning {
            series = List.copyOf(series);
        }
    }

    public TuningResults {
        tasks = List.copyOf(tasks);
        disagreements = List.copyOf(disagreements);
    }

    /** The tuning folder beside {@code layout}'s, when it holds trial rows. */
    public static Optional<TuningResults> beside(ResultsLayout layout, SuiteAggregate agg) {
        ResultsLayout tune = layout.tuneStage();
        if (!Files.isDirectory(tune.suiteDir())) {
            return Optional.empty();
        }
        List<RunRecord> rows = tune.allRuns();
        return rows.isEmpty() ? Optional.empty() : Optional.of(of(tune.suiteDir().toString(), rows, agg));
    }

    /** The trials {@code rows} drawn against the final runs of {@code agg}. */
    public static TuningResults of(String folder, Collection<RunRecord> rows, SuiteAggregate agg) {
        MetricScale scale = MetricScale.detect(List.copyOf(rows));
        Map<String, Map<MethodKey, List<RunRecord>>> byTask = new TreeMap<>();
        rows.forEach(r -> byTask.computeIfAbsent(r.task(), t -> new TreeMap<>())
                .computeIfAbsent(new MethodKey(r.method(), r.label()), k -> new ArrayList<>()).add(r));
        List<TaskTuning> tasks = new ArrayList<>();
        byTask.forEach((task, rowsByMethod) -> {
            String metric = rowsByMethod.values().iterator().next().get(0).headlineMetric();
            List<Series> series = new ArrayList<>();
            rowsByMethod.forEach((row, trials) -> series.add(series(row, trials, scale.factor(metric),
                    agg.cell(task, row).map(c -> LearningRates.of(c.runs())).orElse(new LearningRates(List.of())))));
            tasks.add(new TaskTuning(task, metric, series));
        });
        List<String> differ = disagreements(rows, agg.runs());
        java.util.Set<String> trialIds = new java.util.HashSet<>();
        rows.forEach(r -> trialIds.add(r.runId()));
        List<RunRecord> shared = agg.runs().stream().filter(f -> trialIds.contains(f.runId())).toList();
        int adopted = (int) shared.stream().filter(RunRecord::adopted).count();
        return new TuningResults(folder, rows.size(), tasks, differ,
                new Shared(adopted, shared.size() - adopted - differ.size(), differ.size()));
    }

    /** Each run id recorded as a trial and as a final run whose status, headline or metrics differ. */
    static List<String> disagreements(Collection<RunRecord> trials, Collection<RunRecord> finals) {
        Map<String, RunRecord> byId = new HashMap<>();
        trials.forEach(t -> byId.put(t.runId(), t));
        List<String> out = new ArrayList<>();
        for (RunRecord f : finals) {
            RunRecord t = byId.get(f.runId());
            if (t != null && (t.status() != f.status() || Double.compare(t.bestValue(), f.bestValue()) != 0
                    || !t.metricsBest().equals(f.metricsBest()))) {
                out.add(f.runId() + " (" + f.task() + " · " + f.label() + " · seed " + f.seed() + "): as a trial "
                        + outcome(t) + ", as a final run " + outcome(f) + " — the same settings and seed, not reproduced");
            }
        }
        return out;
    }

    private static String outcome(RunRecord r) {
        return r.status().name().toLowerCase(java.util.Locale.ROOT) + " " + r.headlineMetric() + " " + r.bestValue();
    }

    private static Series series(MethodKey row, List<RunRecord> trials, double factor, LearningRates finalRates) {
        List<Point> points = new ArrayList<>();
        for (double rate : new TreeSet<>(trials.stream().map(r -> r.protocol().learningRate()).filter(Double::isFinite).toList())) {
            List<RunRecord> at = trials.stream().filter(r -> r.protocol().learningRate() == rate).toList();
            int diverged = (int) at.stream().filter(r -> r.status() == RunStatus.DIVERGED).count();
            List<RunRecord> scored = at.stream().filter(RunRecord::completed)
                    .filter(r -> r.protocol().selection() == Selection.VALIDATION).toList();
            double[] scores = scored.stream().mapToDouble(r -> r.protocol().validationValue() * factor)
                    .filter(Double::isFinite).toArray();
            double[] losses = scored.stream().mapToDouble(r -> r.protocol().metricsValidation()
                    .getOrDefault(dev.surmbench.results.RunProtocol.VALIDATION_LOSS, Double.NaN)).filter(Double::isFinite).toArray();
            double value = diverged > 0 || scores.length == 0 ? Double.NaN
                    : java.util.Arrays.stream(scores).average().orElse(Double.NaN);
            double loss = diverged > 0 || losses.length != scored.size() || losses.length == 0 ? Double.NaN
                    : java.util.Arrays.stream(losses).average().orElse(Double.NaN);
            points.add(new Point(rate, value, loss, at.size(), diverged));
        }
        OptionalDouble chosen = finalRates.single();
        String note = "";
        boolean edge = false;
        if (finalRates.rates().isEmpty()) {
            note = "no final run recorded a learning rate";
        } else if (chosen.isEmpty()) {
            note = "final runs differ: " + finalRates.display();
        } else if (points.stream().noneMatch(p -> p.rate() == chosen.getAsDouble())) {
            note = "final runs used " + Fmt.rate(chosen.getAsDouble()) + ", not a rate tried here";
        } else {
            edge = !points.isEmpty() && (chosen.getAsDouble() == points.get(0).rate()
                    || chosen.getAsDouble() == points.get(points.size() - 1).rate());
            note = edge ? "chosen rate at the grid's edge: the best rate may lie outside" : "";
        }
        String mixed = mixedTunings(trials);
        note = mixed.isEmpty() ? note : note.isEmpty() ? mixed : note + "; " + mixed;
        return new Series(row, points, chosen, note, edge,
                ExpectedMax.curve(points.stream().mapToDouble(Point::value).toArray()));
    }

    /**
     * "" when every (rate, seed) of a method row has one trial; else which rates have more. One tuning trains
     * each rate once per trial seed, so a second run id at the same rate and seed is another tuning's trial
     * (another budget or data) left in the folder — and the points above average the two. Said, never hidden.
     */
    static String mixedTunings(List<RunRecord> trials) {
        Map<Double, Map<Long, Integer>> runsPerSeed = new TreeMap<>();
        trials.stream().filter(r -> Double.isFinite(r.protocol().learningRate())).forEach(r -> runsPerSeed
                .computeIfAbsent(r.protocol().learningRate(), k -> new TreeMap<>()).merge(r.seed(), 1, Integer::sum));
        List<String> rates = runsPerSeed.entrySet().stream()
                .filter(e -> e.getValue().values().stream().anyMatch(n -> n > 1)).map(e -> Fmt.rate(e.getKey())).toList();
        return rates.isEmpty() ? "" : "more than one tuning's trials at lr " + String.join(", ", rates)
                + " (a seed trained twice at one rate: another budget or data); these points average them —"
                + " keep one tuning per folder";
    }
}
