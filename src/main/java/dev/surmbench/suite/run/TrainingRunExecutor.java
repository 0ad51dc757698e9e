package dev.surmbench.suite.run;

import ai.djl.Device;
import dev.surmbench.artifact.ModelRecipe;
import dev.surmbench.data.TaskDomain;
import dev.surmbench.device.EngineFacts;
import dev.surmbench.device.HostFacts;
import dev.surmbench.model.BackboneSource;
import dev.surmbench.model.ClassificationModel;
import dev.surmbench.peft.InjectionReport;
import dev.surmbench.results.ResultsLayout;
import dev.surmbench.results.RunDocument;
import dev.surmbench.results.RunJson;
import dev.surmbench.results.RunProtocol;
import dev.surmbench.results.RunProvenance;
import dev.surmbench.results.RunRecord;
import dev.surmbench.results.RunStatus;
import dev.surmbench.suite.DefaultCatalog;
import dev.surmbench.suite.PretrainSpec;
import dev.surmbench.suite.ResolvedSettings;
import dev.surmbench.suite.RunSettings;
import dev.surmbench.suite.RunSpec;
import dev.surmbench.suite.Suite;
import dev.surmbench.train.EpochRecord;
import dev.surmbench.train.GpuMemoryMeter;
import dev.surmbench.train.ProgressListener;
import dev.surmbench.train.HostBatch;
import dev.surmbench.train.ResourceMeter;
import dev.surmbench.train.Trainer;
import dev.surmbench.train.TrainingConfig;
import dev.surmbench.train.TrainingOutcome;
import dev.surmbench.train.TrivialPredictor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs one fine-tuning: resolves the backbone (a {@code pretrain:} stage becomes its cached
 * checkpoint, trained first if needed), builds it with a seeded head — or, with {@code
 * backbone_init: random}, the same shape with seeded random weights — injects the method with a
 * seeded init, prepares the task through its domain's {@link TaskRunner} (GLUE text or images),
 * trains, and writes run.json. Any exception becomes a {@code failed} row with its message (run.json
 * keeps the stack trace) — except an environment failure (missing data or backbone, network, disk: {@link
 * EnvironmentUnavailableException}), which is thrown and never recorded; an empty training or evaluation split fails the run; a non-finite loss is a
 * {@code diverged} row; an {@link OutOfMemoryError} is recorded and then stops the suite.
 */
public final class TrainingRunExecutor implements RunExecutor {
    private final Path projectDir;
    private final PretrainCache pretrained;
    private final ActivationCache activations;
    private final GlueTaskRunner glue;
    private final ImageTaskRunner images = new ImageTaskRunner();
    private final DefaultCatalog catalog = new DefaultCatalog();
    private final RunDevices devices;

    public TrainingRunExecutor(Path projectDir) {
        this(projectDir, null);
    }

    /** With pretrained checkpoints cached under {@code pretrainCache} ({@code null}: the default, see {@link PretrainCache}). */
    public TrainingRunExecutor(Path projectDir, Path pretrainCache) {
        this(projectDir, pretrainCache, null);
    }

    /**
     * As {@link #TrainingRunExecutor(Path, Path)}, every run on {@code device} ({@code auto}, {@code cpu},
     * {@code cuda[:N]}; {@code null}: each run's {@code device} setting). The device never changes a run id.
     *
     * @throws IllegalArgumentException for a device string that is none of those forms
     */
    public TrainingRunExecutor(Path projectDir, Path pretrainCache, String device) {
        this(projectDir, pretrainCache, device, new ActivationCache(null, true, System.out));
    }

    /** As above, with frozen-prefix activations from {@code activations} (see {@link ActivationCache}). */
    public TrainingRunExecutor(Path projectDir, Path pretrainCache, String device, ActivationCache activations) {
        this.projectDir = projectDir;
        this.pretrained = new PretrainCache(pretrainCache, projectDir);
        this.devices = new RunDevices(device, EngineFacts::probe);
        this.activations = activations;
        this.glue = new GlueTaskRunner(activations);
    }

    /**
     * The preflight of the runs about to execute: their devices, data and backbones ({@link Preflight});
     * anything this machine lacks stops the suite here, before anything trains or is recorded.
     */
    @Override
    public void prepare(List<RunSpec> pending) {
        devices.check(pending);
        new Preflight(this::runner).check(pending);
    }

