package dev.surmbench.data.image;

import dev.surmbench.data.Subsample;
import java.util.ArrayList;
import java.util.List;

/**
 * A labelled image dataset: class names (id = position) and images, which may differ in size
 * (image folders) until {@link ImageTransform} brings them to the backbone's input size.
 */
public record ImageDataset(String name, List<String> classNames, List<LabeledImage> images) {

    public ImageDataset {
        classNames = List.copyOf(classNames);
        images = List.copyOf(images);
        for (LabeledImage image : images) {
            if (image.label() < 0 || image.label() >= classNames.size()) {
                throw new IllegalArgumentException(name + ": label " + image.label() + " outside the "
                        + classNames.size() + " classes");
            }
        }
    }

    /** Number of images. */
    public int size() {
        return images.size();
    }

    /** Number of classes. */
    public int numClasses() {
        return classNames.size();
    }

    /** Images per class id. */
    public int[] classCounts() {
        int[] counts = new int[classNames.size()];
        images.forEach(image -> counts[image.label()]++);
        return counts;
    }

    /** A stratified subset of at most {@code limit} images, in original order, chosen by {@code seed}. */
    public ImageDataset subsample(int limit, long seed) {
        int[] labels = images.stream().mapToInt(LabeledImage::label).toArray();
        List<LabeledImage> chosen = new ArrayList<>();
        for (int index : Subsample.stratifiedIndices(labels, limit, seed)) {
            chosen.add(images.get(index));
        }
        return new ImageDataset(name, classNames, chosen);
    }
}
