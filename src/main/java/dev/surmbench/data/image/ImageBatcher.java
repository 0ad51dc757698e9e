package dev.surmbench.data.image;

import dev.surmbench.data.Subsample;
import java.util.ArrayList;
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
        long epochSeed = seed * 0x9E3779B97F4A7C15L + epoch;
        return batches(Subsample.permutation(dataset.size(), epochSeed), epochSeed);
    }

    /** Batches in dataset order (for evaluation; augmentation, if the transform has it, uses seed 0). */
    public List<ImageBatch> inOrder() {
        int[] order = new int[dataset.size()];
        Arrays.setAll(order, i -> i);
        return batches(order, 0L);
    }

    private List<ImageBatch> batches(int[] order, long epochSeed) {
        List<ImageBatch> batches = new ArrayList<>();
        int length = transform.outputLength();
        for (int start = 0; start < order.length; start += batchSize) {
            int[] indices = Arrays.copyOfRange(order, start, Math.min(order.length, start + batchSize));
            float[] pixels = new float[indices.length * length];
            int[] labels = new int[indices.length];
            for (int i = 0; i < indices.length; i++) {
                LabeledImage image = dataset.images().get(indices[i]);
                SplittableRandom random = new SplittableRandom(epochSeed ^ (indices[i] * 0xBF58476D1CE4E5B9L));
                System.arraycopy(transform.apply(image.image(), random), 0, pixels, i * length, length);
                labels[i] = image.label();
            }
            batches.add(new ImageBatch(pixels, labels, indices, transform.channels(), transform.cropSize(),
                    transform.cropSize()));
        }
        return batches;
    }
}