    @Override
    public RunRecord execute(Suite suite, RunSpec spec, ResultsLayout layout, SuiteRunner.Options options) {
        return execute(suite, spec, layout, options, MismatchedEvaluation.applies(spec)
                ? progress -> evaluateTwin(suite, spec, layout)
                : progress -> train(suite, spec, layout, options, progress));
    }

    @Override
    public Map<String, String> currentDatasetSha(RunSpec spec) {
        return runner(spec).currentDatasetSha(spec);
    }

    /** What a run does between being started and being recorded (a test may stand in for training). */
    interface Attempt {
        Outcome run(ConsoleProgress progress) throws Exception;
    }

    /**
     * Runs {@code attempt} and records it in run.json: its peak memory is measured from its own start,
     * its progress bar is closed however it ends, and an exception becomes a failed row with the stack
     * trace in run.json. An {@link OutOfMemoryError} or a full disk is recorded the same way, then stops
     * the suite ({@link RunStoppedException}): the next run would not fare better.
     */
    RunRecord execute(Suite suite, RunSpec spec, ResultsLayout layout, SuiteRunner.Options options, Attempt attempt) {
        String started = Instant.now().toString();
        long startNanos = System.nanoTime();
        boolean ownPeak = ResourceMeter.resetPeakResident();
        Outcome outcome;
        Device device = deviceOrCpu(spec);
        String title = spec.task() + " " + spec.label() + " seed " + spec.seed();
        try (ConsoleProgress progress = new ConsoleProgress(options.log(), title, options.interactive(),
                spec.config().batchSize())) {
            outcome = attempt.run(progress);
        } catch (Exception | OutOfMemoryError e) {
            EnvironmentUnavailableException environment = EnvironmentUnavailableException.of(e);
            if (environment != null) {
                throw environment; // the machine's failure, not the run's: not recorded, the next invocation runs it
            }
            outcome = Outcome.failed(e, device == null ? Device.cpu() : device);
        }
        RunRecord record = outcome.toRecord(suite, spec, started, Instant.now().toString(),
                (System.nanoTime() - startNanos) / 1e9, RunProvenance.gitCommit(projectDir),
                ownPeak ? ResourceMeter.peakResidentMb() : Double.NaN);
        try {
            RunJson.write(layout.runJson(spec.runId()), runJson(suite, spec, outcome, record));
        } catch (IOException e) {
            throw new UncheckedIOException("run " + spec.runId() + " is not recorded", e); // e names the file
        }
        if (outcome.error instanceof OutOfMemoryError) {
            throw new RunStoppedException(record, outcome.error);
        }
        return record;
    }

    private TaskRunner runner(RunSpec spec) {
        return catalog.taskDomain(spec.task()) == TaskDomain.IMAGE ? images : glue;
    }

    /** The run's device for its failure record (an unknown one fails the run itself when it trains). */
    private Device deviceOrCpu(RunSpec spec) {
        try {
            return devices.of(spec);
        } catch (RuntimeException e) {
            return Device.cpu();
        }
    }

    private Outcome train(Suite suite, RunSpec spec, ResultsLayout layout, SuiteRunner.Options options,
                          ConsoleProgress console) throws Exception {
        Device device = devices.of(spec);
        TaskRunner runner = runner(spec);
        int numLabels = runner.numLabels(spec);
        RunProvenance.Pretrain pretrain = null;
        String backbone = spec.config().backbone();
        if (PretrainSpec.nameOf(backbone) != null) {
            Path dir = pretrainedDir(suite, backbone, options, device);
            pretrain = PretrainCache.summary(dir);
            backbone = "hf:" + dir;
        }
        BackboneSource source = BackboneSource.parse(backbone);
        RunSettings.Save save = RunArtifacts.save(spec);
        ModelRecipe recipe = RunArtifacts.recipe(spec, backbone, numLabels);
        GpuMemoryMeter gpuMemory = new GpuMemoryMeter(device).start();
        try (ModelRecipe.Built built = recipe.build(save != RunSettings.Save.NONE, device)) {
            ClassificationModel model = built.model();
            try (TaskRunner.Prepared task = runner.prepare(spec, model)) {
                requireExamples(spec, task);
                ResolvedSettings settings = spec.config();
                TrainingConfig config = TrainingConfig.adamW(settings.epochs(), settings.learningRate(),
                        settings.weightDecay(), settings.warmupRatio(), settings.maxGradNorm());
                Map<String, Double> trivial = TrivialPredictor.score(task.data());
                ProgressListener progress = ProgressListener.both(console, gpuMemory);
                RunArtifacts.BestEpoch best = save == RunSettings.Save.NONE ? null : new RunArtifacts.BestEpoch(model.block());
                TrainingOutcome result = new Trainer(config, best == null ? progress : ProgressListener.both(progress, best))
                        .train(model.block(), model.manager(), task.data(), spec.seed());
                Map<String, String> artifacts = RunArtifacts.write(suite.name(), spec, recipe, built, best, result, layout);
                long total = model.block().getParameters().values().stream().mapToLong(p -> p.getShape().size()).sum();
                Map<String, String> weightsSha = recipe.randomInit() ? Map.of() : source.weightsSha256();
                return new Outcome(result, task.data().headlineMetric(), trivial, built.injection(), total,
                        task.datasetSha(), weightsSha, pretrain, RunDevices.describe(device, gpuMemory.peakMb()), artifacts,
                        null);
            }
        }
    }

