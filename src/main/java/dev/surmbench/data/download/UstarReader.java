package dev.surmbench.data.download;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A minimal reader of tar streams (POSIX ustar and the GNU/pax extensions for long names), enough
 * for the CIFAR archives. Written here because commons-compress's tar classes need commons-lang3,
 * which is not on this project's class path.
 *
 * <p>Usage: {@link #next()} returns the next entry header; then {@link #copyBody} (or nothing, to
 * skip it) before calling {@link #next()} again.
 */
public final class UstarReader {

    private static final int BLOCK = 512;

    /** One entry: its name, size, and whether it is a regular file or a folder. */
    public record Entry(String name, long size, boolean isFile, boolean isDirectory) {}

    private final InputStream in;
    private long remaining;
    private long padding;

    public UstarReader(InputStream in) {
        this.in = in;
    }

    /** The next file or folder entry, or null at the end of the archive. */
    public Entry next() throws IOException {
        skipBody();
        String longName = null;
        while (true) {
            byte[] header = new byte[BLOCK];
            if (!readBlock(header) || isZero(header)) {
                return null;
            }
            verifyChecksum(header);
            long size = octal(header, 124, 12);
            char type = (char) header[156];
            String name = longName != null ? longName : name(header);
            longName = null;
            remaining = size;
            padding = (BLOCK - size % BLOCK) % BLOCK;
            if (type == 'L' || type == 'x') {
                String body = new String(readBody(), StandardCharsets.UTF_8);
                longName = type == 'L' ? body.replaceAll("\0+$", "") : paxPath(body);
                continue;
            }
            if (type == 'g') {
                skipBody();
                continue;
            }
            boolean file = type == '0' || type == '\0' || type == '7';
            boolean directory = type == '5';
            return new Entry(name, size, file, directory);
        }
    }

    /** Copies the current entry's bytes to {@code out}. */
    public void copyBody(java.io.OutputStream out) throws IOException {
        byte[] buffer = new byte[1 << 16];
        while (remaining > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
            if (n < 0) {
                throw new EOFException("tar entry truncated");
            }
            out.write(buffer, 0, n);
            remaining -= n;
        }
        skipPadding();
    }

    private byte[] readBody() throws IOException {
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        copyBody(body);
        return body.toByteArray();
    }

    private void skipBody() throws IOException {
        copyBody(java.io.OutputStream.nullOutputStream());
    }

    private void skipPadding() throws IOException {
        in.skipNBytes(padding);
        padding = 0;
    }

    private boolean readBlock(byte[] block) throws IOException {
        int read = in.readNBytes(block, 0, BLOCK);
        if (read == 0) {
            return false;
        }
        if (read < BLOCK) {
            throw new EOFException("tar header truncated");
        }
        return true;
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static void verifyChecksum(byte[] header) throws IOException {
        long expected = octal(header, 148, 8);
        long sum = 0;
        for (int i = 0; i < BLOCK; i++) {
            sum += i >= 148 && i < 156 ? ' ' : header[i] & 0xFF;
        }
        if (sum != expected) {
            throw new IOException("not a tar archive (header checksum " + sum + " != " + expected + ")");
        }
    }

    private static String name(byte[] header) {
        String name = text(header, 0, 100);
        boolean ustar = text(header, 257, 5).equals("ustar");
        String prefix = ustar ? text(header, 345, 155) : "";
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    private static String paxPath(String records) {
        for (String record : records.split("\n")) {
            int space = record.indexOf(' ');
            if (space > 0 && record.startsWith("path=", space + 1)) {
                return record.substring(space + 1 + "path=".length());
            }
        }
        return null;
    }

    private static String text(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static long octal(byte[] header, int offset, int length) throws IOException {
        String digits = text(header, offset, length).trim();
        try {
            return digits.isEmpty() ? 0 : Long.parseLong(digits, 8);
        } catch (NumberFormatException e) {
            throw new IOException("not a tar archive (bad octal field '" + digits + "')");
        }
    }
}
