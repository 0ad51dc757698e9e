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

/**
 * Extracts zip (GLUE, {@code java.util.zip}) and tar.gz (CIFAR, {@link UstarReader}) archives. Entry names that would escape the destination
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
        try (InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(archive)), 1 << 16)) {
            UstarReader tar = new UstarReader(in);
            for (UstarReader.Entry entry = tar.next(); entry != null; entry = tar.next()) {
                if (entry.isDirectory()) {
                    write(null, entry.name(), true, destination, archive);
                } else if (entry.isFile()) {
                    Path target = write(null, entry.name(), false, destination, archive);
                    try (var out = Files.newOutputStream(target)) {
                        tar.copyBody(out);
                    }
                }
            }
        }
    }

    /** Creates the folder, or writes {@code in} (when not null) to the file; returns the target path. */
    private static Path write(InputStream in, String name, boolean directory, Path destination, Path archive)
            throws IOException {
        Path root = destination.toAbsolutePath().normalize();
        Path target = root.resolve(name).normalize();
        if (directory && target.equals(root)) {
            return target;
        }
        if (!target.startsWith(root) || target.equals(root)) {
            throw new IOException("archive " + archive + " has an entry outside its folder: " + name);
        }
        if (directory) {
            Files.createDirectories(target);
        } else {
            Files.createDirectories(target.getParent());
            if (in != null) {
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return target;
    }
}
