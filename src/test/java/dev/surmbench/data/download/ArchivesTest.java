package dev.surmbench.data.download;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
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
    void tarEntriesCannotEscapeTheDestination() throws IOException {
        Path archive = dir.resolve("evil.tar.gz");
        Files.write(archive, tarGz(TarArchiveOutputStream.LONGFILE_ERROR, Map.of("../evil.txt", new byte[] {1})));
        IOException e = assertThrows(IOException.class, () -> Archives.untarGz(archive, dir.resolve("out")));
        assertTrue(e.getMessage().contains("outside its folder: ../evil.txt"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("evil.txt")));
    }

    @Test
    void tarGzGivesItsFilesAndFoldersWithLongNamesButNoLinks() throws IOException {
        String longName = "cifar-10-batches-bin/" + "a-very-long-folder-name/".repeat(5) + "data_batch_1.bin";
        byte[] big = new byte[70_000];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i * 31);
        }
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("cifar-10-batches-bin/", null);
        entries.put("cifar-10-batches-bin/batches.meta.txt", "airplane\nautomobile\n".getBytes(StandardCharsets.UTF_8));
        entries.put(longName, big);
        for (int longFileMode : new int[] {TarArchiveOutputStream.LONGFILE_GNU, TarArchiveOutputStream.LONGFILE_POSIX}) {
            Path archive = dir.resolve("a" + longFileMode + ".tar.gz");
            Files.write(archive, tarGz(longFileMode, entries));
            Path out = dir.resolve("out" + longFileMode);
            Archives.untarGz(archive, out);
            assertEquals(List.of(out.resolve(longName), out.resolve("cifar-10-batches-bin/batches.meta.txt")),
                    Installer.regularFiles(out), "the link is not extracted");
            assertEquals("airplane\nautomobile\n", Files.readString(out.resolve("cifar-10-batches-bin/batches.meta.txt")));
            assertArrayEquals(big, Files.readAllBytes(out.resolve(longName)));
        }
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

    /**
     * A tar.gz of {@code entries} (name -> bytes; null bytes: a folder) written by Commons Compress with
     * {@code longFileMode} for long names, plus a symbolic link that extraction must skip.
     */
    private static byte[] tarGz(int longFileMode, Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(bytes))) {
            tar.setLongFileMode(longFileMode);
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                TarArchiveEntry entry = new TarArchiveEntry(e.getKey(), true);
                if (e.getValue() != null) {
                    entry.setSize(e.getValue().length);
                }
                tar.putArchiveEntry(entry);
                if (e.getValue() != null) {
                    tar.write(e.getValue());
                }
                tar.closeArchiveEntry();
            }
            TarArchiveEntry link = new TarArchiveEntry("link-to-passwd", TarConstants.LF_SYMLINK, true);
            link.setLinkName("/etc/passwd");
            tar.putArchiveEntry(link);
            tar.closeArchiveEntry();
        }
        return bytes.toByteArray();
    }
}
