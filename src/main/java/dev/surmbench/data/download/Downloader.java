package dev.surmbench.data.download;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches one URL into a file, retrying a broken transfer: after a failure mid-body the next
 * attempt asks for the rest with an HTTP {@code Range} header and appends when the server answers
 * 206, or starts over when it answers 200. The caller gives the (temporary) target and moves it
 * into place only after verification, so a cache never holds a partial final file.
 */
public final class Downloader {

    private static final Logger LOG = LoggerFactory.getLogger(Downloader.class);

    private final HttpClient client;
    private final int maxAttempts;

    /** A downloader trying each URL up to {@code maxAttempts} times. */
    public Downloader(int maxAttempts) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be >= 1: " + maxAttempts);
        }
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(30))
                .build();
        this.maxAttempts = maxAttempts;
    }

    /** Three attempts per URL. */
    public Downloader() {
        this(3);
    }

    /**
     * Downloads {@code uri} into {@code target} (created or truncated). On failure after the last
     * attempt, {@code target} is deleted and the last error is thrown.
     */
    public void download(URI uri, Path target) throws IOException {
        Files.deleteIfExists(target);
        IOException last = null;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            try {
                transfer(uri, target);
                return;
            } catch (InterruptedIOException e) {
                Files.deleteIfExists(target);
                throw e;
            } catch (IOException e) {
                last = e;
                LOG.warn("download of {} failed (attempt {}/{}, {} bytes kept): {}", uri, attempt, maxAttempts,
                        Files.exists(target) ? Files.size(target) : 0, e.toString());
            }
        }
        Files.deleteIfExists(target);
        throw new IOException("could not download " + uri + " after " + maxAttempts + " attempt(s): " + last,
                last);
    }

    private void transfer(URI uri, Path target) throws IOException {
        long have = Files.exists(target) ? Files.size(target) : 0;
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(30)).GET();
        if (have > 0) {
            request.header("Range", "bytes=" + have + "-");
        }
        HttpResponse<InputStream> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while downloading " + uri);
        }
        int status = response.statusCode();
        boolean resume = have > 0 && status == 206 && rangeStartsAt(response, have);
        if (status != 200 && !resume) {
            response.body().close();
            throw new IOException("HTTP " + status + " for " + uri);
        }
        if (resume) {
            LOG.info("resuming {} at byte {}", uri, have);
        }
        long expected = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        long written = 0;
        try (InputStream in = response.body();
                OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        resume ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                out.write(buffer, 0, n);
                written += n;
            }
        }
        if (expected >= 0 && written != expected) {
            throw new IOException("transfer of " + uri + " ended after " + written + " of " + expected + " bytes");
        }
    }

    private static boolean rangeStartsAt(HttpResponse<?> response, long offset) {
        return response.headers().firstValue("Content-Range")
                .map(range -> range.startsWith("bytes " + offset + "-"))
                .orElse(false);
    }
}
