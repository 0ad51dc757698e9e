package dev.surmbench.data.download;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Extracts zip (GLUE) and tar.gz (CIFAR) archives. Entry names that would escape the destination
 * ({@code ../}, absolute paths) are rejected; only regular files and folders are written.
 */
public final class Archives {

    private Archives() {}

    /** Extracts every file of the zip {@code archive} under {@code destination}. */
    public static void unzip(Path archive, Path destination) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(new BufferedInputStream(Files.newInputStream(archive)))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                write(zip, entry.getName(), entry.isDirectory(), destination, archive);
            }
        }
    }

    /** Extracts every regular file of the gzip-compressed tar {@code archive} under {@code destination}. */
    public static void untarGz(Path archive, Path destination) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(
                new GZIPInputStream(new BufferedInputStream(Files.newInputStream(archive))))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                if (entry.isDirectory() || entry.isFile()) {
                    write(tar, entry.getName(), entry.isDirectory(), destination, archive);
                }
            }
        }
    }

    private static void write(InputStream in, String name, boolean directory, Path destination, Path archive)
            throws IOException {
        Path root = destination.toAbsolutePath().normalize();
        Path target = root.resolve(name).normalize();
        if (directory && target.equals(root)) {
            return;
        }
        if (!target.startsWith(root) || target.equals(root)) {
            throw new IOException("archive " + archive + " has an entry outside its folder: " + name);
        }
        if (directory) {
            Files.createDirectories(target);
        } else {
            Files.createDirectories(target.getParent());
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
