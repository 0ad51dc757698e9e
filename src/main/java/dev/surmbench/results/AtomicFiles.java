package dev.surmbench.results;

import dev.surmbench.data.download.Installer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Write-then-rename: content goes to a temporary file in the same folder, is forced to disk, and
 * replaces the target in one atomic rename. A process killed at any moment leaves either the old
 * file or the new one, never a half-written file. Folders ({@link #writeDirectory}) the same way.
 * Results are meant to be shared: where the file system has POSIX modes the file is {@code rw-r--r--}
 * (a temporary file starts as {@code rw-------}).
 */
public final class AtomicFiles {
    private static final Set<PosixFilePermission> READABLE_BY_ALL = PosixFilePermissions.fromString("rw-r--r--");

    private AtomicFiles() {}

    public static void write(Path target, String content) throws IOException {
        write(target, content.getBytes(StandardCharsets.UTF_8));
    }

    public static void write(Path target, byte[] content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            writeTemporary(temp, content);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("the file system of " + dir + " cannot rename atomically; results need one", e);
            }
        } catch (IOException e) {
            throw named(target, e);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** {@code e} naming {@code target} when its message does not (a full disk's "No space left on device" names none). */
    private static IOException named(Path target, IOException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains(target.toString()) || message.contains(target.toAbsolutePath().getParent().toString())) {
            return e;
        }
        return new IOException("cannot write " + target + ": " + message, e);
    }

    private static void writeTemporary(Path temp, byte[] content) throws IOException {
        if (Files.getFileStore(temp).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.setPosixFilePermissions(temp, READABLE_BY_ALL);
        }
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
             OutputStream out = java.nio.channels.Channels.newOutputStream(channel)) {
            out.write(content);
            out.flush();
            channel.force(true);
        }
    }

    /**
     * Deletes the temporary files {@link #write} leaves in {@code dir} when its process is killed
     * between creating and renaming one ({@code .<name>…tmp}); the caller must own the folder (a run's
     * folder under its claim), since a live writer's temporary file looks the same. Nothing when
     * {@code dir} does not exist.
     */
    public static void removeLeftovers(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path stale : files.filter(p -> Files.isRegularFile(p) && isTemporary(p.getFileName().toString())).toList()) {
                Files.deleteIfExists(stale);
            }
        }
    }

    private static boolean isTemporary(String name) {
        return name.startsWith(".") && name.endsWith(".tmp");
    }

    /** Writes the files of a folder under construction. */
    @FunctionalInterface
    public interface FolderContent {
        void writeInto(Path folder) throws IOException;
    }

    /**
     * Builds a folder in one step: {@code content} fills a fresh hidden folder beside {@code target},
     * its files are forced to disk, and it is renamed to {@code target} (an existing {@code target}
     * is first renamed aside and deleted afterwards). A process killed at any moment leaves no
     * {@code target} or a complete one; the hidden leftovers of a killed writer are removed by the
     * next write of the same target.
     */
    public static void writeDirectory(Path target, FolderContent content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        String hidden = "." + target.getFileName() + ".";
        try (Stream<Path> siblings = Files.list(dir)) {
            for (Path stale : siblings.filter(p -> p.getFileName().toString().startsWith(hidden)).toList()) {
                Installer.deleteRecursively(stale);
            }
        }
        Path temp = Files.createTempDirectory(dir, hidden + "tmp-");
        if (Files.getFileStore(temp).supportsFileAttributeView("posix")) {
            // a temporary folder is private (rwx------); the result is an ordinary folder
            Files.setPosixFilePermissions(temp, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Path old = null;
        try {
            content.writeInto(temp);
            List<Path> files;
            try (Stream<Path> walk = Files.walk(temp)) {
                files = walk.filter(Files::isRegularFile).toList();
            }
            for (Path file : files) {
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                    channel.force(true);
                }
            }
            if (Files.exists(target)) {
                old = dir.resolve(hidden + "old-" + temp.getFileName().toString().substring(hidden.length() + 4));
                Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the file system of " + dir + " cannot rename atomically; results need one", e);
        } catch (IOException e) {
            throw named(target, e);
        } finally {
            Installer.deleteRecursively(temp);
            if (old != null) {
                Installer.deleteRecursively(old);
            }
        }
    }
}
