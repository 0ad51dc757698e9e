package dev.surmbench.model.tf;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import dev.surmbench.model.WeightTensor;
import dev.surmbench.model.TensorSet;
import dev.surmbench.model.WeightLoadException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * Reads a single-shard TensorFlow tensor bundle ({@code variables.index} +
 * {@code variables.data-00000-of-00001}) of float32 tensors. The index is an {@link SsTable}
 * whose empty key holds the {@code BundleHeaderProto} (num_shards = 1, endianness = 2) and whose
 * other keys map tensor names to {@code BundleEntryProto} (dtype = 1, shape = 2 with
 * dim = 2 → size = 1, shard_id = 3, offset = 4, size = 5, crc32c = 6, slices = 7). Each tensor's
 * bytes are checked against its masked CRC32C.
 */
public final class TfBundle {
    private static final int DT_FLOAT = 1;

    private TfBundle() {}

    /** An index entry: where a tensor lies in the data file. */
    public record BundleEntry(String name, int dtype, long[] shape, int shard, long offset, long size, Integer crc32c) {}

    /** Reads every tensor, keyed by its TensorFlow name, in index (key) order. */
    public static TensorSet read(ByteBuffer index, String indexFile, ByteBuffer data, String dataFile) {
        Map<String, WeightTensor> out = new LinkedHashMap<>();
        ByteBuffer le = data.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        for (BundleEntry e : entries(index, indexFile)) {
            if (e.dtype() != DT_FLOAT) {
                throw new WeightLoadException(indexFile, e.name(), "dtype " + e.dtype() + " is not DT_FLOAT (1)");
            }
            long count = 1;
            for (long d : e.shape()) {
                count = Math.multiplyExact(count, d);
            }
            if (count > Integer.MAX_VALUE - 8 || e.size() != count * 4) {
                throw new WeightLoadException(indexFile, e.name(), "size " + e.size() + " bytes does not match shape "
                        + Arrays.toString(e.shape()) + " of float32");
            }
            if (e.offset() < 0 || e.offset() + e.size() > le.limit()) {
                throw new WeightLoadException(dataFile, e.name(), "bytes [" + e.offset() + ", " + (e.offset() + e.size())
                        + ") lie outside the " + le.limit() + "-byte data file (truncated?)");
            }
            ByteBuffer bytes = le.duplicate();
            bytes.position((int) e.offset()).limit((int) (e.offset() + e.size()));
            if (e.crc32c() != null) {
                CRC32C crc = new CRC32C();
                crc.update(bytes.duplicate());
                if ((int) crc.getValue() != SsTable.unmask(e.crc32c())) {
                    throw new WeightLoadException(dataFile, e.name(), "checksum mismatch (corrupt data file)");
                }
            }
            float[] values = new float[(int) count];
            bytes.slice().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
            out.put(e.name(), new WeightTensor(e.shape(), values));
        }
        return new TensorSet(dataFile, out);
    }

    /** The tensor entries of a bundle index (header checked, header entry excluded). */
    public static List<BundleEntry> entries(ByteBuffer index, String indexFile) {
        List<SsTable.Entry> table = SsTable.readAll(index, indexFile);
        if (table.isEmpty() || table.get(0).key().length != 0) {
            throw new WeightLoadException(indexFile, null, "bad bundle index: no header entry (empty key)");
        }
        checkHeader(table.get(0).value(), indexFile);
        List<BundleEntry> out = new ArrayList<>();
        for (SsTable.Entry e : table.subList(1, table.size())) {
            out.add(parseEntry(e.keyString(), e.value(), indexFile));
        }
        return out;
    }

    private static void checkHeader(byte[] value, String file) {
        int shards = 1;
        int endianness = 0;
        try {
            CodedInputStream in = CodedInputStream.newInstance(value);
            while (!in.isAtEnd()) {
                int tag = in.readTag();
                int field = WireFormat.getTagFieldNumber(tag);
                if (field == 1 && WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_VARINT) {
                    shards = in.readInt32();
                } else if (field == 2 && WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_VARINT) {
                    endianness = in.readEnum();
                } else {
                    in.skipField(tag);
                }
            }
        } catch (IOException e) {
            throw new WeightLoadException(file, null, "bad bundle index: malformed header: " + e.getMessage(), e);
        }
        if (shards != 1) {
            throw new WeightLoadException(file, null, "bundle has " + shards + " shards; only single-shard bundles are supported");
        }
        if (endianness != 0) {
            throw new WeightLoadException(file, null, "bundle is big-endian; only little-endian is supported");
        }
    }

    private static BundleEntry parseEntry(String name, byte[] value, String file) {
        int dtype = 0;
        List<Long> dims = new ArrayList<>();
        int shard = 0;
        long offset = 0;
        long size = 0;
        Integer crc = null;
        try {
            CodedInputStream in = CodedInputStream.newInstance(value);
            while (!in.isAtEnd()) {
                int tag = in.readTag();
                int wire = WireFormat.getTagWireType(tag);
                switch (WireFormat.getTagFieldNumber(tag)) {
                    case 1 -> dtype = in.readEnum();
                    case 2 -> readShape(in, dims);
                    case 3 -> shard = in.readInt32();
                    case 4 -> offset = in.readInt64();
                    case 5 -> size = in.readInt64();
                    case 6 -> {
                        if (wire == WireFormat.WIRETYPE_FIXED32) {
                            crc = in.readFixed32();
                        } else {
                            in.skipField(tag); // not a crc32c as TF writes it: ignore, but step over it
                        }
                    }
                    case 7 -> throw new WeightLoadException(file, name, "sliced tensors are not supported");
                    default -> in.skipField(tag);
                }
            }
        } catch (IOException e) {
            throw new WeightLoadException(file, name, "bad bundle index: malformed entry: " + e.getMessage(), e);
        }
        if (shard != 0) {
            throw new WeightLoadException(file, name, "entry refers to shard " + shard + " of a single-shard bundle");
        }
        long[] shape = new long[dims.size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = dims.get(i);
            if (shape[i] < 0) {
                throw new WeightLoadException(file, name, "negative dimension in shape " + dims);
            }
        }
        return new BundleEntry(name, dtype, shape, shard, offset, size, crc);
    }

    private static void readShape(CodedInputStream in, List<Long> dims) throws IOException {
        int limit = in.pushLimit(in.readRawVarint32());
        while (!in.isAtEnd()) {
            int tag = in.readTag();
            if (WireFormat.getTagFieldNumber(tag) == 2 && WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                int dimLimit = in.pushLimit(in.readRawVarint32());
                long dimSize = 0;
                while (!in.isAtEnd()) {
                    int t = in.readTag();
                    if (WireFormat.getTagFieldNumber(t) == 1) {
                        dimSize = in.readInt64();
                    } else {
                        in.skipField(t);
                    }
                }
                in.popLimit(dimLimit);
                dims.add(dimSize);
            } else {
                in.skipField(tag);
            }
        }
        in.popLimit(limit);
    }
}
