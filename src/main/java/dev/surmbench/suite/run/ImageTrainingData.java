package dev.surmbench.suite.run;

import dev.surmbench.data.image.ImageBatch;
import dev.surmbench.data.image.ImageBatcher;
import dev.surmbench.data.image.ImageDataset;
import dev.surmbench.data.image.ImageTaskData;
import dev.surmbench.data.image.ImageTransform;
import dev.surmbench.metrics.Metric;
import dev.surmbench.metrics.MetricScores;
import dev.surmbench.train.HostBatch;
import dev.surmbench.train.HostInput;
import dev.surmbench.train.TrainingData;
import dev.surmbench.util.Seeds;
import java.util.AbstractList;
import java.util.List;
import java.util.Map;

/**
 * An image-classification task prepared for the trainer, the image twin of {@link
 * GlueTrainingData}: training batches in an order drawn from {@code Seeds.derive(seed,
 * "data-order")} (augmentation, when on, from the same seed per image and epoch), evaluation batches
 * in dataset order. Batches are transformed when the trainer reads them, so memory holds one batch of
 * pixels at a time. Metric: accuracy. The "tokens" of a batch are its patches ({@code images ×
 * (image_size / patch_size)²}), for throughput.
 */
public final class ImageTrainingData implements TrainingData {
    /** The only metric of an image task. */
    public static final String METRIC = Metric.ACCURACY.userName();

    private final ImageBatcher train;
    private final ImageBatcher eval;
    private final ImageBatcher validation;
    private final long orderSeed;
    private final int trainSize;
    private final int numLabels;
    private final long patchesPerImage;

    /**
     * @param data train/eval images (already limited)
     * @param transform the evaluation transform (size, channels, normalisation)
     * @param augmentPadding ≥ 0: training images get a random crop with this zero padding and a
     *     horizontal flip; &lt; 0: training uses the evaluation transform
     * @param patchSize the backbone's patch side (throughput accounting only)
     */
    public ImageTrainingData(ImageTaskData data, ImageTransform transform, int augmentPadding, int batchSize,
                             int evalBatchSize, long seed, int patchSize) {
        this(data, null, transform, augmentPadding, batchSize, evalBatchSize, seed, patchSize);
    }

    /** As above, with validation images ({@code null} or empty: none) that select the best epoch. */
    public ImageTrainingData(ImageTaskData data, ImageDataset validation, ImageTransform transform, int augmentPadding,
                             int batchSize, int evalBatchSize, long seed, int patchSize) {
        ImageTransform trainTransform = augmentPadding >= 0 ? transform.withAugmentation(augmentPadding) : transform;
        this.train = new ImageBatcher(data.train(), trainTransform, batchSize);
        this.eval = new ImageBatcher(data.eval(), transform, evalBatchSize);
        this.validation = validation == null || validation.size() == 0 ? null
                : new ImageBatcher(validation, transform, evalBatchSize);
        this.orderSeed = Seeds.derive(seed, "data-order");
        this.trainSize = data.train().size();
        this.numLabels = data.numClasses();
        long side = transform.cropSize() / Math.max(1, patchSize);
        this.patchesPerImage = side * side;
    }

    @Override
    public List<HostBatch> trainEpoch(int epoch) {
        return toHost(train.lazyTrainingEpoch(orderSeed, epoch));
    }

    @Override
    public List<HostBatch> evalBatches() {
        return toHost(eval.lazyInOrder());
    }

    @Override
    public List<HostBatch> validationBatches() {
        return validation == null ? List.of() : toHost(validation.lazyInOrder());
    }

    @Override
    public int numLabels() {
        return numLabels;
    }

    @Override
    public int trainSize() {
        return trainSize;
    }

    @Override
    public String headlineMetric() {
        return METRIC;
    }

    @Override
    public Map<String, Double> evaluate(double[] predictions, double[] targets) {
        return MetricScores.compute(List.of(Metric.ACCURACY), predictions, targets).byName();
    }

    private List<HostBatch> toHost(List<ImageBatch> batches) {
        return new AbstractList<>() {
            @Override
            public HostBatch get(int index) {
                ImageBatch b = batches.get(index);
                double[] targets = new double[b.size()];
                for (int i = 0; i < targets.length; i++) {
                    targets[i] = b.labels()[i];
                }
                return new HostBatch(List.of(HostInput.ofFloats(b.pixels(), b.size(), b.channels(), b.height(), b.width())),
                        targets, b.size() * patchesPerImage);
            }

            @Override
            public int size() {
                return batches.size();
            }
        };
    }
}
