package dev.surmbench.suite.run;

import dev.surmbench.data.Example;
import dev.surmbench.data.ValidationSplit;
import dev.surmbench.data.glue.GlueSplit;
import dev.surmbench.data.glue.GlueTask;
import dev.surmbench.data.glue.HeadlineConvention;
import dev.surmbench.data.glue.TaskData;
import dev.surmbench.data.text.EncodedText;
import dev.surmbench.data.text.TextBatch;
import dev.surmbench.data.text.TextBatcher;
import dev.surmbench.data.text.TextTokenizer;
import dev.surmbench.data.text.TokenBatch;
import dev.surmbench.metrics.Metric;
import dev.surmbench.metrics.MetricScores;
import dev.surmbench.train.HostBatch;
import dev.surmbench.train.HostInput;
import dev.surmbench.train.TrainingData;
import dev.surmbench.util.Seeds;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A GLUE task prepared for the trainer: seeded stratified subsets, tokenised once, training batches
 * length-bucketed in an order drawn from {@code Seeds.derive(seed, "data-order")}, dev batches sorted by
 * length (metrics do not depend on the order; padding does). The
 * metrics are the task's official ones plus the headline under the suite's convention.
 */
public final class GlueTrainingData implements TrainingData {
    private final GlueTask task;
    private final HeadlineConvention convention;
    private final TextBatcher train;
    private final PrefixStates trainPrefix;
    private final List<HostBatch> eval;
    private final List<HostBatch> validationBatches;
    private final long orderSeed;
    private final int trainSize;
    private final double targetMean;
    private final double targetScale;

    public GlueTrainingData(GlueTask task, TaskData data, TextTokenizer tokenizer, HeadlineConvention convention,
                            int trainLimit, int evalLimit, int batchSize, int evalBatchSize, long seed) {
        this(task, data, tokenizer, convention, trainLimit, evalLimit, ValidationSplit.NONE, batchSize, evalBatchSize,
                seed, null);
    }

    /**
     * As above, with a validation split carved from the whole training set before {@code trainLimit}
     * subsamples the rest ({@link ValidationSplit}); with {@code prefix} set, batches carry the frozen
     * prefix's hidden states [B, T, d] and the attention mask [B, T] (a model entered at the first
     * adapted layer) instead of token ids. The prefix states are looked up by example content ({@link
     * ActivationCache}), so the validation examples get an entry of their own, shared by every run.
     */
    GlueTrainingData(GlueTask task, TaskData data, TextTokenizer tokenizer, HeadlineConvention convention,
                     int trainLimit, int evalLimit, ValidationSplit validation, int batchSize, int evalBatchSize,
                     long seed, Function<List<EncodedText>, PrefixStates> prefix) {
        this.task = task;
        this.convention = convention;
        // The validation split is the same for every run (its own seed); the training subset varies with
        // the run's seed; the dev subset is the same for every run, so methods and seeds are compared on
        // identical evaluation examples.
        TaskData.WithValidation carved = data.carve(validation);
        TaskData limited = carved.rest().limited(trainLimit, 0, Seeds.derive(seed, "subsample"))
                .limited(0, evalLimit, Seeds.derive(0, "eval-subsample"));
        List<Example> trainExamples = limited.split(GlueSplit.TRAIN);
        List<Example> devExamples = limited.split(GlueSplit.DEV);
        List<EncodedText> validationEncoded = tokenizer.encodeAll(carved.validation());
        this.validationBatches = validationEncoded.isEmpty() ? List.of() : toHost(
                new TextBatcher(validationEncoded, carved.validation(), tokenizer.padId(), evalBatchSize, false, 1).byLength(),
                prefix == null ? null : prefix.apply(validationEncoded));
        this.trainSize = trainExamples.size();
        // Length bucketing (seeded like the order) pads pair tasks far less: CPU time goes to real tokens.
        List<EncodedText> trainEncoded = tokenizer.encodeAll(trainExamples);
        List<EncodedText> devEncoded = tokenizer.encodeAll(devExamples);
        this.train = new TextBatcher(trainEncoded, trainExamples, tokenizer.padId(), batchSize, true, 1);
        this.trainPrefix = prefix == null ? null : prefix.apply(trainEncoded);
        PrefixStates devPrefix = prefix == null ? null : prefix.apply(devEncoded);
        this.eval = toHost(new TextBatcher(devEncoded, devExamples, tokenizer.padId(), evalBatchSize, false, 1).byLength(),
                devPrefix);
        this.orderSeed = Seeds.derive(seed, "data-order");
        // Regression (STS-B, scores 0..5): the head trains on standardised scores, because AdamW moves a
        // freshly initialised bias by about one learning rate per step and could not reach a mean of ~2.7
        // in a short run. Predictions are mapped back to the score scale before scoring.
        double[] scores = trainExamples.stream().mapToDouble(Example::target).toArray();
        if (task.numLabels() == 1 && scores.length > 1) {
            double mean = Arrays.stream(scores).average().orElse(0);
            double variance = Arrays.stream(scores).map(v -> (v - mean) * (v - mean)).sum() / (scores.length - 1);
            this.targetMean = mean;
            this.targetScale = variance > 0 ? Math.sqrt(variance) : 1;
        } else {
            this.targetMean = 0;
            this.targetScale = 1;
        }
    }

