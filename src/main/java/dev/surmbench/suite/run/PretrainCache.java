package dev.surmbench.suite.run;

import ai.djl.Device;
import dev.surmbench.data.download.CacheDirs;
import dev.surmbench.data.download.Installer;
import dev.surmbench.data.image.ImageSource;
import dev.surmbench.data.image.ImageTaskData;
import dev.surmbench.model.Backbones;
import dev.surmbench.model.ClassificationModel;
import dev.surmbench.model.Pooling;
import dev.surmbench.model.source.HfCheckpointSource;
import dev.surmbench.model.source.HfCheckpointWriter;
import dev.surmbench.results.FolderLock;
import dev.surmbench.results.RunJson;
import dev.surmbench.results.RunProvenance;
import dev.surmbench.suite.PretrainSpec;
import dev.surmbench.train.EpochRecord;
import dev.surmbench.train.Trainer;
import dev.surmbench.train.TrainingConfig;
import dev.surmbench.train.TrainingOutcome;
import dev.surmbench.util.Seeds;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs {@code pretrain:} stages and caches their checkpoints under {@code <root>/<hash>/} (root: the
 * download cache's {@code pretrained/}, i.e. {@code ~/.cache/surm-bench/pretrained}, moved by {@code
 * -Dsurm.cache.dir} / {@code SURM_CACHE_DIR}). A folder holds {@code config.json} and {@code
 * model.safetensors} (Hugging Face ViT names, read back through {@code hf:<dir>}) and {@code
 * pretrain.json} (the stage, its test accuracy, per-epoch numbers, seconds, provenance).
 *
 * <p>Training: seeded random ViT ({@code Seeds.derive(seed, "init")}), every parameter trained with
 * cross-entropy, AdamW with linear warm-up/decay, data order and subsets from the stage's seed, no
 * augmentation; the test split (limited to {@code eval_limit}) is scored after every epoch and the
 * <b>last</b> epoch's weights are kept — the test set never selects anything. The folder is built
 * under a temporary name and renamed into place, so a half-written checkpoint is never read; two
 * processes racing on one stage both train and the first rename wins. A stage that fails is not
 * retried within one process.
 */
public final class PretrainCache {
    /** The file with the stage's numbers and provenance. */
    public static final String REPORT = "pretrain.json";

    private final Path root;
    private final Path projectDir;
    private final Map<String, RuntimeException> failures = new HashMap<>();
    private final Map<String, ImageTaskData> dataCache = new HashMap<>();

    /** A cache under {@code root} ({@code null}: the default location above). */
    public PretrainCache(Path root, Path projectDir) {
        this.root = root != null ? root : CacheDirs.of("pretrained");
        this.projectDir = projectDir;
    }

    public Path root() {
        return root;
    }

    /** The checkpoint folder of a stage hash, whether or not it exists yet. */
    public Path dir(String hash) {
        return root.resolve(hash);
    }

    /** The finished checkpoint of {@code hash}, if cached. */
    public Optional<Path> existing(String hash) {
        Path dir = dir(hash);
        return isComplete(dir) ? Optional.of(dir) : Optional.empty();
    }

    private static boolean isComplete(Path dir) {
        return Files.isRegularFile(dir.resolve(HfCheckpointSource.CONFIG)) && Files.isRegularFile(dir.resolve(HfCheckpointSource.WEIGHTS))
                && Files.isRegularFile(dir.resolve(REPORT));
    }

    /** The checkpoint folder of {@code stage}, trained now on {@code device} unless cached. */
    public synchronized Path ensure(PretrainSpec stage, PrintStream log, Device device) {
        String hash = stage.hash();
        Optional<Path> cached = existing(hash);
        if (cached.isPresent()) {
            return cached.get();
        }
        RuntimeException failed = failures.get(hash);
        if (failed != null) {
            throw new IllegalStateException("pretrain stage '" + stage.name() + "' failed earlier in this process: "
                    + failed.getMessage(), failed);
        }
        // under the stage's own lock: a process that needs it at once (run --jobs) waits and reads it
        try (FolderLock lock = FolderLock.acquire(root, hash + ".lock")) {
            Optional<Path> meanwhile = existing(hash);
            return meanwhile.isPresent() ? meanwhile.get() : train(stage, log, device);
        } catch (IOException e) {
            IllegalStateException wrapped = new IllegalStateException("pretrain stage '" + stage.name() + "': " + e.getMessage(), e);
            failures.put(hash, wrapped);
            throw wrapped;
        } catch (RuntimeException e) {
            failures.put(hash, e);
            throw e;
        }
    }

