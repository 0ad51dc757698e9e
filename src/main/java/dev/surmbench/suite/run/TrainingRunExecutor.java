package dev.surmbench.suite.run;

import dev.surmbench.artifact.ModelRecipe;
import dev.surmbench.model.ClassificationModel;
import dev.surmbench.peft.InjectionReport;
import dev.surmbench.results.Provenance;
import dev.surmbench.results.ResultsLayout;
import dev.surmbench.results.RunJson;
import dev.surmbench.results.RunRecord;
import dev.surmbench.results.RunStatus;
import dev.surmbench.suite.DefaultCatalog;
import dev.surmbench.suite.PretrainSpec;
import dev.surmbench.suite.RunSettings;
import dev.surmbench.suite.RunSpec;
import dev.surmbench.suite.Suite;
import dev.surmbench.train.EpochRecord;
import dev.surmbench.train.ProgressListener;
import dev.surmbench.train.ResourceMeter;
import dev.surmbench.train.Trainer;
import dev.surmbench.train.TrainingConfig;
import dev.surmbench.train.TrainingOutcome;
import dev.surmbench.train.TrivialPredictor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one fine-tuning: resolves the backbone (a {@code pretrain:} stage becomes its cached
 * checkpoint, trained first if needed), builds it with a seeded head — or, with {@code
 * backbone_init: random}, the same shape with seeded random weights — injects the method with a
 * seeded init (the shared {@link ModelRecipe}), prepares the task through its domain's {@link
 * TaskRunner} (GLUE text or images), trains, keeps the best epoch's adapter as its {@code save}
 * setting asks ({@link RunArtifacts}), and writes run.json. Any exception becomes a {@code failed} row with its message; a
 * non-finite loss a {@code diverged} row.
 */
public final class TrainingRunExecutor implements RunExecutor {
    private final Path projectDir;
    private final PretrainCache pretrained;
    private final GlueTaskRunner glue = new GlueTaskRunner();
    private final ImageTaskRunner images = new ImageTaskRunner();
    private final DefaultCatalog catalog = new DefaultCatalog();

    public TrainingRunExecutor(Path projectDir) {
        this(projectDir, null);
    }

    /** With pretrained checkpoints cached under {@code pretrainCache} ({@code null}: the default, see {@link PretrainCache}). */
    public TrainingRunExecutor(Path projectDir, Path pretrainCache) {
        this.projectDir = projectDir;
        this.pretrained = new PretrainCache(pretrainCache, projectDir);
    }

    /** The cache of pretrained checkpoints this executor uses. */
    public PretrainCache pretrainCache() {
        return pretrained;
    }

