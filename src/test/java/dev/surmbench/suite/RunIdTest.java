package dev.surmbench.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Run ids and pretrain hashes stay what they always were: SHA-256 of the canonical JSON, first 16 hex digits. */
class RunIdTest {

    @Test
    void runIdsAreTheFirst16HexDigitsOfTheCanonicalJsonsSha256() throws Exception {
        for (String file : new String[] {"suites/smoke.yaml", "suites/vision.yaml"}) {
            Suite suite = SuiteParser.parse(Path.of(file), new DefaultCatalog());
            assertFalse(suite.runs().isEmpty(), file);
            for (RunSpec run : suite.runs()) {
                assertEquals(reference(run.canonicalJson()), run.runId(), run.canonicalJson());
            }
        }
    }

    /**
     * A setting added later enters the id only when set: a suite without {@code validation} keeps the ids
     * its runs always had; setting it (or its seed) makes new ones.
     */
    @Test
    void theValidationSettingsEnterTheIdOnlyWhenSet(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        String base = "name: s\ntasks: [rte]\nmethods: [lora]\nseeds: [1]\n";
        java.nio.file.Files.writeString(dir.resolve("a.yaml"), base);
        java.nio.file.Files.writeString(dir.resolve("b.yaml"), base + "defaults: {validation: 0, validation_seed: 0}\n");
        java.nio.file.Files.writeString(dir.resolve("c.yaml"), base + "defaults: {validation: 0.1}\n");
        java.nio.file.Files.writeString(dir.resolve("d.yaml"), base + "defaults: {validation: 0.1, validation_seed: 2}\n");
        RunSpec a = SuiteParser.parse(dir.resolve("a.yaml"), new DefaultCatalog()).runs().get(0);
        assertFalse(a.canonicalJson().contains("validation"), a.canonicalJson());
        assertEquals(a.runId(), SuiteParser.parse(dir.resolve("b.yaml"), new DefaultCatalog()).runs().get(0).runId());
        String c = SuiteParser.parse(dir.resolve("c.yaml"), new DefaultCatalog()).runs().get(0).runId();
        String d = SuiteParser.parse(dir.resolve("d.yaml"), new DefaultCatalog()).runs().get(0).runId();
        assertEquals(3, java.util.Set.of(a.runId(), c, d).size());
    }

    /** The run-id computation as first written, independent of the project's hash helper. */
    private static String reference(String json) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest).substring(0, 16);
    }
}
