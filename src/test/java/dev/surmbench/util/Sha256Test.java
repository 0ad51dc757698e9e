package dev.surmbench.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Sha256Test {

    /** FIPS 180-2's examples. */
    private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    private static final String EMPTY = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    @TempDir
    Path dir;

    @Test
    void everyFormGivesTheSameLowercaseHex() throws IOException {
        assertEquals(ABC, Sha256.of("abc"));
        assertEquals(ABC, Sha256.of("abc".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(ABC, Sha256.of(new ByteArrayInputStream("abc".getBytes(StandardCharsets.US_ASCII))));
        Path file = Files.writeString(dir.resolve("abc.txt"), "abc");
        assertEquals(ABC, Sha256.of(file));
        MessageDigest pieces = Sha256.newDigest();
        pieces.update((byte) 'a');
        pieces.update("bc".getBytes(StandardCharsets.US_ASCII));
        assertEquals(ABC, Sha256.hex(pieces));
        assertEquals(EMPTY, Sha256.of(new byte[0]));
    }

    @Test
    void stringsAreHashedAsUtf8() {
        String text = "crème brûlée — ∑";
        assertEquals(Sha256.of(text.getBytes(StandardCharsets.UTF_8)), Sha256.of(text));
    }

    @Test
    void aFileLargerThanOneBufferIsStreamed() throws IOException {
        byte[] big = new byte[300_000];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i * 7);
        }
        Path file = Files.write(dir.resolve("big.bin"), big);
        assertEquals(Sha256.of(big), Sha256.of(file));
    }

    @Test
    void otherAlgorithmsAreFedTheSameWay() throws Exception {
        byte[] big = new byte[100_000];
        java.util.Arrays.fill(big, (byte) 3);
        MessageDigest sha1 = Sha256.newDigest("SHA-1");
        Sha256.feed(sha1, new ByteArrayInputStream(big));
        assertEquals(java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(big)), Sha256.hex(sha1));
    }

    @Test
    void anUnreadableFileNamesItself() {
        Path missing = dir.resolve("missing.bin");
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> Sha256.of(missing));
        assertEquals("cannot read " + missing, e.getMessage());
    }
}
