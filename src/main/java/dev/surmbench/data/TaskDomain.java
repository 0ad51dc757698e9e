package dev.surmbench.data;

import dev.surmbench.data.glue.GlueTask;
import dev.surmbench.data.image.ImageSource;

/**
 * The family a task belongs to, derived from the task catalogs and nowhere else: a name {@link
 * GlueTask#fromName} accepts is {@link #GLUE} (our only text tasks), one {@link
 * ImageSource#fromName} accepts is {@link #IMAGE}, anything else is {@link #OTHER}. A qualified name
 * ({@code glue/rte}, {@code hf:cifar10}) is looked up by its part after the last {@code /} or {@code :}.
 * The suite reads it to decide which settings apply to a run; the report reads it for the GLUE
 * average and the claim verdicts.
 */
public enum TaskDomain {
    /** A GLUE task (text: sentences or sentence pairs). */
    GLUE,
    /** An image classification dataset. */
    IMAGE,
    /** A name neither catalog knows; it enters no average and no claim. */
    OTHER;

    /** The domain of {@code task}; {@link #OTHER} for null or an unknown name. */
    public static TaskDomain of(String task) {
        if (task == null) {
            return OTHER;
        }
        String name = task.substring(Math.max(task.lastIndexOf('/'), task.lastIndexOf(':')) + 1);
        if (known(() -> GlueTask.fromName(name))) {
            return GLUE;
        }
        return known(() -> ImageSource.fromName(name)) ? IMAGE : OTHER;
    }

    private static boolean known(Runnable lookup) {
        try {
            lookup.run();
            return true;
        } catch (IllegalArgumentException unknown) {
            return false;
        }
    }
}
