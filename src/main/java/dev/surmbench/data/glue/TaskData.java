package dev.surmbench.data.glue;

import dev.surmbench.data.Example;
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

    /** The examples of {@code split}. */
    public List<Example> split(GlueSplit split) {
        return split == GlueSplit.TRAIN ? train : dev;
    }
}
