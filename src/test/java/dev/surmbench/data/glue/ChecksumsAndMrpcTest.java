package dev.surmbench.data.glue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.surmbench.data.TestData;
import dev.surmbench.data.download.ChecksumRegistry;
import dev.surmbench.util.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChecksumsAndMrpcTest {

    private static final Path GLUE = TestData.realGlueDir();

    @Test
    void shippedChecksumsAreTheManifestsAndTheFilesMatch() throws IOException {
        Map<String, String> manifest = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(GLUE.resolve("MANIFEST.tsv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split("\t");
            manifest.put(cells[0] + "/" + cells[1], cells[3]);
        }
        ChecksumRegistry registry = ChecksumRegistry.load(GlueDownloader.CHECKSUM_RESOURCE, null);
        assertEquals(manifest, registry.shipped());
        for (Map.Entry<String, String> entry : manifest.entrySet()) {
            assertEquals(entry.getValue(), Sha256.of(GLUE.resolve(entry.getKey())), entry.getKey());
        }
    }

    /** Our port of the download script's format_mrpc rebuilds the shared train/dev byte for byte. */
    @Test
    void mrpcConversionReproducesTheOfficialFiles(@TempDir Path dir) throws IOException {
        Path mrpc = Files.createDirectories(dir.resolve("MRPC"));
        for (String name : List.of("msr_paraphrase_train.txt", "msr_paraphrase_test.txt", "dev_ids.tsv")) {
            Files.copy(GLUE.resolve("MRPC").resolve(name), mrpc.resolve(name));
        }
        MrpcConversion.convert(mrpc);
        ChecksumRegistry registry = ChecksumRegistry.load(GlueDownloader.CHECKSUM_RESOURCE, null);
        assertEquals(registry.expected("MRPC/train.tsv").orElseThrow(), Sha256.of(mrpc.resolve("train.tsv")));
        assertEquals(registry.expected("MRPC/dev.tsv").orElseThrow(), Sha256.of(mrpc.resolve("dev.tsv")));
        // test.tsv: header plus one row per test pair (1725), ids renumbered from 0
        List<String> test = Files.readAllLines(mrpc.resolve("test.tsv"));
        assertEquals(1726, test.size());
        assertEquals("index\t#1 ID\t#2 ID\t#1 String\t#2 String", test.get(0));
        assertEquals("0\t1089874\t1089925", String.join("\t", List.of(test.get(1).split("\t")).subList(0, 3)));
    }

    @Test
    void pythonStripMatchesStrWhitespace() {
        assertEquals("a b", MrpcConversion.pythonStrip(" \t a b \u00a0\u0085\n"));
    }
}
