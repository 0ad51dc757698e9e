package dev.surmbench.suite.run;

import dev.surmbench.data.image.ImageDownloads;
import dev.surmbench.data.image.ImageSource;
import dev.surmbench.data.image.ImageSplit;
import dev.surmbench.data.image.ImageTaskData;
import dev.surmbench.data.image.ImageTransform;
import dev.surmbench.model.ClassificationModel;
import dev.surmbench.model.vit.VitConfig;
import dev.surmbench.suite.ResolvedSettings;
import dev.surmbench.suite.RunSettings;
import dev.surmbench.suite.RunSpec;
import dev.surmbench.util.Seeds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Image-classification tasks: the dataset read once per images root (downloaded first where it has
 * a public source and is absent, see {@link ImageDownloads}), resized to the ViT's {@code
 * image_size} with its channels, normalised with mean 0.5 and std 0.5 per channel (the Hugging Face
 * ViT image processor's values), optionally augmented ({@code augment: crop-flip}), in {@link
 * ImageTrainingData}.
 */
final class ImageTaskRunner implements TaskRunner {
    /** Per-channel normalisation of every image task (Hugging Face's ViTImageProcessor defaults). */
    static final float NORMALISE = 0.5f;

    private final Map<String, ImageTaskData> cache = new HashMap<>();
    private final FileHashes hashes = new FileHashes();

    @Override
    public int numLabels(RunSpec spec) throws IOException {
        return data(spec).numClasses();
    }

    @Override
    public void checkAvailable(RunSpec spec) {
        ImageSource source = ImageSource.fromName(spec.task());
        try {
            data(spec);
        } catch (IOException | java.io.UncheckedIOException e) {
            EnvironmentUnavailableException network = EnvironmentUnavailableException.of(e);
            throw new EnvironmentUnavailableException("image task " + spec.task() + ": not present under "
                    + source.location(root(spec.config().dataDir())) + (network != null ? " and its download failed" : "")
                    + " (" + e.getMessage() + "); set " + ImageSource.ENV + "=/path/to/images (or the suite's data_dir) "
                    + "to a folder holding it (see docs/cli.md#data)" + (network != null ? ", or allow the download" : ""), e);
        }
    }

    @Override
    public Prepared prepare(RunSpec spec, ClassificationModel model) throws IOException {
        if (!(model.config() instanceof VitConfig vit)) {
            throw new IllegalArgumentException("image task " + spec.task() + " needs a ViT backbone; "
                    + spec.config().backbone() + " is " + model.family());
        }
        ResolvedSettings settings = spec.config();
        ImageTaskData.WithValidation carved = data(spec).carve(settings.validation());
        ImageTaskData data = carved.rest().limited(settings.trainLimit(), settings.evalLimit(),
                Seeds.derive(spec.seed(), "subsample"));
        ImageTrainingData training = new ImageTrainingData(data, carved.validation(), transform(vit),
                settings.augment() == RunSettings.Augment.CROP_FLIP ? Math.max(1, vit.imageSize() / 8) : -1,
                settings.batchSize(), settings.evalBatchSize(), spec.seed(), vit.patchSize());
        return new Prepared(training, datasetSha(data.source(), root(settings.dataDir())), null);
    }

    @Override
    public Map<String, String> currentDatasetSha(RunSpec spec) {
        return datasetSha(ImageSource.fromName(spec.task()), root(spec.config().dataDir()), true);
    }

    /** The evaluation transform for a ViT: its size and channels, normalisation 0.5/0.5. */
    static ImageTransform transform(VitConfig vit) {
        float[] half = new float[vit.numChannels()];
        Arrays.fill(half, NORMALISE);
        return ImageTransform.eval(vit.numChannels(), vit.imageSize(), vit.imageSize(), half, half);
    }

    /** The images root of a {@code data_dir} setting ("" = the JVM's default). */
    static Path root(String dataDir) {
        return dataDir == null || dataDir.isBlank() ? ImageSource.root() : Path.of(dataDir);
    }

    private ImageTaskData data(RunSpec spec) throws IOException {
        return load(ImageSource.fromName(spec.task()), spec.config().dataDir(), cache);
    }

    /** Loads (downloading first if needed and possible) and caches a task's images. */
    static ImageTaskData load(ImageSource source, String dataDir, Map<String, ImageTaskData> cache) throws IOException {
        String key = source.userName() + "|" + dataDir;
        ImageTaskData cached = cache.get(key);
        if (cached == null) {
            Path root = root(dataDir);
            ImageDownloads.ensure(source, root);
            cached = ImageTaskData.load(source, root);
            cache.put(key, cached);
        }
        return cached;
    }

    /** SHA-256 of each file read (folders of image-folder datasets are named, not hashed). */
    Map<String, String> datasetSha(ImageSource source, Path root) {
        return datasetSha(source, root, false);
    }

    /**
     * SHA-256 of each file read (folders of image-folder datasets are named, not hashed); with
     * {@code presentOnly}, entries for what is absent now are left out.
     */
    private Map<String, String> datasetSha(ImageSource source, Path root, boolean presentOnly) {
        Map<String, String> out = new LinkedHashMap<>();
        Path dir = source.location(root);
        for (ImageSplit split : source.splits()) {
            for (String file : source.files(root, split)) {
                Path path = dir.resolve(file);
                if (Files.isRegularFile(path)) {
                    out.put(source.userName() + "/" + file, hashes.of(path));
                } else if (!presentOnly || Files.isDirectory(path)) {
                    out.put(source.userName() + "/" + file, "folder " + path);
                }
            }
        }
        return out;
    }
}
