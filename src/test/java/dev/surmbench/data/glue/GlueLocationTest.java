package dev.surmbench.data.glue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GlueLocationTest {

    private static final Path CACHE = Path.of("/cache/glue");

    private static GlueLocation resolve(String setting, Map<String, String> props, Map<String, String> env) {
        return GlueLocation.resolve(setting, props::get, env::get, CACHE);
    }

    @Test
    void precedenceSettingPropertyEnvironmentCache() {
        Map<String, String> props = Map.of("glue.dir", "/p");
        Map<String, String> env = Map.of("GLUE_DIR", "/e");
        assertEquals(new GlueLocation(Path.of("/s"), GlueLocation.Source.SETTING), resolve("/s", props, env));
        assertEquals(new GlueLocation(Path.of("/p"), GlueLocation.Source.SYSTEM_PROPERTY), resolve(null, props, env));
        assertEquals(new GlueLocation(Path.of("/e"), GlueLocation.Source.ENVIRONMENT), resolve(" ", Map.of(), env));
        assertEquals(new GlueLocation(CACHE, GlueLocation.Source.CACHE), resolve(null, Map.of(), Map.of()));
    }

    @Test
    void unresolvedMavenPlaceholderCountsAsUnset() {
        // surefire passes -Dglue.dir=${env.GLUE_DIR} literally when GLUE_DIR is not set
        assertEquals(GlueLocation.Source.CACHE,
                resolve(null, Map.of("glue.dir", "${env.GLUE_DIR}"), Map.of()).source());
    }

    /** Sweep case 10: a failed download names the task, the folder, the cause and the fix, and an empty GLUE_DIR. */
    @Test
    void aFailedDownloadNamesItsCauseAndGlueDir() {
        String message = GlueData.downloadFailed(GlueTask.RTE, CACHE, new java.net.UnknownHostException("dl.fbaipublicfiles.com"), "");
        assertEquals("cannot download GLUE task rte into " + CACHE + ": dl.fbaipublicfiles.com (GLUE_DIR is set but empty, "
                + "so the download cache was used); set GLUE_DIR to a folder holding the GLUE files (RTE/train.tsv, …), or "
                + "run where the download can reach the network", message);
        String unset = GlueData.downloadFailed(GlueTask.RTE, CACHE, new java.io.IOException("connection refused"), null);
        assertEquals("cannot download GLUE task rte into " + CACHE + ": connection refused; set GLUE_DIR to a folder holding "
                + "the GLUE files (RTE/train.tsv, …), or run where the download can reach the network", unset);
    }
}
