package dev.surmbench.data.image;

import dev.surmbench.data.Subsample;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic image batches. Training order is a permutation driven only by the seed and epoch;
 * each image's augmentation draws from its own random source derived from (seed, epoch, image
 * index), so it does not depend on batch size or order. Evaluation keeps dataset order.
 */
public final class ImageBatcher {

    private final ImageDataset dataset;
    private final ImageTransform transform;
    private final int batchSize;

    public ImageBatcher(ImageDataset dataset, ImageTransform transform, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1: " + batchSize);
        }
        this.dataset = dataset;
        this.transform = transform;
        this.batchSize = batchSize;
    }

    /** The batches of training epoch {@code epoch} (0-based) for {@code seed}. */
    public List<ImageBatch> trainingEpoch(long seed, int epoch) {
        return List.copyOf(lazyTrainingEpoch(seed, epoch));
    }

    /** Batches in dataset order (for evaluation; augmentation, if the transform has it, uses seed 0). */
    public List<ImageBatch> inOrder() {
        return List.copyOf(lazyInOrder());
    }

    /**
     * The same batches as {@link #trainingEpoch}, each transformed only when it is read, so an epoch of
     * large images never sits in memory at once (224×224 CIFAR would need 30 GB).
     */
    public List<ImageBatch> lazyTrainingEpoch(long seed, int epoch) {
        long epochSeed = seed * 0x9E3779B97F4A7C15L + epoch;
        return lazy(Subsample.permutation(dataset.size(), epochSeed), epochSeed);
    }

    /** The same batches as {@link #inOrder}, transformed when read. */
    public List<ImageBatch> lazyInOrder() {
        int[] order = new int[dataset.size()];
        Arrays.setAll(order, i -> i);
        return lazy(order, 0L);
    }

    /** Number of batches per pass. */
    public int batchCount() {
        return (dataset.size() + batchSize - 1) / batchSize;
    }

    private List<ImageBatch> lazy(int[] order, long epochSeed) {
        int count = batchCount();
        return new java.util.AbstractList<>() {
            @Override
            public ImageBatch get(int k) {
                java.util.Objects.checkIndex(k, count);
                int start = k * batchSize;
                return batch(Arrays.copyOfRange(order, start, Math.min(order.length, start + batchSize)), epochSeed);
            }

            @Override
            public int size() {
                return count;
            }
        };
    }

    private ImageBatch batch(int[] indices, long epochSeed) {
        int length = transform.outputLength();
        float[] pixels = new float[indices.length * length];
        int[] labels = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            LabeledImage image = dataset.images().get(indices[i]);
            SplittableRandom random = new SplittableRandom(epochSeed ^ (indices[i] * 0xBF58476D1CE4E5B9L));
            System.arraycopy(transform.apply(image.image(), random), 0, pixels, i * length, length);
            labels[i] = image.label();
        }
        return new ImageBatch(pixels, labels, indices, transform.channels(), transform.cropSize(), transform.cropSize());
    }
}
