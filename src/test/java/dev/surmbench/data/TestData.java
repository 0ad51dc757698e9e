package dev.surmbench.data;

import dev.surmbench.data.download.Settings;
import java.nio.file.Files;
import java.nio.file.Path;

/** Locations of test data: the real GLUE copy (required) (fixtures are generated: see OfficialFormatFixtures). */
public final class TestData {

    private TestData() {}

    /**
     * The real GLUE directory from {@code -Dglue.dir} (surefire passes it from {@code GLUE_DIR}) or
     * {@code GLUE_DIR}. CI always sets it, so its absence fails the test instead of skipping it.
     */
    public static Path realGlueDir() {
        String dir = Settings.firstSet(System.getProperty("glue.dir"), System.getenv("GLUE_DIR"));
        if (dir == null) {
            throw new AssertionError("GLUE_DIR is not set: run the tests with GLUE_DIR=<path to shared/data/glue>"
                    + " (CI's .ci/run sets it to ../shared/data/glue)");
        }
        Path path = Path.of(dir);
        if (!Files.isDirectory(path.resolve("CoLA"))) {
            throw new AssertionError("GLUE_DIR=" + dir + " has no CoLA folder; it must point at shared/data/glue");
        }
        return path;
    }
}
