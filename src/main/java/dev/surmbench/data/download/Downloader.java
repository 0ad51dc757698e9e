package dev.surmbench.data.download;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one HTTP download client: fetches a URL into a part file with one retry and resume policy.
 *
 * <ul>
 *   <li>A part file that already holds bytes is continued with {@code Range: bytes=N-}: a 206 whose
 *       {@code Content-Range} starts at N (and runs to the end) is appended, a 200 restarts the file,
 *       any other 206 discards the part and the attempt fails.
 *   <li>416 on a resume: when its {@code Content-Range: bytes *}{@code /TOTAL} says the part already
 *       holds all TOTAL bytes, the part is complete; otherwise the part is discarded and the attempt fails.
 *   <li>Server errors (5xx, 408, 429), timeouts, refused connections and bodies that end short of their
 *       {@code Content-Length} fail one attempt; the next continues the part. After the last attempt
 *       the error names the URL, the attempts and the last failure.
 *   <li>Any other status (404, 403, ...) fails at once with an {@link HttpStatusException}.
 * </ul>
 *
 * A {@link ResponseCheck} may look at each response before its body is written (a hub's checksum
 * headers). Callers verify the finished part and move it into place, so a cache never holds a
 * partial final file.
 */
public final class Downloader {

    private static final Logger LOG = LoggerFactory.getLogger(Downloader.class);
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");
    private static final Pattern UNSATISFIED_RANGE = Pattern.compile("bytes \\*/(\\d+)");

    /** Looks at the response a transfer goes on with, before its body is written. */
    @FunctionalInterface
    public interface ResponseCheck {

        /** Accepts every response. */
        ResponseCheck ANY = (response, offset) -> true;

        /**
         * @param response the 200 or 206 answer whose body follows, or the 416 that says the part is complete
         * @param offset   bytes of the part file kept before the body (0: the body is the whole file)
         * @return false to discard the part file: the attempt fails and the next one starts over
         */
        boolean accept(HttpResponse<?> response, long offset) throws IOException;
    }

    private final HttpClient client;
    private final int maxAttempts;
    private final Duration requestTimeout;

    /** A client trying each URL up to {@code maxAttempts} times, each waiting up to {@code requestTimeout} for an answer. */
    public Downloader(int maxAttempts, Duration requestTimeout) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be >= 1: " + maxAttempts);
        }
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(30))
                .build();
        this.maxAttempts = maxAttempts;
        this.requestTimeout = requestTimeout;
    }

    /** Up to {@code maxAttempts} attempts per URL, 30 minutes each. */
    public Downloader(int maxAttempts) {
        this(maxAttempts, Duration.ofMinutes(30));
    }

    /** Three attempts per URL. */
    public Downloader() {
        this(3);
    }

    /** Attempts per URL. */
    public int maxAttempts() {
        return maxAttempts;
    }

    /**
     * Downloads {@code uri} into {@code target}, starting from nothing (an existing file is deleted).
     * On failure {@code target} is deleted and the error thrown.
     */
    public void download(URI uri, Path target) throws IOException {
        Files.deleteIfExists(target);
        try {
            resume(uri, target, ResponseCheck.ANY);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(target);
            throw e;
        }
    }

    /**
     * Downloads {@code uri} into {@code part}, continuing the bytes it already holds (see the class
     * comment). On failure the part is left for a later call to continue.
     */
    public void resume(URI uri, Path part, ResponseCheck check) throws IOException {
        IOException last = null;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            try {
                attempt(uri, part, check);
                return;
            } catch (HttpStatusException e) {
                if (!HttpStatusException.isRetryable(e.status())) {
                    throw e;
                }
                last = e;
            } catch (IOException e) {
                if (e instanceof InterruptedIOException && Thread.currentThread().isInterrupted()) {
                    throw e;
                }
                last = e;
            }
            LOG.warn("download of {} failed (attempt {}/{}, {} bytes kept): {}", uri, attempt, maxAttempts,
                    size(part), last.toString());
        }
        throw new IOException("could not download " + uri + " after " + maxAttempts + " attempt(s): " + last,
                last);
    }

    private void attempt(URI uri, Path part, ResponseCheck check) throws IOException {
        long have = size(part);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(requestTimeout).GET();
        if (have > 0) {
            request.header("Range", "bytes=" + have + "-");
        }
        HttpResponse<InputStream> response = send(request.build(), uri);
        try (InputStream body = response.body()) {
            int status = response.statusCode();
            if (status == 416 && have > 0) {
                if (holdsAll(response, have) && check.accept(response, have)) {
                    LOG.info("{}: the {} bytes kept are the whole file", uri, have);
                    return;
                }
                throw restart(part, "HTTP 416 for " + uri + " at byte " + have + "; starting over");
            }
            if (status == 206 && !continuesAt(response, have)) {
                throw restart(part, "HTTP 206 for " + uri + " with Content-Range "
                        + response.headers().firstValue("Content-Range").orElse("(none)") + ", not bytes " + have
                        + "- to the end; starting over");
            }
            if (status != 200 && status != 206) {
                throw new HttpStatusException(uri, status);
            }
            long offset = status == 206 ? have : 0;
            if (!check.accept(response, offset)) {
                throw restart(part, "cannot continue " + uri + " at byte " + have + " (the file changed); starting over");
            }
            if (offset > 0) {
                LOG.info("resuming {} at byte {}", uri, offset);
            }
            long expected = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            long written;
            try (OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    offset > 0 ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
                written = body.transferTo(out);
            }
            if (expected >= 0 && written != expected) {
                throw new IOException("transfer of " + uri + " ended after " + written + " of " + expected + " bytes");
            }
        }
    }

    private HttpResponse<InputStream> send(HttpRequest request, URI uri) throws IOException {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while downloading " + uri);
        }
    }

    /** A 206 whose Content-Range runs from {@code offset} to the last byte. */
    private static boolean continuesAt(HttpResponse<?> response, long offset) {
        Matcher range = CONTENT_RANGE.matcher(response.headers().firstValue("Content-Range").orElse(""));
        return range.matches() && Long.parseLong(range.group(1)) == offset
                && (range.group(3).equals("*") || Long.parseLong(range.group(2)) == Long.parseLong(range.group(3)) - 1);
    }

    /** A 416 whose Content-Range says the file has exactly {@code have} bytes. */
    private static boolean holdsAll(HttpResponse<?> response, long have) {
        Matcher range = UNSATISFIED_RANGE.matcher(response.headers().firstValue("Content-Range").orElse(""));
        return range.matches() && Long.parseLong(range.group(1)) == have;
    }

    private static IOException restart(Path part, String message) throws IOException {
        Files.deleteIfExists(part);
        return new IOException(message);
    }

    private static long size(Path part) throws IOException {
        return Files.isRegularFile(part) ? Files.size(part) : 0;
    }
}
