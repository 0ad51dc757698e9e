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

    /** The run-id computation as first written, independent of the project's hash helper. */
    private static String reference(String json) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest).substring(0, 16);
    }
}
