package dev.surmbench.data.download;

import dev.surmbench.util.Sha256;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs downloaded files into a cache folder safely. A {@link Stage} fills a fresh staging
 * folder inside the cache (so the final moves stay on one file system); every staged file is then
 * checked against its expected SHA-256 where one is known, and only when all pass is each moved to
 * the same relative path under the cache with an atomic move. On any failure the staging folder is
 * deleted and nothing is installed. Files without a known value have their SHA-256 recorded in the
 * cache on first download (and the log says so), so later {@code data verify} runs can check them.
 */
public final class Installer {

    private static final Logger LOG = LoggerFactory.getLogger(Installer.class);

    /** Fills the staging folder: downloads into {@code scratch}, writes results under {@code staging}. */
    @FunctionalInterface
    public interface Stage {
        void fill(Path staging, Path scratch) throws IOException;
    }

    private final Path cacheDir;
    private final ChecksumRegistry checksums;

    public Installer(Path cacheDir, ChecksumRegistry checksums) {
        this.cacheDir = cacheDir;
        this.checksums = checksums;
    }

    /** The cache folder files are installed into. */
    public Path cacheDir() {
        return cacheDir;
    }

    /** Runs {@code stage}, verifies its files as described in the class comment and installs them. */
    public List<Path> install(String origin, Stage stage) throws IOException {
        Files.createDirectories(cacheDir);
        Path work = Files.createTempDirectory(cacheDir, ".staging-");
        try {
            Path staging = Files.createDirectory(work.resolve("files"));
            Path scratch = Files.createDirectory(work.resolve("scratch"));
            stage.fill(staging, scratch);
            List<Path> staged = regularFiles(staging);
            List<String> unknown = new ArrayList<>();
            for (Path file : staged) {
                String relative = relative(staging, file);
                Optional<String> expected = checksums.expected(relative);
                String actual = Sha256.of(file);
                if (expected.isEmpty()) {
                    unknown.add(relative + "\t" + actual);
                } else if (!expected.get().equals(actual)) {
                    throw new ChecksumMismatchException(relative, expected.get(), actual, origin);
                }
            }
            List<Path> installed = new ArrayList<>();
            for (Path file : staged) {
                Path target = cacheDir.resolve(relative(staging, file));
                Files.createDirectories(target.getParent());
                Files.move(file, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                installed.add(target);
            }
            for (String line : unknown) {
                String[] cells = line.split("\t");
                checksums.record(cells[0], cells[1]);
                LOG.info("no published sha256 for {}: recorded {} on first download in {}", cells[0], cells[1],
                        cacheDir.resolve(ChecksumRegistry.RECORDED_FILE));
            }
            return installed;
        } finally {
            deleteRecursively(work);
        }
    }

    /** Regular files under {@code dir}, sorted by path. */
    public static List<Path> regularFiles(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    /** {@code file} relative to {@code root} with '/' separators. */
    public static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    /** Deletes {@code dir} and everything under it; a missing folder is fine. */
    public static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
