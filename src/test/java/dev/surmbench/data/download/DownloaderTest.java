package dev.surmbench.data.download;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one download client's retry and resume policy against a loopback server that misbehaves on cue. */
class DownloaderTest {

    private static final String FILE = "data.bin";

    @TempDir
    Path dir;

    @AutoClose
    private final LoopbackServer server = LoopbackServer.start();

    private final byte[] content = bytes(200_000);

    private URI uri() {
        return server.base().resolve(FILE);
    }

    private List<String> ranges() {
        return server.requests().stream().map(LoopbackServer.Request::range).toList();
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        new Random(7).nextBytes(b);
        return b;
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 503, 408, 429})
    void serverErrorsAreRetriedThenTheDownloadSucceeds(int status) throws IOException {
        server.serve(FILE, content).failNext(FILE, status, 2);
        Path target = dir.resolve("out");
        new Downloader(3).download(uri(), target);
        assertArrayEquals(content, Files.readAllBytes(target));
        assertEquals(3, server.requests().size());
    }

    @Test
    void serverErrorsOnEveryAttemptFailNamingTheUrlAndStatus() {
        server.serve(FILE, content).failNext(FILE, 500, 5);
        Path target = dir.resolve("out");
        IOException e = assertThrows(IOException.class, () -> new Downloader(2).download(uri(), target));
        assertTrue(e.getMessage().startsWith("could not download " + uri() + " after 2 attempt(s)"), e.getMessage());
        assertTrue(e.getMessage().contains("HTTP 500"), e.getMessage());
        assertEquals(2, server.requests().size());
        assertFalse(Files.exists(target));
    }

    @Test
    void clientErrorsFailAtOnce() {
        server.serve(FILE, content).failNext(FILE, 403, 1);
        Path target = dir.resolve("out");
        HttpStatusException e = assertThrows(HttpStatusException.class, () -> new Downloader(3).download(uri(), target));
        assertEquals(403, e.status());
        assertEquals("could not download " + uri() + ": HTTP 403 (a client error, not retried)", e.getMessage());
        assertEquals(1, server.requests().size());
        assertFalse(Files.exists(target));

        URI missing = server.base().resolve("missing.bin");
        e = assertThrows(HttpStatusException.class, () -> new Downloader(3).download(missing, target));
        assertEquals(404, e.status());
        assertTrue(e.getMessage().contains(missing + ": HTTP 404"), e.getMessage());
        assertEquals(2, server.requests().size(), "a 404 is asked once");
    }

    @Test
    void aTimeoutThenABrokenBodyThenAResume() throws IOException {
        server.serve(FILE, content).stallNext(FILE, 10_000, 1).breakNext(FILE, 1);
        Path target = dir.resolve("out");
        new Downloader(3, Duration.ofSeconds(1)).download(uri(), target);
        assertArrayEquals(content, Files.readAllBytes(target));
        List<String> ranges = ranges();
        assertEquals(3, ranges.size(), ranges.toString());
        assertEquals(Arrays.asList(null, null), ranges.subList(0, 2), "timed out, then broke mid-body");
        // how much of the half sent before the drop reached the client is up to the TCP stack
        long resumedFrom = Long.parseLong(ranges.get(2).replaceAll("bytes=(\\d+)-", "$1"));
        assertTrue(resumedFrom > 0 && resumedFrom <= content.length / 2, "resumed from byte " + resumedFrom);
    }

    @Test
    void aCompletePartIsKeptWhenTheServerAnswers416() throws IOException {
        server.serve(FILE, content);
        Path part = dir.resolve("out.part");
        Files.write(part, content);
        new Downloader(1).resume(uri(), part, Downloader.ResponseCheck.ANY);
        assertArrayEquals(content, Files.readAllBytes(part));
        assertEquals(List.of("bytes=" + content.length + "-"), ranges());
    }

    @Test
    void aPartLongerThanTheFileStartsOverAfter416() throws IOException {
        server.serve(FILE, content);
        Path part = dir.resolve("out.part");
        Files.write(part, bytes(content.length + 10));
        IOException e = assertThrows(IOException.class,
                () -> new Downloader(1).resume(uri(), part, Downloader.ResponseCheck.ANY));
        assertTrue(e.getMessage().contains("HTTP 416"), e.getMessage());
        assertFalse(Files.exists(part), "the stale part is discarded");
        Files.write(part, bytes(content.length + 10));
        new Downloader(2).resume(uri(), part, Downloader.ResponseCheck.ANY);
        assertArrayEquals(content, Files.readAllBytes(part), "the next attempt starts over");
        String stale = "bytes=" + (content.length + 10) + "-";
        assertEquals(Arrays.asList(stale, stale, null), ranges());
    }

    @Test
    void aPartIsContinuedOn206AndRestartedOn200() throws IOException {
        server.serve(FILE, content);
        Path part = dir.resolve("out.part");
        Files.write(part, Arrays.copyOf(content, 1000));
        new Downloader(1).resume(uri(), part, Downloader.ResponseCheck.ANY);
        assertArrayEquals(content, Files.readAllBytes(part));

        byte[] wrongStart = bytes(1000);
        wrongStart[0]++;
        Files.write(part, wrongStart);
        server.ignoreRangeNext(FILE, 1);
        new Downloader(1).resume(uri(), part, Downloader.ResponseCheck.ANY);
        assertArrayEquals(content, Files.readAllBytes(part), "a 200 answer replaces the part");
        assertEquals(List.of("bytes=1000-", "bytes=1000-"), ranges());
    }

    @Test
    void aCheckThatRefusesTheResponseDiscardsThePart() throws IOException {
        server.serve(FILE, content);
        Path part = dir.resolve("out.part");
        Files.write(part, Arrays.copyOf(content, 1000));
        Downloader.ResponseCheck freshOnly = (response, offset) -> offset == 0;
        new Downloader(2).resume(uri(), part, freshOnly);
        assertArrayEquals(content, Files.readAllBytes(part));
        assertEquals(Arrays.asList("bytes=1000-", null), ranges());
    }
}
