package dev.surmbench.suite;

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
}
