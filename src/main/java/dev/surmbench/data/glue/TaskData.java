package dev.surmbench.data.glue;

import dev.surmbench.data.Example;
import dev.surmbench.data.Subsample;
import dev.surmbench.data.ValidationSplit;
import java.nio.file.Path;
import java.util.List;

/**
 * The labelled data of one GLUE task: train and dev examples in file order, and where they came
 * from. Subsample with {@link dev.surmbench.data.Subsample}.
 */
public record TaskData(GlueTask task, Path glueDir, List<Example> train, List<Example> dev) {

    public TaskData {
        train = List.copyOf(train);
        dev = List.copyOf(dev);
    }

    /** Reads both splits of {@code task} from {@code glueDir}. */
    public static TaskData read(GlueTask task, Path glueDir) {
        return new TaskData(task, glueDir, GlueReader.read(task, GlueSplit.TRAIN, glueDir),
                GlueReader.read(task, GlueSplit.DEV, glueDir));
    }

    /**
     * This data with at most {@code trainLimit} training and {@code evalLimit} dev examples (0 = no
     * limit), subsampled by {@link Subsample#limit} — stratified for classification — from {@code
     * seed} (the dev subset uses a seed derived from it, so the two choices are independent).
     */
    public TaskData limited(int trainLimit, int evalLimit, long seed) {
        return new TaskData(task, glueDir, trainLimit > 0 ? Subsample.limit(train, trainLimit, seed) : train,
                evalLimit > 0 ? Subsample.limit(dev, evalLimit, ~seed) : dev);
    }

    /**
     * The training examples split by {@code validation} (stratified, its own seed, carved from the whole
     * training set, before a {@code train_limit} subsamples the rest): this data without the validation
     * examples, and those examples (empty when none).
     */
    public WithValidation carve(ValidationSplit validation) {
        ValidationSplit.Carved<Example> carved = validation.carve(train);
        return new WithValidation(new TaskData(task, glueDir, carved.train(), dev), carved.validation());
    }

    /** A task's data without its validation split, and the split. */
    public record WithValidation(TaskData rest, List<Example> validation) {
        public WithValidation {
            validation = List.copyOf(validation);
        }
    }

    /** The examples of {@code split}. */
    public List<Example> split(GlueSplit split) {
        return split == GlueSplit.TRAIN ? train : dev;
    }
}
