package dev.surmbench.model.tf;

import dev.surmbench.model.WeightLoadException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * A reader of LevelDB-format tables (TensorFlow's {@code table.h}), the format of a tensor
 * bundle's {@code .index} file: data blocks of prefix-compressed key/value entries with restart
 * points, an index block mapping separator keys to data-block handles, and a 48-byte footer
 * (metaindex handle, index handle, padding, magic 0xdb4775248b80fb57). Every block's trailer
 * (compression type, masked CRC32C) is checked; only uncompressed blocks are supported.
 */
public final class SsTable {
    /** The table magic number, stored little-endian in the last 8 bytes. */
    public static final long MAGIC = 0xdb4775248b80fb57L;
    /** Footer size: two block handles padded to 40 bytes, plus the magic. */
    public static final int FOOTER_SIZE = 48;
    /** Trailer after each block: 1-byte compression type + 4-byte masked CRC32C. */
    public static final int TRAILER_SIZE = 5;

    private SsTable() {}

    /** One key/value entry; keys compare as unsigned bytes. */
    public record Entry(byte[] key, byte[] value) {
        public String keyString() {
            return new String(key, StandardCharsets.UTF_8);
        }
    }

    /** Every entry of the table, in key order. */
    public static List<Entry> readAll(ByteBuffer table, String file) {
        ByteBuffer buf = table.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        int size = buf.limit();
        if (size < FOOTER_SIZE) {
            throw new WeightLoadException(file, null, "bad bundle index: " + size + " bytes is shorter than the table footer");
        }
        if (buf.getLong(size - 8) != MAGIC) {
            throw new WeightLoadException(file, null, "bad bundle index: table magic number missing (not a tensor bundle index, or truncated)");
        }
        Cursor footer = new Cursor(slice(buf, size - FOOTER_SIZE, FOOTER_SIZE - 8), file, "footer");
        footer.varint64(); // metaindex offset
        footer.varint64(); // metaindex size
        long indexOffset = footer.varint64();
        long indexSize = footer.varint64();
        List<Entry> index = readBlock(buf, indexOffset, indexSize, file, "index block");
        List<Entry> out = new ArrayList<>();
        for (Entry handle : index) {
            Cursor h = new Cursor(ByteBuffer.wrap(handle.value()), file, "index entry");
            long offset = h.varint64();
            long blockSize = h.varint64();
            out.addAll(readBlock(buf, offset, blockSize, file, "data block at " + offset));
        }
        for (int i = 1; i < out.size(); i++) {
            if (Arrays.compareUnsigned(out.get(i - 1).key(), out.get(i).key()) >= 0) {
                throw new WeightLoadException(file, out.get(i).keyString(), "bad bundle index: keys are not strictly increasing");
            }
        }
        return out;
    }

    private static List<Entry> readBlock(ByteBuffer buf, long offset, long size, String file, String what) {
        if (offset < 0 || size < 4 || offset + size + TRAILER_SIZE > buf.limit()) {
            throw new WeightLoadException(file, null, "bad bundle index: " + what + " [" + offset + ", +" + size
                    + "] lies outside the " + buf.limit() + "-byte file");
        }
        int start = (int) offset;
        int len = (int) size;
        int type = buf.get(start + len) & 0xff;
        if (type != 0) {
            throw new WeightLoadException(file, null, "bad bundle index: " + what + " uses compression type " + type + " (only uncompressed is supported)");
        }
        CRC32C crc = new CRC32C();
        crc.update(slice(buf, start, len + 1));
        int stored = buf.getInt(start + len + 1);
        if (unmask(stored) != (int) crc.getValue()) {
            throw new WeightLoadException(file, null, "bad bundle index: checksum mismatch in " + what);
        }
        ByteBuffer block = slice(buf, start, len);
        int restarts = block.getInt(len - 4);
        long restartBytes = 4L * restarts + 4;
        if (restarts < 1 || restartBytes > len) {
            throw new WeightLoadException(file, null, "bad bundle index: " + what + " declares " + restarts + " restart points");
        }
        int end = (int) (len - restartBytes);
        for (int i = 0; i < restarts; i++) {
            int r = block.getInt(end + 4 * i);
            if (r < 0 || r > end) {
                throw new WeightLoadException(file, null, "bad bundle index: restart point " + r + " outside " + what);
            }
        }
        List<Entry> out = new ArrayList<>();
        Cursor c = new Cursor(slice(block, 0, end), file, what);
        byte[] key = new byte[0];
        while (c.remaining() > 0) {
            int shared = c.varint32();
            int nonShared = c.varint32();
            int valueLength = c.varint32();
            if (shared > key.length) {
                throw new WeightLoadException(file, null, "bad bundle index: entry shares " + shared + " bytes of a " + key.length + "-byte key in " + what);
            }
            byte[] next = Arrays.copyOf(key, shared + c.check(nonShared));
            c.get(next, shared, nonShared);
            byte[] value = new byte[c.check(valueLength)];
            c.get(value, 0, valueLength);
            key = next;
            out.add(new Entry(key, value));
        }
        return out;
    }

    /** LevelDB's CRC mask: rotate right 15 bits and add a constant. */
    public static int mask(int crc) {
        return ((crc >>> 15) | (crc << 17)) + 0xa282ead8;
    }

    public static int unmask(int masked) {
        int rot = masked - 0xa282ead8;
        return (rot >>> 17) | (rot << 15);
    }

    private static ByteBuffer slice(ByteBuffer buf, int start, int len) {
        ByteBuffer d = buf.duplicate();
        d.position(start).limit(start + len);
        return d.slice().order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Bounds-checked reading of varints and byte runs. */
    static final class Cursor {
        private final ByteBuffer buf;
        private final String file;
        private final String what;

        Cursor(ByteBuffer buf, String file, String what) {
            this.buf = buf;
            this.file = file;
            this.what = what;
        }

        int remaining() {
            return buf.remaining();
        }

        int check(int n) {
            if (n < 0 || n > buf.remaining()) {
                throw new WeightLoadException(file, null, "bad bundle index: length " + n + " runs past the end of " + what);
            }
            return n;
        }

        void get(byte[] dst, int off, int n) {
            buf.get(dst, off, check(n));
        }

        long varint64() {
            long result = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                if (!buf.hasRemaining()) {
                    throw new WeightLoadException(file, null, "bad bundle index: truncated varint in " + what);
                }
                byte b = buf.get();
                result |= (long) (b & 0x7f) << shift;
                if (b >= 0) {
                    return result;
                }
            }
            throw new WeightLoadException(file, null, "bad bundle index: malformed varint in " + what);
        }

        int varint32() {
            long v = varint64();
            if (v < 0 || v > Integer.MAX_VALUE) {
                throw new WeightLoadException(file, null, "bad bundle index: varint " + v + " out of range in " + what);
            }
            return (int) v;
        }
    }
}
