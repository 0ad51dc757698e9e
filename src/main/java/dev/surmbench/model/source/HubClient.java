package dev.surmbench.model.source;

import dev.surmbench.model.WeightLoadException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Downloads files of a Hugging Face hub repository ({@code GET {endpoint}/{repo}/resolve/{revision}/{file}})
 * into a local cache {@code {cache}/{org}--{name}/{revision}/{file}}.
 *
 * <p>Bytes go to {@code file.part} first; an interrupted transfer resumes with a {@code Range}
 * request (a 200 answer restarts it). The finished file is verified against the hub's ETag before
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
    private final HttpClient http;

    public HubClient(URI endpoint, Path cache) {
        this.endpoint = endpoint;
        this.cache = cache;
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(30)).build();
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
        Path tagFile = target.resolveSibling(file + ".part.etag");
        IOException last = null;
        try {
            Files.createDirectories(target.getParent());
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                try {
                    String etag = transfer(url, part, tagFile, required);
                    if (etag == null) {
                        return Optional.empty();
                    }
                    verify(part, etag, url);
                    Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    Files.deleteIfExists(tagFile);
                    return Optional.of(target);
                } catch (IOException e) {
                    last = e; // interrupted transfer: the .part file is kept and resumed
                }
            }
        } catch (IOException e) {
            last = e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WeightLoadException(url.toString(), null, "download interrupted", e);
        }
        throw new WeightLoadException(url.toString(), null, "download failed after " + ATTEMPTS + " attempts: "
                + (last == null ? "unknown error" : last.getMessage()), last);
    }

    /** One request; returns the expected checksum tag, or null for a missing optional file. */
    private String transfer(URI url, Path part, Path tagFile, boolean required) throws IOException, InterruptedException {
        long have = Files.isRegularFile(part) ? Files.size(part) : 0;
        HttpRequest.Builder req = HttpRequest.newBuilder(url).timeout(Duration.ofMinutes(10)).GET();
        if (have > 0) {
            req.header("Range", "bytes=" + have + "-");
        }
        HttpResponse<InputStream> resp = http.send(req.build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = resp.body()) {
            int status = resp.statusCode();
            if (status == 404 && !required) {
                return null;
            }
            if (status == 416) {
                Files.deleteIfExists(part);
                throw new IOException("range not satisfiable; restarting");
            }
            if (status != 200 && status != 206) {
                throw new WeightLoadException(url.toString(), null, "HTTP " + status);
            }
            String etag = expectedTag(resp);
            if (etag == null) {
                throw new WeightLoadException(url.toString(), null, "the server sent no ETag/X-Linked-Etag; the download cannot be verified");
            }
            String previous = Files.isRegularFile(tagFile) ? Files.readString(tagFile).trim() : null;
            boolean resume = status == 206 && have > 0 && etag.equals(previous)
                    && resp.headers().firstValue("Content-Range").orElse("").startsWith("bytes " + have + "-");
            if (!resume) {
                if (status == 206) {
                    Files.deleteIfExists(part);
                    throw new IOException("cannot resume (changed file or unexpected range); restarting");
                }
                Files.writeString(tagFile, etag);
            }
            try (OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    resume ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
                body.transferTo(out);
            }
            long expectedTotal = resp.headers().firstValueAsLong("Content-Length").orElse(-1);
            long got = Files.size(part) - (resume ? have : 0);
            if (expectedTotal >= 0 && got != expectedTotal) {
                throw new IOException("transfer ended after " + got + " of " + expectedTotal + " bytes");
            }
            return etag;
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
            actual = digest(part, "SHA-256", null);
        } else if (SHA1.matcher(etag).matches()) {
            kind = "git blob sha1";
            actual = digest(part, "SHA-1", ("blob " + Files.size(part) + "\0").getBytes(StandardCharsets.US_ASCII));
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

    private static String digest(Path file, String algorithm, byte[] prefix) throws IOException {
        try {
            MessageDigest md = MessageDigest.getInstance(algorithm);
            if (prefix != null) {
                md.update(prefix);
            }
            try (InputStream in = Files.newInputStream(file)) {
                byte[] buf = new byte[1 << 16];
                for (int n; (n = in.read(buf)) > 0; ) {
                    md.update(buf, 0, n);
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