    @Override
    public List<HostBatch> trainEpoch(int epoch) {
        List<HostBatch> batches = toHost(train.trainingEpoch(orderSeed, epoch), trainPrefix);
        if (task.numLabels() != 1) {
            return batches;
        }
        return new AbstractList<>() {
            @Override
            public HostBatch get(int index) {
                HostBatch b = batches.get(index);
                double[] t = b.targets().clone();
                for (int i = 0; i < t.length; i++) {
                    t[i] = (t[i] - targetMean) / targetScale;
                }
                return new HostBatch(b.inputs(), t, b.tokens());
            }

            @Override
            public int size() {
                return batches.size();
            }
        };
    }

    @Override
    public List<HostBatch> evalBatches() {
        return eval;
    }

    @Override
    public List<HostBatch> validationBatches() {
        return validationBatches;
    }

    @Override
    public int numLabels() {
        return task.numLabels();
    }

    @Override
    public int trainSize() {
        return trainSize;
    }

    @Override
    public String headlineMetric() {
        return headlineName(task, convention);
    }

    /** "mcc", "f1", … or "mean(f1,accuracy)" where the convention averages two metrics. */
    public static String headlineName(GlueTask task, HeadlineConvention convention) {
        List<Metric> metrics = task.headlineMetrics(convention);
        if (metrics.size() == 1) {
            return metrics.get(0).userName();
        }
        return "mean(" + String.join(",", metrics.stream().map(Metric::userName).toList()) + ")";
    }

    @Override
    public Map<String, Double> evaluate(double[] predictions, double[] targets) {
        MetricScores scores = MetricScores.compute(task.metrics(), toTaskScale(predictions), targets);
        Map<String, Double> out = new LinkedHashMap<>(scores.byName());
        out.put(headlineMetric(), task.headline(scores, convention));
        return out;
    }

    /** Regression outputs (trained on standardised scores) back on the task's scale; class ids unchanged. */
    public double[] toTaskScale(double[] predictions) {
        if (task.numLabels() != 1) {
            return predictions;
        }
        return Arrays.stream(predictions).map(p -> p * targetScale + targetMean).toArray();
    }

    /**
     * The batches as model inputs, built when the trainer reaches them (a batch of hidden states is
     * B·T·d floats; an epoch of them at once would be the whole padded split): token ids, types and
     * mask — or, with {@code prefix}, the examples' prefix states padded with zeros, and the mask.
     */
    private static List<HostBatch> toHost(List<TextBatch> batches, PrefixStates prefix) {
        return new AbstractList<>() {
            @Override
            public HostBatch get(int index) {
                TextBatch b = batches.get(index);
                TokenBatch t = b.tokens();
                long tokens = t.realTokens();
                if (prefix == null) {
                    return new HostBatch(List.of(HostInput.ofLongs(t.inputIds()), HostInput.ofLongs(t.tokenTypeIds()),
                            HostInput.ofLongs(t.attentionMask())), b.targets(), tokens);
                }
                int padded = t.paddedLength();
                float[] hidden = new float[b.size() * padded * prefix.dim()];
                for (int row = 0; row < b.size(); row++) {
                    prefix.copyInto(b.exampleIndices()[row], hidden, row, padded);
                }
                return new HostBatch(List.of(HostInput.ofFloats(hidden, b.size(), padded, prefix.dim()),
                        HostInput.ofLongs(t.attentionMask())), b.targets(), tokens);
            }

            @Override
            public int size() {
                return batches.size();
            }
        };
    }
}