    /** An {@code mnli-mm} run: its mnli twin's saved model scored on the mismatched dev set ({@link MismatchedEvaluation}). */
    private Outcome evaluateTwin(Suite suite, RunSpec spec, ResultsLayout layout) throws Exception {
        MismatchedEvaluation.Result r = MismatchedEvaluation.evaluate(suite, spec, layout, glue);
        try (ModelRecipe.Built built = r.built()) {
            return new Outcome(r.outcome(), r.headline(), r.trivial(), built.injection(), r.totalParameters(), r.datasetSha(),
                    BackboneSource.parse(spec.config().backbone()).weightsSha256(), null,
                    RunDevices.describe(ai.djl.Device.cpu(), Double.NaN), Map.of("model_of_run", r.adapterOf()), null);
        }
    }

    /** Nothing to learn from or nothing to score on is not a result: an empty split fails the run. */
    private static void requireExamples(RunSpec spec, TaskRunner.Prepared task) {
        long train = task.data().trainSize();
        long eval = task.data().evalBatches().stream().mapToLong(HostBatch::size).sum();
        if (train == 0 || eval == 0) {
            throw new IllegalArgumentException(spec.task() + ": the " + (train == 0 ? "training" : "evaluation")
                    + " split has no examples (data files " + String.join(", ", task.datasetSha().keySet())
                    + "); a run needs at least one example in each — restore the file (a header alone is empty)");
        }
    }

    /** The checkpoint folder of a {@code pretrain:NAME@HASH} backbone: the suite's stage, or a cached one (replay). */
    private Path pretrainedDir(Suite suite, String backbone, SuiteRunner.Options options, Device device) {
        PretrainSpec stage = suite.pretrainFor(backbone).orElse(null);
        if (stage != null) {
            return pretrained.ensure(stage, options.log(), device);
        }
        String hash = PretrainSpec.hashOf(backbone);
        return pretrained.existing(hash == null ? "" : hash).orElseThrow(() -> new IllegalArgumentException("backbone "
                + backbone + ": this suite declares no such pretrain stage and " + pretrained.dir(String.valueOf(hash))
                + " holds no checkpoint; run the suite that declares it"));
    }

    /** run.json's {@code config}: the fully resolved run, from which {@code replay} rebuilds it. */
    public static RunDocument.Config runJsonConfig(Suite suite, RunSpec spec) {
        return new RunDocument.Config(suite.name(), suite.version(), spec.runId(), spec.task(), spec.method(),
                spec.label(), spec.methodOptions(), spec.seed(), spec.settings());
    }

    private RunDocument runJson(Suite suite, RunSpec spec, Outcome outcome, RunRecord record) {
        RunProvenance provenance = RunProvenance.ofRun(record.gitCommit(), RunProvenance.gitDirty(projectDir),
                suite.file().toString(), suite.sha256(), outcome.datasetSha == null ? Map.of() : outcome.datasetSha,
                spec.config().backbone(), spec.config().backboneInit().word(),
                backboneSha256(outcome.weightsSha), outcome.weightsSha == null ? Map.of() : outcome.weightsSha,
                outcome.pretrain, environment(record.startedAt(), record.finishedAt(), outcome.device));
        return new RunDocument(runJsonConfig(suite, spec),
                outcome.result == null ? List.of() : outcome.result.epochs().stream().map(TrainingRunExecutor::epoch).toList(),
                record, outcome.error == null ? null : RunDocument.Failure.of(outcome.error), outcome.artifacts, provenance);
    }

