package dev.surmbench.data;

import dev.surmbench.data.download.ChecksumRegistry;
import dev.surmbench.data.glue.GlueDownloader;
import dev.surmbench.data.glue.GlueLocation;
import dev.surmbench.data.glue.GlueReader;
import dev.surmbench.data.glue.GlueSplit;
import dev.surmbench.data.glue.GlueTask;
import dev.surmbench.data.image.ImageSource;
import dev.surmbench.data.image.ImageSplit;
import dev.surmbench.util.Sha256;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What data is where: the listing behind {@code data list} (every GLUE task and image dataset, its
 * location, whether it is present, rows per split) and the checks behind {@code data verify} (each
 * present file against its recorded SHA-256).
 */
public final class DataInventory {

    /** One task or dataset in the listing; {@code problem} is set when a present file cannot be read. */
    public record Listing(String kind, String name, Path location, String source, boolean present,
            Map<String, Integer> rows, String problem) {}

    /** Outcome of checking one file. */
    public enum Status { OK, MISMATCH, MISSING }

    /** One file checked against its recorded value. */
    public record FileCheck(Path file, String key, Status status, String expected, String actual) {}

    private DataInventory() {}

    /** Lists the GLUE tasks at {@code glue} and the image datasets under {@code imagesRoot}. */
    public static List<Listing> list(GlueLocation glue, Path imagesRoot) {
        List<Listing> listings = new ArrayList<>();
        for (GlueTask task : GlueTask.values()) {
            Path folder = glue.dir().resolve(task.folder());
            Map<String, Integer> rows = new LinkedHashMap<>();
            boolean present = true;
            String problem = null;
            for (GlueSplit split : GlueSplit.values()) {
                if (!Files.isRegularFile(glue.dir().resolve(task.relativePath(split)))) {
                    present = false;
                    continue;
                }
                try {
                    rows.put(split.name().toLowerCase(Locale.ROOT), GlueReader.read(task, split, glue.dir()).size());
                } catch (DataFormatException e) {
                    problem = e.getMessage();
                }
            }
            listings.add(new Listing("glue", task.userName(), folder, glue.source().description(), present, rows,
                    problem));
        }
        for (ImageSource source : ImageSource.values()) {
            Map<String, Integer> rows = new LinkedHashMap<>();
            boolean present = true;
            String problem = null;
            for (ImageSplit split : source.splits()) {
                if (!source.isPresent(imagesRoot, split)) {
                    present = false;
                    continue;
                }
                try {
                    rows.put(split.name().toLowerCase(Locale.ROOT), source.count(imagesRoot, split));
                } catch (RuntimeException e) {
                    problem = e.getMessage();
                }
            }
            listings.add(new Listing("image", source.userName(), source.location(imagesRoot), "images root " + imagesRoot,
                    present, rows, problem));
        }
        return listings;
    }

    /**
     * Checks every file with a recorded value: the shipped GLUE values (and, for the download cache,
     * those recorded on first download), and the values recorded in the CIFAR cache folders. Files
     * that are not there are reported {@link Status#MISSING} — absence is not a mismatch.
     */
    public static List<FileCheck> verify(GlueLocation glue, Path imagesRoot) {
        List<FileCheck> checks = new ArrayList<>();
        ChecksumRegistry glueRegistry = ChecksumRegistry.load(GlueDownloader.CHECKSUM_RESOURCE,
                glue.isConfigured() ? null : glue.dir());
        Map<String, String> glueValues = new TreeMap<>(glueRegistry.shipped());
        recorded(glue.isConfigured() ? null : glue.dir()).forEach(glueValues::putIfAbsent);
        glueValues.forEach((key, expected) -> checks.add(check(glue.dir(), key, expected)));
        for (ImageSource source : List.of(ImageSource.CIFAR10, ImageSource.CIFAR100)) {
            Path cacheDir = source.location(imagesRoot).getParent();
            recorded(cacheDir).forEach((key, expected) -> checks.add(check(cacheDir, key, expected)));
        }
        return checks;
    }

    private static Map<String, String> recorded(Path cacheDir) {
        Map<String, String> values = new TreeMap<>();
        if (cacheDir == null || !Files.isRegularFile(cacheDir.resolve(ChecksumRegistry.RECORDED_FILE))) {
            return values;
        }
        ChecksumRegistry registry = ChecksumRegistry.load(null, cacheDir);
        try {
            for (String line : Files.readAllLines(cacheDir.resolve(ChecksumRegistry.RECORDED_FILE))) {
                String key = line.split("\t")[0];
                Optional<String> value = registry.expected(key);
                value.ifPresent(v -> values.put(key, v));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return values;
    }

    private static FileCheck check(Path root, String key, String expected) {
        Path file = root.resolve(key);
        if (!Files.isRegularFile(file)) {
            return new FileCheck(file, key, Status.MISSING, expected, null);
        }
        String actual = Sha256.of(file);
        return new FileCheck(file, key, actual.equals(expected) ? Status.OK : Status.MISMATCH, expected, actual);
    }
}
