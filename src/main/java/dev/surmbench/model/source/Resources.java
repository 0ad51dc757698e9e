package dev.surmbench.model.source;

import dev.surmbench.util.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Small file helpers for sources: writing files atomically under a content-addressed temp folder. */
final class Resources {
    private Resources() {}

    /** Folder for files this process materialises (tokenizers): {@code ${java.io.tmpdir}/surm-bench-<user>}. */
    static Path scratchDir() throws IOException {
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "surm-bench-" + System.getProperty("user.name", "user"));
        Files.createDirectories(dir);
        return dir;
    }

    /** Writes {@code bytes} to {@code scratchDir()/<sha256-prefix>-name} (once; atomically) and returns the path. */
    static Path materialize(byte[] bytes, String name) {
        try {
            String hash = Sha256.of(bytes).substring(0, 16);
            Path target = scratchDir().resolve(hash + "-" + name);
            if (!Files.isRegularFile(target) || Files.size(target) != bytes.length) {
                Path tmp = Files.createTempFile(target.getParent(), name, ".tmp");
                Files.write(tmp, bytes);
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads at most {@code max} bytes from a stream; more is an error. */
    static byte[] readBounded(InputStream in, long max, String what) throws IOException {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        if (bytes.length > max) {
            throw new IOException(what + " is larger than " + max + " bytes");
        }
        return bytes;
    }
}
