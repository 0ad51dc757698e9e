package dev.surmbench.data.glue;

import dev.surmbench.metrics.Metric;
import dev.surmbench.metrics.MetricScores;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The nine GLUE tasks (MNLI counted twice: matched and mismatched dev), each with its folder and
 * files as the GLUE download script lays them out, its columns, its label set, its official
 * metrics and its headline score.
 *
 * <p>Names users type: {@code cola, sst2, mrpc, stsb, qqp, mnli, mnli-mm, qnli, rte, wnli}.
 * {@link #fromName} also accepts the official spellings ({@code CoLA, SST-2, STS-B}), the download
 * script's ({@code SST, STS}) and {@code mnli-m / mnli_matched / mnli_mismatched}, ignoring case,
 * dashes and underscores.
 *
 * <p>Label ids follow the order of {@link #labelNames()}, which is the order of the Hugging Face
 * {@code transformers} GLUE processors (e.g. MNLI: contradiction 0, entailment 1, neutral 2).
 */
public enum GlueTask {
    COLA("cola", "CoLA", "dev.tsv", GlueColumns.positional(4, 3, 1), List.of("0", "1"),
            List.of(Metric.MCC), Metric.MCC, 8551, 1043),
    SST2("sst2", "SST-2", "dev.tsv", GlueColumns.named("sentence", null, "label"), List.of("0", "1"),
            List.of(Metric.ACCURACY), Metric.ACCURACY, 67349, 872),
    MRPC("mrpc", "MRPC", "dev.tsv", GlueColumns.named("#1 String", "#2 String", "Quality"), List.of("0", "1"),
            List.of(Metric.F1, Metric.ACCURACY), Metric.F1, 3668, 408),
    STSB("stsb", "STS-B", "dev.tsv", GlueColumns.named("sentence1", "sentence2", "score"), List.of(),
            List.of(Metric.PEARSON, Metric.SPEARMAN), Metric.SPEARMAN, 5749, 1500),
    QQP("qqp", "QQP", "dev.tsv", GlueColumns.named("question1", "question2", "is_duplicate"), List.of("0", "1"),
            List.of(Metric.F1, Metric.ACCURACY), Metric.ACCURACY, 363846, 40430),
    MNLI("mnli", "MNLI", "dev_matched.tsv", GlueColumns.named("sentence1", "sentence2", "gold_label"),
            List.of("contradiction", "entailment", "neutral"), List.of(Metric.ACCURACY), Metric.ACCURACY,
            392702, 9815),
    MNLI_MM("mnli-mm", "MNLI", "dev_mismatched.tsv", GlueColumns.named("sentence1", "sentence2", "gold_label"),
            List.of("contradiction", "entailment", "neutral"), List.of(Metric.ACCURACY), Metric.ACCURACY,
            392702, 9832),
    QNLI("qnli", "QNLI", "dev.tsv", GlueColumns.named("question", "sentence", "label"),
            List.of("entailment", "not_entailment"), List.of(Metric.ACCURACY), Metric.ACCURACY, 104743, 5463),
    RTE("rte", "RTE", "dev.tsv", GlueColumns.named("sentence1", "sentence2", "label"),
            List.of("entailment", "not_entailment"), List.of(Metric.ACCURACY), Metric.ACCURACY, 2490, 277),
    WNLI("wnli", "WNLI", "dev.tsv", GlueColumns.named("sentence1", "sentence2", "label"), List.of("0", "1"),
            List.of(Metric.ACCURACY), Metric.ACCURACY, 635, 71);

    /** STS-B similarity scores lie in [0, 5]. */
    public static final double MIN_SCORE = 0.0;

    /** STS-B similarity scores lie in [0, 5]. */
    public static final double MAX_SCORE = 5.0;

    private final String userName;
    private final String folder;
    private final String devFile;
    private final GlueColumns columns;
    private final List<String> labelNames;
    private final List<Metric> metrics;
    private final Metric paperMetric;
    private final int officialTrainRows;
    private final int officialDevRows;

    GlueTask(String userName, String folder, String devFile, GlueColumns columns, List<String> labelNames,
            List<Metric> metrics, Metric paperMetric, int officialTrainRows, int officialDevRows) {
        this.userName = userName;
        this.folder = folder;
        this.devFile = devFile;
        this.columns = columns;
        this.labelNames = labelNames;
        this.metrics = metrics;
        this.paperMetric = paperMetric;
        this.officialTrainRows = officialTrainRows;
        this.officialDevRows = officialDevRows;
    }

    /**
     * The task whose trained model this one scores instead of training its own: MNLI for mnli-mm,
     * which shares MNLI's training set and differs only in its dev set (as in the GLUE benchmark);
     * empty for every task that is trained.
     */
    public java.util.Optional<GlueTask> scoresModelOf() {
        return this == MNLI_MM ? java.util.Optional.of(MNLI) : java.util.Optional.empty();
    }

    /** The name users type, e.g. {@code sst2} or {@code mnli-mm}. */
    public String userName() {
        return userName;
    }

    /** The folder under the GLUE directory, e.g. {@code SST-2} (MNLI and mnli-mm share {@code MNLI}). */
    public String folder() {
        return folder;
    }

    /** The file name of {@code split} inside {@link #folder()}. */
    public String fileName(GlueSplit split) {
        return split == GlueSplit.TRAIN ? "train.tsv" : devFile;
    }

    /** The path of {@code split} relative to the GLUE directory, with '/' separators. */
    public String relativePath(GlueSplit split) {
        return folder + "/" + fileName(split);
    }

    GlueColumns columns() {
        return columns;
    }

    /** True for sentence-pair tasks (all but CoLA and SST-2). */
    public boolean isPair() {
        return columns.textB() != null;
    }

    /** True for STS-B, whose target is a similarity score in [0, 5]. */
    public boolean isRegression() {
        return labelNames.isEmpty();
    }

    /** Number of model outputs: the class count, or 1 for regression. */
    public int numLabels() {
        return isRegression() ? 1 : labelNames.size();
    }

    /** The label strings of the files in id order; empty for regression. */
    public List<String> labelNames() {
        return labelNames;
    }

    /** The official metrics, in the order the GLUE leaderboard lists them. */
    public List<Metric> metrics() {
        return metrics;
    }

    /** The metrics that make the headline score under {@code convention}. */
    public List<Metric> headlineMetrics(HeadlineConvention convention) {
        return convention == HeadlineConvention.GLUE_LEADERBOARD ? metrics : List.of(paperMetric);
    }

    /** The headline score: the mean of {@link #headlineMetrics} taken from {@code scores}. */
    public double headline(MetricScores scores, HeadlineConvention convention) {
        return headlineMetrics(convention).stream().mapToDouble(scores::get).average().orElseThrow();
    }

    /** Row count of the official file of {@code split} (without header). */
    public int officialRows(GlueSplit split) {
        return split == GlueSplit.TRAIN ? officialTrainRows : officialDevRows;
    }

    /** Parses a task name; see the class comment for accepted spellings. */
    public static GlueTask fromName(String name) {
        String key = name.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "").trim();
        switch (key) {
            case "sst":
                return SST2;
            case "sts":
                return STSB;
            case "mnlim":
            case "mnlimatched":
                return MNLI;
            case "mnlimismatched":
                return MNLI_MM;
            default:
                break;
        }
        for (GlueTask task : values()) {
            if (task.userName.replace("-", "").equals(key)) {
                return task;
            }
        }
        throw new IllegalArgumentException("unknown GLUE task '" + name + "'; known: " + Arrays.stream(values())
                .map(GlueTask::userName).collect(Collectors.joining(", ")));
    }
}