    @Override
    public RunRecord execute(Suite suite, RunSpec spec, ResultsLayout layout, SuiteRunner.Options options) {
        String started = Instant.now().toString();
        long startNanos = System.nanoTime();
        Outcome outcome;
        try {
            outcome = train(suite, spec, layout, options);
        } catch (Exception | OutOfMemoryError e) {
            outcome = Outcome.failed(e);
        }
        RunRecord record = outcome.toRecord(suite, spec, started, Instant.now().toString(),
                (System.nanoTime() - startNanos) / 1e9, Provenance.gitCommit(projectDir));
        try {
            RunJson.write(layout.runJson(spec.runId()), runJson(suite, spec, outcome, record));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + layout.runJson(spec.runId()), e);
        }
        return record;
    }

    private Outcome train(Suite suite, RunSpec spec, ResultsLayout layout, SuiteRunner.Options options) throws Exception {
        TaskRunner runner = catalog.taskDomain(spec.task()) == RunSettings.TaskDomain.IMAGE ? images : glue;
        int numLabels = runner.numLabels(spec);
        Map<String, Object> pretrain = null;
        String backbone = spec.text("backbone");
        if (PretrainSpec.nameOf(backbone) != null) {
            Path dir = pretrainedDir(suite, backbone, options);
            pretrain = PretrainCache.summary(dir);
            backbone = "hf:" + dir;
        }
        RunArtifacts.Save save = RunArtifacts.Save.of(spec);
        ModelRecipe recipe = RunArtifacts.recipe(spec, backbone, numLabels);
        try (ModelRecipe.Built built = recipe.build(save != RunArtifacts.Save.NONE)) {
            ClassificationModel model = built.model();
            try (TaskRunner.Prepared task = runner.prepare(spec, model)) {
                TrainingConfig config = new TrainingConfig(spec.integer("epochs"), spec.number("learning_rate"),
                        spec.number("weight_decay"), spec.number("warmup_ratio"), spec.number("max_grad_norm"),
                        0.9, 0.999, 1e-8);
                Map<String, Double> trivial = TrivialPredictor.score(task.data());
                String title = spec.task() + " " + spec.label() + " seed " + spec.seed();
                ProgressListener progress = new ConsoleProgress(options.log(), title, options.interactive(), 50);
                RunArtifacts.BestEpoch best = save == RunArtifacts.Save.NONE ? null
                        : new RunArtifacts.BestEpoch(progress, model.block());
                TrainingOutcome result = new Trainer(config, best == null ? progress : best)
                        .train(model.block(), model.manager(), task.data(), spec.seed());
                Map<String, String> artifacts = RunArtifacts.write(suite.name(), spec, recipe, built, best, result, layout);
                long total = model.block().getParameters().values().stream().mapToLong(p -> p.getShape().size()).sum();
                return new Outcome(result, task.data().headlineMetric(), trivial, built.injection(), total, task.datasetSha(),
                        model.source(), pretrain, artifacts, null);
            }
        }
    }

    /** The checkpoint folder of a {@code pretrain:NAME@HASH} backbone: the suite's stage, or a cached one (replay). */
    private Path pretrainedDir(Suite suite, String backbone, SuiteRunner.Options options) {
        PretrainSpec stage = suite.pretrainFor(backbone).orElse(null);
        if (stage != null) {
            return pretrained.ensure(stage, options.log());
        }
        String hash = PretrainSpec.hashOf(backbone);
        return pretrained.existing(hash == null ? "" : hash).orElseThrow(() -> new IllegalArgumentException("backbone "
                + backbone + ": this suite declares no such pretrain stage and " + pretrained.dir(String.valueOf(hash))
                + " holds no checkpoint; run the suite that declares it"));
    }

    private Map<String, Object> runJson(Suite suite, RunSpec spec, Outcome outcome, RunRecord record) {
        Map<String, Object> doc = new LinkedHashMap<>();
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("suite", suite.name());
        config.put("suite_version", suite.version());
        config.put("run_id", spec.runId());
        config.put("task", spec.task());
        config.put("method", spec.method());
        config.put("label", spec.label());
        config.put("options", spec.methodOptions());
        config.put("seed", spec.seed());
        config.put("settings", spec.settings());
        doc.put("config", config);
        doc.put("epochs", outcome.result == null ? List.of() : outcome.result.epochs().stream().map(TrainingRunExecutor::epoch).toList());
        doc.put("result", record);
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("git_commit", record.gitCommit());
        provenance.put("git_dirty", Provenance.gitDirty(projectDir));
        provenance.put("suite_file", suite.file().toString());
        provenance.put("suite_sha256", suite.sha256());
        provenance.put("dataset_sha256", outcome.datasetSha == null ? Map.of() : outcome.datasetSha);
        provenance.put("backbone", spec.text("backbone"));
        provenance.put("backbone_init", spec.settings().getOrDefault("backbone_init", RunSettings.INIT_PRETRAINED));
        if (outcome.pretrain != null) {
            provenance.put("pretrain", outcome.pretrain);
        }
        if (outcome.artifacts != null && !outcome.artifacts.isEmpty()) {
            doc.put("artifacts", outcome.artifacts);
        }
        putEnvironment(provenance, record.startedAt(), record.finishedAt());
        doc.put("provenance", provenance);
        return doc;
    }

    /** The machine part of a provenance record (runs and pretrain stages): versions, CPU, threads, times. */
    static void putEnvironment(Map<String, Object> provenance, String startedAt, String finishedAt) {
        provenance.put("versions", Provenance.versions());
        provenance.put("cpu", ResourceMeter.deviceName());
        provenance.put("threads", ResourceMeter.threads());
        provenance.put("started_at", startedAt);
        provenance.put("finished_at", finishedAt);
    }

    private static Map<String, Object> epoch(EpochRecord e) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("epoch", e.epoch() + 1);
        out.put("steps", e.steps());
        out.put("train_loss", e.trainLoss());
        out.put("metrics", e.metrics());
        out.put("train_seconds", e.trainSeconds());
        out.put("eval_seconds", e.evalSeconds());
        return out;
    }

    /** What one attempt produced: a training outcome, or the exception that stopped it. */
    private record Outcome(TrainingOutcome result, String headline, Map<String, Double> trivial,
                           InjectionReport injection, long totalParameters,
                           Map<String, String> datasetSha, String backbone, Map<String, Object> pretrain,
                           Map<String, String> artifacts, Throwable error) {

        static Outcome failed(Throwable e) {
            return new Outcome(null, "", Map.of(), null, 0, null, "", null, null, e);
        }

        RunRecord toRecord(Suite suite, RunSpec spec, String started, String finished, double wall, String commit) {
            RunStatus status;
            String detail;
            if (error != null) {
                status = RunStatus.FAILED;
                detail = error.getClass().getSimpleName() + ": " + error.getMessage();
            } else if (result.status() == TrainingOutcome.Status.DIVERGED) {
                status = RunStatus.DIVERGED;
                detail = result.detail();
            } else {
                status = RunStatus.COMPLETED;
                detail = "";
            }
            Map<String, Double> best = result == null ? Map.of() : result.bestMetrics();
            Map<String, Double> last = result == null ? Map.of() : result.lastMetrics();
            return new RunRecord(spec.runId(), suite.name(), spec.task(), spec.method(), spec.label(), spec.optionsJson(),
                    spec.seed(), spec.text("backbone"), status, detail, headline,
                    best.getOrDefault(headline, Double.NaN), last.getOrDefault(headline, Double.NaN),
                    result == null ? -1 : result.bestEpoch(), best, last, trivial,
                    injection == null ? 0 : injection.trainableWithoutHead().stored(),
                    injection == null ? 0 : injection.trainableWithoutHead().effective(),
                    injection == null ? 0 : injection.headTrainable(), totalParameters,
                    result == null ? 0 : result.epochs().size(), result == null ? 0 : result.steps(),
                    result == null ? 0 : result.trainExamplesPerSecond(), result == null ? 0 : result.trainTokensPerSecond(),
                    result == null ? 0 : result.evalExamplesPerSecond(), wall,
                    result == null ? Double.NaN : result.peakHeapMb(), ResourceMeter.peakResidentMb(),
                    ResourceMeter.deviceName(), ResourceMeter.threads(), started, finished, commit);
        }
    }
}
