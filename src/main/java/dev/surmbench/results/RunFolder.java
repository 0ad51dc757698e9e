package dev.surmbench.results;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one way a command names a recorded run ({@code replay}, {@code eval}, {@code export}): its folder
 * {@code results/<suite>/runs/<id>}, or the {@code run.json} in it — the same run either way.
 *
 * @param dir the run's folder (holding run.json, and adapter/ when it saved one)
 */
public record RunFolder(Path dir) {

    /**
     * The run that {@code given} names: a run folder, or a run's {@code run.json}.
     *
     * @throws IllegalArgumentException naming {@code given} and the two forms, when it is neither
     */
    public static RunFolder resolve(Path given) {
        if (Files.isRegularFile(given) && given.getFileName().toString().equals(ResultsLayout.RUN_JSON)) {
            Path parent = given.toAbsolutePath().getParent();
            return new RunFolder(given.getParent() != null ? given.getParent() : parent);
        }
        if (Files.isRegularFile(given.resolve(ResultsLayout.RUN_JSON))) {
            return new RunFolder(given);
        }
        throw new IllegalArgumentException(given + ": " + (Files.exists(given) ? "holds no " + ResultsLayout.RUN_JSON
                : "no such file or folder") + "; name a run by its folder results/<suite>/runs/<id> or its run.json");
    }

    /** The run's {@code run.json}. */
    public Path runJson() {
        return dir.resolve(ResultsLayout.RUN_JSON);
    }

    /** The run's saved adapter folder (present when the run saved one). */
    public Path adapterDir() {
        return dir.resolve(ResultsLayout.ADAPTER_DIR);
    }
}
