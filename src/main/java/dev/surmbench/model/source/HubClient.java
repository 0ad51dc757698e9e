package dev.surmbench.model.source;

import dev.surmbench.data.download.Downloader;
import dev.surmbench.data.download.HttpStatusException;
import dev.surmbench.model.WeightLoadException;
import dev.surmbench.util.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Downloads files of a Hugging Face hub repository ({@code GET {endpoint}/{repo}/resolve/{revision}/{file}})
 * into a local cache {@code {cache}/{org}--{name}/{revision}/{file}}.
 *
 * <p>Bytes go to {@code file.part} first, through the one download client ({@link Downloader}: its
 * retry policy and its {@code Range} resume, here also across calls); a transfer continues only while
 * the hub names the same checksum. The finished file is verified against the hub's ETag before
 * it is moved into place atomically: {@code X-Linked-Etag} (the sha256 of an LFS file, sent on the
 * hub's redirect) or else the hub's {@code ETag} (a 64-hex sha256, or a 40-hex git blob sha1 for
 * small files). A file that cannot be verified is rejected. A cached file is used as is (pin a
 * revision for reproducible runs).
 *
 * <p>Endpoint: system property {@value #ENDPOINT_PROPERTY}, env {@code HF_ENDPOINT}, default
 * {@value #DEFAULT_ENDPOINT}. Cache: system property {@value #CACHE_PROPERTY}, env
 * {@code SURM_HF_CACHE}, default {@code ~/.cache/surm-bench/hf}.
 */
public final class HubClient {
    public static final String ENDPOINT_PROPERTY = "surm.hf.endpoint";
    public static final String CACHE_PROPERTY = "surm.hf.cache";
    public static final String DEFAULT_ENDPOINT = "https://huggingface.co";
    private static final Pattern SAFE = Pattern.compile("[\\w.@-]+");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern SHA1 = Pattern.compile("[0-9a-f]{40}");
    private static final int ATTEMPTS = 4;

    private final URI endpoint;
    private final Path cache;
    private final Downloader downloader;

    public HubClient(URI endpoint, Path cache) {
        this(endpoint, cache, new Downloader(ATTEMPTS, Duration.ofMinutes(10)));
    }

    /** A client whose transfers go through {@code downloader} (its attempts and timeouts). */
    public HubClient(URI endpoint, Path cache, Downloader downloader) {
        this.endpoint = endpoint;
        this.cache = cache;
        this.downloader = downloader;
    }

    /** The client configured by system properties / environment (see class doc). */
    public static HubClient fromEnvironment() {
        String endpoint = firstNonBlank(System.getProperty(ENDPOINT_PROPERTY), System.getenv("HF_ENDPOINT"), DEFAULT_ENDPOINT);
        String cache = firstNonBlank(System.getProperty(CACHE_PROPERTY), System.getenv("SURM_HF_CACHE"),
                Path.of(System.getProperty("user.home"), ".cache", "surm-bench", "hf").toString());
        return new HubClient(URI.create(endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint), Path.of(cache));
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    /** The cache folder for one revision of a repository. */
    public Path snapshotDir(String repo, String revision) {
        String[] parts = repo.split("/");
        if (parts.length != 2 || !SAFE.matcher(parts[0]).matches() || !SAFE.matcher(parts[1]).matches()
                || repo.contains("..") || revision.contains("..") || !Pattern.matches("[\\w./-]+", revision)) {
            throw new IllegalArgumentException("invalid hub repository '" + repo + "' or revision '" + revision + "'");
        }
        return cache.resolve(parts[0] + "--" + parts[1]).resolve(revision.replace("/", "--"));
    }

    /**
     * The cached path of {@code file}, downloading it first if needed. A missing optional file
     * (404) gives empty; any other failure is a {@link WeightLoadException} naming the URL.
     */
    public Optional<Path> fetch(String repo, String revision, String file, boolean required) {
        if (!SAFE.matcher(file).matches()) {
            throw new IllegalArgumentException("invalid file name '" + file + "'");
        }
        Path target = snapshotDir(repo, revision).resolve(file);
        if (Files.isRegularFile(target)) {
            return Optional.of(target);
        }
        URI url = URI.create(endpoint + "/" + repo + "/resolve/" + revision + "/" + file);
        Path part = target.resolveSibling(file + ".part");
        TagCheck tag = new TagCheck(url, target.resolveSibling(file + ".part.etag"));
        try {
            Files.createDirectories(target.getParent());
            downloader.resume(url, part, tag); // a failed transfer keeps the .part file for the next call
            verify(part, tag.expected, url);
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.deleteIfExists(tag.file);
            return Optional.of(target);
        } catch (HttpStatusException e) {
            if (e.status() == 404 && !required) {
                return Optional.empty();
            }
            throw new WeightLoadException(url.toString(), null, "HTTP " + e.status(), e);
        } catch (InterruptedIOException e) {
            throw new WeightLoadException(url.toString(), null, "download interrupted", e);
        } catch (IOException e) {
            Throwable last = e.getCause() != null ? e.getCause() : e;
            throw new WeightLoadException(url.toString(), null, "download failed after " + downloader.maxAttempts()
                    + " attempts: " + last.getMessage(), e);
        }
    }

    /**
     * Takes the expected checksum from each response and keeps it next to the part file
     * ({@code file.part.etag}): a transfer continues only while the hub names the same content; a
     * response without a checksum cannot be verified and fails the fetch.
     */
    private static final class TagCheck implements Downloader.ResponseCheck {
        private final URI url;
        private final Path file;
        private String expected;

        TagCheck(URI url, Path file) {
            this.url = url;
            this.file = file;
        }

        @Override
        public boolean accept(HttpResponse<?> response, long offset) throws IOException {
            String previous = Files.isRegularFile(file) ? Files.readString(file).trim() : null;
            String etag = expectedTag(response);
            if (etag == null && response.statusCode() == 416) {
                etag = previous; // the part is complete: its tag was recorded when its transfer began
            }
            if (etag == null) {
                throw new WeightLoadException(url.toString(), null,
                        "the server sent no ETag/X-Linked-Etag; the download cannot be verified");
            }
            if (offset > 0 && !etag.equals(previous)) {
                return false;
            }
            if (offset == 0) {
                Files.writeString(file, etag);
            }
            expected = etag;
            return true;
        }
    }

    /** X-Linked-Etag from any response of the redirect chain, else the first response's ETag. */
    static String expectedTag(HttpResponse<?> resp) {
        String linked = null;
        String first = null;
        for (Optional<? extends HttpResponse<?>> r = Optional.of(resp); r.isPresent(); r = r.get().previousResponse()) {
            HttpHeaders h = r.get().headers();
            linked = h.firstValue("X-Linked-Etag").map(HubClient::cleanTag).orElse(linked);
            first = h.firstValue("ETag").map(HubClient::cleanTag).orElse(first);
        }
        return linked != null ? linked : first;
    }

    private static String cleanTag(String tag) {
        String t = tag.trim();
        if (t.startsWith("W/")) {
            t = t.substring(2);
        }
        return t.replace("\"", "").toLowerCase(Locale.ROOT);
    }

    private static void verify(Path part, String etag, URI url) throws IOException {
        String actual;
        String kind;
        if (SHA256.matcher(etag).matches()) {
            kind = "sha256";
            actual = Sha256.of(part);
        } else if (SHA1.matcher(etag).matches()) {
            kind = "git blob sha1";
            actual = gitBlobSha1(part);
        } else {
            Files.deleteIfExists(part);
            throw new WeightLoadException(url.toString(), null, "ETag '" + etag + "' is neither a sha256 nor a git sha1; cannot verify");
        }
        if (!actual.equals(etag)) {
            Files.deleteIfExists(part);
            throw new WeightLoadException(url.toString(), null, kind + " mismatch: expected " + etag + ", got " + actual
                    + " (partial file discarded)");
        }
    }

    private static String gitBlobSha1(Path file) throws IOException {
        MessageDigest sha1 = Sha256.newDigest("SHA-1");
        sha1.update(("blob " + Files.size(file) + "\0").getBytes(StandardCharsets.US_ASCII));
        try (InputStream in = Files.newInputStream(file)) {
            Sha256.feed(sha1, in);
        }
        return Sha256.hex(sha1);
    }
}
