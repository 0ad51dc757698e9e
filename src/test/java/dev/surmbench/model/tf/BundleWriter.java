package dev.surmbench.model.tf;

import com.google.protobuf.CodedOutputStream;
import dev.surmbench.model.WeightTensor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32C;

/**
 * Test-only writer of a TensorFlow tensor bundle in the on-disk format TF's BundleWriter and
 * table builder produce (uncompressed blocks, restart interval and block size configurable so a
 * test can force several data blocks).
 */
final class BundleWriter {
    byte[] index;
    byte[] data;

    static BundleWriter write(Map<String, WeightTensor> tensors, int blockSize, int restartInterval) throws IOException {
        BundleWriter w = new BundleWriter();
        ByteArrayOutputStream dataOut = new ByteArrayOutputStream();
        TreeMap<String, byte[]> entries = new TreeMap<>();
        entries.put("", header());
        for (Map.Entry<String, WeightTensor> e : new TreeMap<>(tensors).entrySet()) {
            ByteBuffer b = ByteBuffer.allocate(4 * e.getValue().data().length).order(ByteOrder.LITTLE_ENDIAN);
            for (float f : e.getValue().data()) {
                b.putFloat(f);
            }
            CRC32C crc = new CRC32C();
            crc.update(b.array());
            entries.put(e.getKey(), entry(1, e.getValue().shape(), dataOut.size(), b.capacity(), SsTable.mask((int) crc.getValue())));
            dataOut.write(b.array());
        }
        w.data = dataOut.toByteArray();
        w.index = table(entries, blockSize, restartInterval);
        return w;
    }

    static byte[] header() throws IOException {
        ByteArrayOutputStream version = new ByteArrayOutputStream();
        CodedOutputStream v = CodedOutputStream.newInstance(version);
        v.writeInt32(1, 1); // producer
        v.flush();
        return message(c -> {
            c.writeInt32(1, 1); // num_shards
            c.writeByteArray(3, version.toByteArray());
        });
    }

    static byte[] entry(int dtype, long[] shape, long offset, long size, int maskedCrc) throws IOException {
        byte[] shapeProto = message(c -> {
            for (long d : shape) {
                c.writeByteArray(2, message(dim -> dim.writeInt64(1, d)));
            }
        });
        return message(c -> {
            c.writeEnum(1, dtype);
            c.writeByteArray(2, shapeProto);
            if (offset != 0) {
                c.writeInt64(4, offset);
            }
            c.writeInt64(5, size);
            c.writeFixed32(6, maskedCrc);
        });
    }

    interface Body {
        void write(CodedOutputStream c) throws IOException;
    }

    static byte[] message(Body body) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        CodedOutputStream c = CodedOutputStream.newInstance(b);
        body.write(c);
        c.flush();
        return b.toByteArray();
    }

    /** A LevelDB table: data blocks, an empty metaindex block, an index block and the footer. */
    static byte[] table(TreeMap<String, byte[]> entries, int blockSize, int restartInterval) throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        List<byte[]> indexKeys = new ArrayList<>();
        List<byte[]> indexValues = new ArrayList<>();
        List<byte[]> keys = new ArrayList<>();
        List<byte[]> values = new ArrayList<>();
        int pending = 0;
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            keys.add(e.getKey().getBytes(StandardCharsets.UTF_8));
            values.add(e.getValue());
            pending += e.getKey().length() + e.getValue().length;
            if (pending >= blockSize) {
                flush(file, keys, values, restartInterval, indexKeys, indexValues);
                pending = 0;
            }
        }
        if (!keys.isEmpty()) {
            flush(file, keys, values, restartInterval, indexKeys, indexValues);
        }
        long metaOffset = file.size();
        byte[] meta = block(List.of(), List.of(), restartInterval);
        writeBlock(file, meta);
        long indexOffset = file.size();
        byte[] index = block(indexKeys, indexValues, 1);
        writeBlock(file, index);
        ByteArrayOutputStream footer = new ByteArrayOutputStream();
        CodedOutputStream f = CodedOutputStream.newInstance(footer);
        f.writeUInt64NoTag(metaOffset);
        f.writeUInt64NoTag(meta.length);
        f.writeUInt64NoTag(indexOffset);
        f.writeUInt64NoTag(index.length);
        f.flush();
        byte[] padded = Arrays.copyOf(footer.toByteArray(), 40);
        file.write(padded);
        file.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(SsTable.MAGIC).array());
        return file.toByteArray();
    }

    private static void flush(ByteArrayOutputStream file, List<byte[]> keys, List<byte[]> values, int restartInterval,
            List<byte[]> indexKeys, List<byte[]> indexValues) throws IOException {
        long offset = file.size();
        byte[] b = block(keys, values, restartInterval);
        writeBlock(file, b);
        indexKeys.add(keys.get(keys.size() - 1));
        indexValues.add(message(c -> {
            c.writeUInt64NoTag(offset);
            c.writeUInt64NoTag(b.length);
        }));
        keys.clear();
        values.clear();
    }

    static byte[] block(List<byte[]> keys, List<byte[]> values, int restartInterval) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CodedOutputStream c = CodedOutputStream.newInstance(out);
        List<Integer> restarts = new ArrayList<>();
        byte[] prev = new byte[0];
        for (int i = 0; i < keys.size(); i++) {
            int shared = 0;
            if (i % restartInterval == 0) {
                c.flush();
                restarts.add(out.size());
            } else {
                while (shared < prev.length && shared < keys.get(i).length && prev[shared] == keys.get(i)[shared]) {
                    shared++;
                }
            }
            c.writeUInt32NoTag(shared);
            c.writeUInt32NoTag(keys.get(i).length - shared);
            c.writeUInt32NoTag(values.get(i).length);
            c.writeRawBytes(keys.get(i), shared, keys.get(i).length - shared);
            c.writeRawBytes(values.get(i));
            prev = keys.get(i);
        }
        c.flush();
        if (restarts.isEmpty()) {
            restarts.add(0);
        }
        ByteBuffer tail = ByteBuffer.allocate(4 * restarts.size() + 4).order(ByteOrder.LITTLE_ENDIAN);
        restarts.forEach(tail::putInt);
        tail.putInt(restarts.size());
        out.write(tail.array());
        return out.toByteArray();
    }

    static void writeBlock(ByteArrayOutputStream file, byte[] block) throws IOException {
        file.write(block);
        CRC32C crc = new CRC32C();
        crc.update(block);
        crc.update(0);
        file.write(0);
        file.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(SsTable.mask((int) crc.getValue())).array());
    }
}