    /**
     * The report's one value for the weights: the hash of the one file read, or {@code name=hash} pairs
     * when several were (a TF bundle's index and data); "none" for seeded weights, "unknown" when the
     * run failed before reading them.
     */
    private static String backboneSha256(Map<String, String> files) {
        if (files == null) {
            return "unknown";
        }
        if (files.isEmpty()) {
            return "none (seeded random weights)";
        }
        if (files.size() == 1) {
            return files.values().iterator().next();
        }
        List<String> pairs = new ArrayList<>();
        new TreeMap<>(files).forEach((file, sha) -> pairs.add(file + "=" + sha));
        return String.join(" ", pairs);
    }

    /**
     * The machine part of a provenance record (runs and pretrain stages): versions, CPU, the device
     * used and its GPU (the report's {@code gpu} fact), threads, times.
     */
    static RunProvenance.Environment environment(String startedAt, String finishedAt, RunDevices.Used device) {
        return new RunProvenance.Environment(RunProvenance.currentVersions(), HostFacts.cpuModel(), device.usage().device(),
                device.gpu(), ResourceMeter.threads(), startedAt, finishedAt);
    }

    private static RunDocument.Epoch epoch(EpochRecord e) {
        return new RunDocument.Epoch(e.epoch() + 1, e.steps(), e.trainLoss(), e.metrics(), e.trainSeconds(), e.evalSeconds(),
                e.validationMetrics());
    }

    /** What one attempt produced: a training outcome, or the exception that stopped it. */
    record Outcome(TrainingOutcome result, String headline, Map<String, Double> trivial,
                           InjectionReport injection, long totalParameters, Map<String, String> datasetSha,
                           Map<String, String> weightsSha, RunProvenance.Pretrain pretrain, RunDevices.Used device,
                           Map<String, String> artifacts, Throwable error) {

        static Outcome failed(Throwable e, Device device) {
            return new Outcome(null, "", Map.of(), null, 0, null, null, null, RunDevices.describe(device, Double.NaN), null,
                    e);
        }

        RunRecord toRecord(Suite suite, RunSpec spec, String started, String finished, double wall, String commit,
                           double peakNativeMb) {
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
                detail = result.detail(); // "" for a trained run; an evaluation-only run names the model it scored
            }
            Map<String, Double> best = result == null ? Map.of() : result.bestMetrics();
            Map<String, Double> last = result == null ? Map.of() : result.lastMetrics();
            return new RunRecord(spec.runId(), suite.name(), spec.task(), spec.method(), spec.label(), spec.optionsJson(),
                    spec.seed(), spec.config().backbone(), status, detail, headline,
                    best.getOrDefault(headline, Double.NaN), last.getOrDefault(headline, Double.NaN),
                    result == null ? -1 : result.bestEpoch(), best, last, trivial,
                    injection == null ? 0 : injection.trainableWithoutHead().stored(),
                    injection == null ? 0 : injection.trainableWithoutHead().effective(),
                    injection == null ? 0 : injection.headTrainable(), totalParameters,
                    result == null ? 0 : result.epochs().size(), result == null ? 0 : result.steps(),
                    result == null ? 0 : result.trainExamplesPerSecond(), result == null ? 0 : result.trainTokensPerSecond(),
                    result == null ? 0 : result.evalExamplesPerSecond(), wall,
                    result == null ? Double.NaN : result.peakHeapMb(), peakNativeMb,
                    device.usage(), ResourceMeter.threads(), started, finished, commit, protocol(spec));
        }

        /** What selected the epoch, the learning rate, and both protocols' numbers ({@link RunProtocol}). */
        private RunProtocol protocol(RunSpec spec) {
            double learningRate = spec.config().learningRate();
            if (result == null) {
                return RunProtocol.devSelected(learningRate, Double.NaN, -1, Map.of());
            }
            Map<String, Double> devBest = result.devBestMetrics();
            if (!result.selectedOnValidation()) {
                return RunProtocol.devSelected(learningRate, devBest.getOrDefault(headline, Double.NaN),
                        result.devBestEpoch(), devBest);
            }
            Map<String, Double> validation = result.bestValidationMetrics();
            return new RunProtocol(RunProtocol.Selection.VALIDATION, learningRate,
                    validation.getOrDefault(headline, Double.NaN), validation, devBest.getOrDefault(headline, Double.NaN),
                    result.devBestEpoch(), devBest);
        }
    }
}
