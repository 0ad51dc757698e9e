package dev.surmbench.data.download;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Expected SHA-256 values of dataset files, keyed by path relative to the dataset's root ({@code
 * CoLA/train.tsv}). Two sources: values shipped with the code (a classpath resource, e.g. those
 * measured on the project's shared GLUE copy) and values recorded on first download into a file in
 * the cache ({@code recorded-sha256.tsv}) for files with no published value.
 *
 * <p>Both are TSV files whose first two columns are {@code path} and {@code sha256}; lines starting
 * with {@code #} and a header line starting with {@code path} are ignored.
 */
public final class ChecksumRegistry {

    /** Name of the file in a cache folder holding the values recorded on first download. */
    public static final String RECORDED_FILE = "recorded-sha256.tsv";

    private final Map<String, String> shipped;
    private final Map<String, String> recorded;
    private final Path recordedFile;

    private ChecksumRegistry(Map<String, String> shipped, Path recordedFile) {
        this.shipped = shipped;
        this.recordedFile = recordedFile;
        this.recorded = new LinkedHashMap<>();
        if (recordedFile != null && Files.isRegularFile(recordedFile)) {
            try (BufferedReader reader = Files.newBufferedReader(recordedFile)) {
                parse(reader, recorded);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + recordedFile, e);
            }
        }
    }

    /** Values from the resource {@code resource} (may be absent: no shipped values) plus those of {@code cacheDir}. */
    public static ChecksumRegistry load(String resource, Path cacheDir) {
        Map<String, String> shipped = new LinkedHashMap<>();
        InputStream in = resource == null ? null : ChecksumRegistry.class.getResourceAsStream(resource);
        if (in != null) {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                parse(reader, shipped);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read resource " + resource, e);
            }
        }
        return new ChecksumRegistry(Collections.unmodifiableMap(shipped),
                cacheDir == null ? null : cacheDir.resolve(RECORDED_FILE));
    }

    /** The expected value for {@code relativePath}: shipped first, else recorded. */
    public Optional<String> expected(String relativePath) {
        String value = shipped.get(relativePath);
        return Optional.ofNullable(value != null ? value : recorded.get(relativePath));
    }

    /** True when the expected value of {@code relativePath} is shipped with the code. */
    public boolean isShipped(String relativePath) {
        return shipped.containsKey(relativePath);
    }

    /** The shipped values, in resource order. */
    public Map<String, String> shipped() {
        return shipped;
    }

    /** Appends a first-download value to the cache's recorded file. */
    public synchronized void record(String relativePath, String sha256) throws IOException {
        if (recordedFile == null) {
            throw new IllegalStateException("this registry has no cache folder to record into");
        }
        recorded.put(relativePath, sha256);
        Files.createDirectories(recordedFile.getParent());
        Files.writeString(recordedFile, relativePath + "\t" + sha256 + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static void parse(BufferedReader reader, Map<String, String> into) throws IOException {
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            if (line.isBlank() || line.startsWith("#") || line.startsWith("path\t")) {
                continue;
            }
            String[] cells = line.split("\t");
            if (cells.length < 2 || !cells[1].matches("[0-9a-f]{64}")) {
                throw new IOException("bad checksum line (want path<TAB>sha256): " + line);
            }
            into.put(cells[0], cells[1]);
        }
    }
}
