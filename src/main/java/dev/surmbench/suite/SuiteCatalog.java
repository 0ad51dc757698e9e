package dev.surmbench.suite;

import dev.surmbench.data.TaskDomain;
import dev.surmbench.model.Architecture;
import dev.surmbench.peft.AdaptationSites;
import java.util.List;
import java.util.Optional;

/**
 * The names a suite may use that other packages define: tasks (data) and backbones (model). The
 * validator asks the catalog, so each name is defined once, where it is owned.
 */
public interface SuiteCatalog {

    /** Every task name users can type. */
    List<String> taskNames();

    /** The canonical task name; throws {@link IllegalArgumentException} listing the known ones. */
    String canonicalTask(String name);

    /** Throws {@link IllegalArgumentException} naming the accepted forms when {@code source} is not one. */
    void checkBackbone(String source);

    /** The backbone's adaptation sites when its geometry is known without loading it. */
    Optional<AdaptationSites> sites(String source, int layers);

    /**
     * Whether a (canonical) task is a GLUE (text) or an image-classification task; a catalog of its own
     * (a test's, with made-up task names) has GLUE tasks unless it says otherwise.
     */
    default TaskDomain taskDomain(String task) {
        return TaskDomain.GLUE;
    }

    /** The channels of an image task's images (1 grey, 3 RGB); empty for text tasks. */
    default Optional<Integer> imageChannels(String task) {
        return Optional.empty();
    }

    /** Whether an image task has its own test split (otherwise a hold-out of its one split is used). */
    default boolean hasTestSplit(String task) {
        return true;
    }

    /** The backbone's geometry (family, width, image and patch size) when known without loading weights. */
    default Optional<Architecture> architecture(String source) {
        return Optional.empty();
    }
}
