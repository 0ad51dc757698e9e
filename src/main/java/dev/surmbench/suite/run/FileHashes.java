package dev.surmbench.suite.run;

import dev.surmbench.util.Sha256;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SHA-256 of dataset files for provenance and the resume check, each file hashed once per version
 * (path, size, modification time) in this process: a suite of a hundred runs over one task reads its
 * files once, and a file replaced meanwhile is hashed again.
 */
final class FileHashes {
    private record Version(Path file, long size, FileTime modified) {}

    private final Map<Version, String> hashes = new ConcurrentHashMap<>();

    /** The hex SHA-256 of {@code file}. */
    String of(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            Version version = new Version(file.toAbsolutePath().normalize(), attributes.size(), attributes.lastModifiedTime());
            return hashes.computeIfAbsent(version, v -> Sha256.of(v.file()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
