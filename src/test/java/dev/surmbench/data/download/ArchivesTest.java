package dev.surmbench.data.download;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchivesTest {

    @TempDir
    Path dir;

    @Test
    void zipEntriesCannotEscapeTheDestination() throws IOException {
        Path zip = dir.resolve("evil.zip");
        Files.write(zip, LoopbackServer.zip(Map.of("../evil.txt", new byte[] {1})));
        IOException e = assertThrows(IOException.class, () -> Archives.unzip(zip, dir.resolve("out")));
        assertTrue(e.getMessage().contains("outside its folder: ../evil.txt"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("evil.txt")));
    }

    @Test
    void gzipThatIsNotATarIsRejected() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(new byte[512]);
            out.write("this is not a tar header".getBytes());
            out.write(new byte[600]);
        }
        Path archive = dir.resolve("x.tar.gz");
        // a first all-zero block ends the archive: nothing extracted, no error
        Files.write(archive, bytes.toByteArray());
        Archives.untarGz(archive, dir.resolve("a"));
        assertEquals(0, Files.exists(dir.resolve("a")) ? Installer.regularFiles(dir.resolve("a")).size() : 0);
        ByteArrayOutputStream junk = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(junk)) {
            out.write(("x".repeat(512)).getBytes());
        }
        Files.write(archive, junk.toByteArray());
        IOException e = assertThrows(IOException.class, () -> Archives.untarGz(archive, dir.resolve("b")));
        assertTrue(e.getMessage().startsWith("not a tar archive"), e.getMessage());
    }
}
