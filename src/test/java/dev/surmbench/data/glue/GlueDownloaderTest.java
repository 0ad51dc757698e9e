package dev.surmbench.data.glue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surmbench.data.OfficialFormatFixtures;
import dev.surmbench.data.TestData;
import dev.surmbench.data.download.ChecksumMismatchException;
import dev.surmbench.data.download.ChecksumRegistry;
import dev.surmbench.data.download.Downloader;
import dev.surmbench.data.download.Installer;
import dev.surmbench.data.download.LoopbackServer;
import dev.surmbench.util.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The GLUE downloader against a loopback server only; never the internet. */
class GlueDownloaderTest {

    private static final Path GLUE = TestData.realGlueDir();

    @TempDir
    Path cache;

    @AutoClose
    private final LoopbackServer server = LoopbackServer.start();

    private GlueDownloader downloader(int attempts) {
        return new GlueDownloader(server.base(), cache, new Downloader(attempts));
    }

    /** CoLA.zip as the archive holds it: CoLA/train.tsv and CoLA/dev.tsv (here the real files). */
    private static byte[] realColaZip() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("CoLA/", new byte[0]);
        entries.put("CoLA/train.tsv", Files.readAllBytes(GLUE.resolve("CoLA/train.tsv")));
        entries.put("CoLA/dev.tsv", Files.readAllBytes(GLUE.resolve("CoLA/dev.tsv")));
        return LoopbackServer.zip(entries);
    }

    @Test
    void downloadsVerifiesAndInstalls() throws IOException {
        server.serve("glue/data/CoLA.zip", realColaZip());
        GlueDownloader downloader = downloader(1);
        assertFalse(downloader.isInstalled(GlueTask.COLA));
        assertEquals(cache, downloader.ensure(GlueTask.COLA));
        assertEquals(Sha256.of(GLUE.resolve("CoLA/train.tsv")), Sha256.of(cache.resolve("CoLA/train.tsv")));
        assertEquals(8551, GlueReader.read(GlueTask.COLA, GlueSplit.TRAIN, cache).size());
        assertFalse(Files.exists(cache.resolve(ChecksumRegistry.RECORDED_FILE)), "known values are not recorded");
        assertEquals(List.of(cache.resolve("CoLA/dev.tsv"), cache.resolve("CoLA/train.tsv")), allFiles());
        downloader.ensure(GlueTask.COLA);
        assertEquals(1, server.requests().size(), "an installed task is not fetched again");
    }

    @Test
    void checksumMismatchLeavesNothingBehind() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("CoLA/train.tsv", "gj04\t1\t\tA tampered sentence.\n".getBytes(StandardCharsets.UTF_8));
        entries.put("CoLA/dev.tsv", Files.readAllBytes(GLUE.resolve("CoLA/dev.tsv")));
        server.serve("glue/data/CoLA.zip", LoopbackServer.zip(entries));
        ChecksumMismatchException e = assertThrows(ChecksumMismatchException.class,
                () -> downloader(1).ensure(GlueTask.COLA));
        assertTrue(e.getMessage().startsWith("checksum mismatch for CoLA/train.tsv from " + server.base()
                + ": expected sha256 cb368ebeb9f27d7ad03720d27ddc95687a311bdb100781a2fe59a5f5b1bc0624, got "),
                e.getMessage());
        assertEquals(List.of(), allFiles(), "no file left in the cache, not even the good dev.tsv");
    }

    @Test
    void interruptedTransferLeavesNoPartialFileAndRetryWorks() throws IOException {
        server.serve("glue/data/CoLA.zip", realColaZip()).breakNext("glue/data/CoLA.zip", 1);
        IOException e = assertThrows(IOException.class, () -> downloader(1).ensure(GlueTask.COLA));
        assertTrue(e.getMessage().contains("could not download"), e.getMessage());
        assertEquals(List.of(), allFiles(), "nothing corrupt in the cache");
        downloader(1).ensure(GlueTask.COLA);
        assertEquals(8551, GlueReader.read(GlueTask.COLA, GlueSplit.TRAIN, cache).size());
    }

    @Test
    void aBrokenTransferResumesWithARangeRequest() throws IOException {
        byte[] zip = realColaZip();
        server.serve("glue/data/CoLA.zip", zip).breakNext("glue/data/CoLA.zip", 1);
        downloader(2).ensure(GlueTask.COLA);
        List<LoopbackServer.Request> requests = server.requests();
        assertEquals(2, requests.size());
        assertEquals(null, requests.get(0).range());
        // The server sends half the body, then drops the connection; how much of that half reaches
        // the client before the drop is up to the TCP stack (under load, less than all of it). The
        // resume asks for exactly the bytes it did not get: somewhere after 0, at most from the half.
        String range = requests.get(1).range();
        assertTrue(range != null && range.matches("bytes=\\d+-"), "a Range request: " + range);
        long resumedFrom = Long.parseLong(range.substring(6, range.length() - 1));
        assertTrue(resumedFrom > 0 && resumedFrom <= zip.length / 2, "resumed from byte " + resumedFrom);
        assertEquals(Sha256.of(GLUE.resolve("CoLA/dev.tsv")), Sha256.of(cache.resolve("CoLA/dev.tsv")));
    }

    @Test
    void taskWithoutPublishedChecksumIsRecordedOnFirstDownload() throws IOException {
        Path fixtures = OfficialFormatFixtures.folder();
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("WNLI/train.tsv", Files.readAllBytes(fixtures.resolve("WNLI/train.tsv")));
        entries.put("WNLI/dev.tsv", Files.readAllBytes(fixtures.resolve("WNLI/dev.tsv")));
        server.serve("glue/data/WNLI.zip", LoopbackServer.zip(entries));
        downloader(1).ensure(GlueTask.WNLI);
        List<String> recorded = Files.readAllLines(cache.resolve(ChecksumRegistry.RECORDED_FILE));
        assertEquals(List.of("WNLI/dev.tsv\t" + Sha256.of(fixtures.resolve("WNLI/dev.tsv")),
                "WNLI/train.tsv\t" + Sha256.of(fixtures.resolve("WNLI/train.tsv"))), recorded);
        ChecksumRegistry registry = ChecksumRegistry.load(GlueDownloader.CHECKSUM_RESOURCE, cache);
        assertEquals(Sha256.of(fixtures.resolve("WNLI/dev.tsv")), registry.expected("WNLI/dev.tsv").orElseThrow());
        assertFalse(registry.isShipped("WNLI/dev.tsv"));
    }

    @Test
    void mrpcIsBuiltFromSentEvalFiles() throws IOException {
        server.serve("senteval/senteval_data/msr_paraphrase_train.txt",
                        Files.readAllBytes(GLUE.resolve("MRPC/msr_paraphrase_train.txt")))
                .serve("senteval/senteval_data/msr_paraphrase_test.txt",
                        Files.readAllBytes(GLUE.resolve("MRPC/msr_paraphrase_test.txt")))
                .serve("glue/data/mrpc_dev_ids.tsv", Files.readAllBytes(GLUE.resolve("MRPC/dev_ids.tsv")));
        downloader(1).ensure(GlueTask.MRPC);
        assertEquals(Sha256.of(GLUE.resolve("MRPC/train.tsv")), Sha256.of(cache.resolve("MRPC/train.tsv")));
        assertEquals(Sha256.of(GLUE.resolve("MRPC/dev.tsv")), Sha256.of(cache.resolve("MRPC/dev.tsv")));
    }

    @Test
    void glueDataDownloadsOnlyIntoTheCache() throws IOException {
        server.serve("glue/data/CoLA.zip", realColaZip());
        GlueData fromCache = new GlueData(new GlueLocation(cache, GlueLocation.Source.CACHE), downloader(1));
        assertEquals(1043, fromCache.load(GlueTask.COLA).dev().size());
        Path empty = Files.createDirectory(cache.resolve("user-glue"));
        GlueData configured = new GlueData(new GlueLocation(empty, GlueLocation.Source.ENVIRONMENT), downloader(1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> configured.load(GlueTask.COLA));
        assertTrue(e.getMessage().contains("is not in " + empty + " (from $GLUE_DIR)"), e.getMessage());
        assertEquals(1, server.requests().size());
    }

    private List<Path> allFiles() throws IOException {
        return Installer.regularFiles(cache);
    }
}