    private Path train(PretrainSpec stage, PrintStream log, Device device) throws IOException {
        String started = Instant.now().toString();
        long t0 = System.nanoTime();
        ImageSource source = ImageSource.fromName(stage.dataset());
        ImageTaskData data = ImageTaskRunner.load(source, stage.dataDir(), dataCache)
                .limited(stage.trainLimit(), stage.evalLimit(), Seeds.derive(stage.seed(), "subsample"));
        log.printf("pretrain %s (%s): ViT %d layers, width %d, patch %d on %s — %d training, %d test images, %d epochs%n",
                stage.name(), stage.hash(), stage.vit().numHiddenLayers(), stage.vit().hiddenSize(), stage.vit().patchSize(),
                stage.dataset(), data.train().size(), data.eval().size(), stage.epochs());
        TrainingConfig config = TrainingConfig.adamW(stage.epochs(), stage.learningRate(), stage.weightDecay(),
                stage.warmupRatio(), stage.maxGradNorm());
        Files.createDirectories(root);
        Path tmp = Files.createTempDirectory(root, ".tmp-" + stage.hash() + "-");
        try (ClassificationModel model = Backbones.random(stage.vit(), data.numClasses(), Seeds.derive(stage.seed(), "init"),
                Pooling.CLS, device)) {
            ImageTrainingData training = new ImageTrainingData(data, ImageTaskRunner.transform(stage.vit()), -1,
                    stage.batchSize(), Math.max(stage.batchSize(), 256), stage.seed(), stage.vit().patchSize());
            TrainingOutcome outcome = new Trainer(config, new ConsoleProgress(log, "pretrain " + stage.name(),
                    ConsoleProgress.isInteractive(), stage.batchSize())).train(model.block(), model.manager(), training, stage.seed());
            if (outcome.status() != TrainingOutcome.Status.COMPLETED) {
                throw new IllegalStateException("pretrain stage '" + stage.name() + "' diverged: " + outcome.detail());
            }
            double accuracy = outcome.lastMetrics().get(ImageTrainingData.METRIC);
            double seconds = (System.nanoTime() - t0) / 1e9;
            Map<String, String> meta = new LinkedHashMap<>();
            meta.put("surm_bench_pretrain", stage.name());
            meta.put("stage_hash", stage.hash());
            HfCheckpointWriter.write(tmp, model, Map.of(), meta);
            RunJson.writeValue(tmp.resolve(REPORT), report(stage, data, outcome, accuracy, seconds, started, device));
            log.printf("pretrain %s: %s test accuracy %.4f after %d epochs, %.0f s -> %s%n", stage.name(), stage.dataset(),
                    accuracy, stage.epochs(), seconds, dir(stage.hash()));
        } catch (RuntimeException | IOException e) {
            Installer.deleteRecursively(tmp);
            throw e;
        }
        Path target = dir(stage.hash());
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException | java.nio.file.DirectoryNotEmptyException raced) {
            Installer.deleteRecursively(tmp);
            if (!isComplete(target)) {
                throw new IOException("cannot move the pretrained checkpoint into " + target + ": " + raced, raced);
            }
        }
        return target;
    }

    private PretrainReport report(PretrainSpec stage, ImageTaskData data, TrainingOutcome outcome, double accuracy,
                                  double seconds, String started, Device device) {
        RunProvenance provenance = RunProvenance.ofPretrain(RunProvenance.gitCommit(projectDir),
                RunProvenance.gitDirty(projectDir), new ImageTaskRunner().datasetSha(ImageSource.fromName(stage.dataset()),
                        ImageTaskRunner.root(stage.dataDir())),
                TrainingRunExecutor.environment(started, Instant.now().toString(), RunDevices.describe(device, Double.NaN)));
        List<PretrainReport.StageEpoch> epochs = outcome.epochs().stream().map(e -> new PretrainReport.StageEpoch(e.epoch() + 1,
                e.trainLoss(), e.metrics().get(ImageTrainingData.METRIC), e.trainSeconds())).toList();
        return new PretrainReport(stage.name(), stage.hash(), stage.identity(), stage.dataset(), data.train().size(),
                data.eval().size(), data.evalSplit(), accuracy, 1.0 / data.numClasses(), epochs, seconds,
                outcome.trainExamplesPerSecond(), provenance);
    }

    /** The numbers of a cached stage ({@code pretrain.json}), for run provenance. */
    public static RunProvenance.Pretrain summary(Path dir) {
        try {
            return RunJson.readValue(dir.resolve(REPORT), PretrainReport.class).summary(dir.toString());
        } catch (IOException e) {
            return RunProvenance.Pretrain.unreadable(dir.toString(), String.valueOf(e.getMessage()));
        }
    }

    /** The files of a complete checkpoint folder. */
    public static List<String> files() {
        return List.of(HfCheckpointSource.CONFIG, HfCheckpointSource.WEIGHTS, REPORT);
    }
}
