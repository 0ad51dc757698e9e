package dev.surmbench.data.image;

/**
 * A batch of transformed images as one flat float array in NCHW order (plain Java, no NDArray), with
 * the class ids and the indices of the images in their dataset.
 */
public record ImageBatch(float[] pixels, int[] labels, int[] imageIndices, int channels, int height, int width) {

    /** Images in the batch. */
    public int size() {
        return labels.length;
    }
}
