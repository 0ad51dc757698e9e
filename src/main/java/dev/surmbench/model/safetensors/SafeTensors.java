package dev.surmbench.model.safetensors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.surmbench.model.WeightTensor;
import dev.surmbench.model.TensorSet;
import dev.surmbench.model.WeightLoadException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict reader and writer of the safetensors format: an 8-byte little-endian header length N,
 * N bytes of JSON {@code {name: {dtype, shape, data_offsets: [begin, end]}, "__metadata__": {…}}},
 * then the data. F32 is read as is; F16 and BF16 are widened to float32. Integer tensors are
 * rejected, except {@code *position_ids} buffers that older checkpoints saved, which are skipped.
 *
 * <p>Before anything is allocated the header length is checked against the file size and a
 * 100 MB cap; then every tensor's dtype, shape and offsets are checked (within the data, sized
 * exactly for the shape, together covering the data without gaps or overlaps). Any failure is a
 * {@link WeightLoadException} naming the file and the tensor.
 */
public final class SafeTensors {
    /** Largest JSON header accepted (the reference implementation uses the same cap). */
    public static final long MAX_HEADER_BYTES = 100L * 1024 * 1024;
    private static final String METADATA = "__metadata__";
    private static final ObjectMapper JSON = new ObjectMapper();

    private SafeTensors() {}

    /** Reads every tensor of {@code path} as float32. */
    public static TensorSet read(Path path) {
        String file = path.toString();
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < 8) {
                throw new WeightLoadException(file, null, "truncated safetensors file: " + size + " bytes, no header length");
            }
            ByteBuffer lengthBytes = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            readFully(ch, lengthBytes, 0, file);
            long headerLength = lengthBytes.getLong(0);
            if (headerLength <= 0 || headerLength > MAX_HEADER_BYTES || headerLength > size - 8) {
                throw new WeightLoadException(file, null, "bad safetensors header length " + Long.toUnsignedString(headerLength)
                        + " (file has " + size + " bytes, cap " + MAX_HEADER_BYTES + ")");
            }
            ByteBuffer header = ByteBuffer.allocate((int) headerLength);
            readFully(ch, header, 8, file);
            JsonNode root;
            try {
                root = JSON.readTree(new String(header.array(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new WeightLoadException(file, null, "safetensors header is not valid JSON: " + e.getMessage(), e);
            }
            if (root == null || !root.isObject()) {
                throw new WeightLoadException(file, null, "safetensors header is not a JSON object");
            }
            long dataStart = 8 + headerLength;
            List<Entry> entries = entries(root, size - dataStart, file);
            Map<String, WeightTensor> out = new LinkedHashMap<>();
            for (Entry e : entries) {
                if (!isFloat(e.dtype)) {
                    continue; // an integer buffer such as embeddings.position_ids: not a weight
                }
                ByteBuffer raw = ByteBuffer.allocate((int) (e.end - e.begin)).order(ByteOrder.LITTLE_ENDIAN);
                readFully(ch, raw, dataStart + e.begin, file);
                raw.flip();
                out.put(e.name, new WeightTensor(e.shape, decode(raw, e.dtype, e.count)));
            }
            return new TensorSet(file, out);
        } catch (IOException e) {
            throw WeightLoadException.cannotRead(file, e);
        }
    }

    private record Entry(String name, String dtype, long[] shape, int count, long begin, long end) {}

    private static List<Entry> entries(JsonNode root, long dataBytes, String file) {
        List<Entry> entries = new ArrayList<>();
        for (Map.Entry<String, JsonNode> f : root.properties()) {
            String name = f.getKey();
            if (name.equals(METADATA)) {
                continue;
            }
            JsonNode t = f.getValue();
            String dtype = t.path("dtype").asText("");
            int itemSize = switch (dtype) {
                case "F32", "I32" -> 4;
                case "F16", "BF16", "I16" -> 2;
                case "I64" -> 8;
                case "I8", "U8", "BOOL" -> 1;
                default -> throw new WeightLoadException(file, name, "dtype '" + dtype + "' is not supported (F32, F16, BF16)");
            };
            if (!isFloat(dtype) && !isKnownBuffer(name)) {
                throw new WeightLoadException(file, name, "dtype '" + dtype + "' is not supported (F32, F16, BF16)");
            }
            JsonNode shapeNode = t.get("shape");
            JsonNode offsets = t.get("data_offsets");
            if (shapeNode == null || !shapeNode.isArray() || offsets == null || !offsets.isArray() || offsets.size() != 2
                    || !offsets.get(0).canConvertToLong() || !offsets.get(1).canConvertToLong()) {
                throw new WeightLoadException(file, name, "header entry needs 'shape' and 'data_offsets' [begin, end]");
            }
            long[] shape = new long[shapeNode.size()];
            long count = 1;
            for (int i = 0; i < shape.length; i++) {
                JsonNode d = shapeNode.get(i);
                if (!d.canConvertToLong() || d.asLong() < 0) {
                    throw new WeightLoadException(file, name, "bad dimension " + d + " in shape " + shapeNode);
                }
                shape[i] = d.asLong();
                count = shape[i] == 0 ? 0 : (count > (Integer.MAX_VALUE - 8) / shape[i] ? Long.MAX_VALUE : count * shape[i]);
            }
            if (count > Integer.MAX_VALUE - 8) {
                throw new WeightLoadException(file, name, "tensor of shape " + shapeNode + " is too large to load");
            }
            long begin = offsets.get(0).asLong();
            long end = offsets.get(1).asLong();
            if (begin < 0 || end < begin || end > dataBytes) {
                throw new WeightLoadException(file, name, "data_offsets [" + begin + ", " + end + "] outside the " + dataBytes
                        + " data bytes (file truncated?)");
            }
            if (end - begin != count * itemSize) {
                throw new WeightLoadException(file, name, "data_offsets span " + (end - begin) + " bytes but " + dtype + " " + shapeNode
                        + " needs " + count * itemSize);
            }
            entries.add(new Entry(name, dtype, shape, (int) count, begin, end));
        }
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort((a, b) -> Long.compare(a.begin, b.begin));
        long expected = 0;
        for (Entry e : sorted) {
            if (e.begin != expected) {
                throw new WeightLoadException(file, e.name, "data_offsets begin at " + e.begin + " but the previous tensor ends at "
                        + expected + " (gap or overlap)");
            }
            expected = e.end;
        }
        if (expected != dataBytes) {
            throw new WeightLoadException(file, null, "tensors cover " + expected + " data bytes but the file holds " + dataBytes);
        }
        return entries;
    }

    private static float[] decode(ByteBuffer raw, String dtype, int count) {
        float[] out = new float[count];
        switch (dtype) {
            case "F32" -> raw.asFloatBuffer().get(out);
            case "BF16" -> {
                for (int i = 0; i < count; i++) {
                    out[i] = Float.intBitsToFloat((raw.getShort() & 0xffff) << 16);
                }
            }
            default -> {
                for (int i = 0; i < count; i++) {
                    out[i] = halfToFloat(raw.getShort());
                }
            }
        }
        return out;
    }

    private static boolean isFloat(String dtype) {
        return dtype.equals("F32") || dtype.equals("F16") || dtype.equals("BF16");
    }

    /** Integer buffers older PyTorch checkpoints saved beside the weights; skipped, not loaded. */
    private static boolean isKnownBuffer(String name) {
        return name.endsWith("position_ids");
    }

    /** IEEE 754 binary16 → float32 (Java 17 has no Float.float16ToFloat). */
    static float halfToFloat(short bits) {
        int h = bits & 0xffff;
        int sign = (h & 0x8000) << 16;
        int exp = (h >>> 10) & 0x1f;
        int mant = h & 0x3ff;
        if (exp == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (mant << 13));
        }
        if (exp == 0) {
            float v = mant * 0x1p-24f; // subnormal (or zero)
            return sign == 0 ? v : -v;
        }
        return Float.intBitsToFloat(sign | ((exp + 112) << 23) | (mant << 13));
    }

    private static void readFully(FileChannel ch, ByteBuffer buf, long position, String file) throws IOException {
        long pos = position;
        while (buf.hasRemaining()) {
            int n = ch.read(buf, pos);
            if (n < 0) {
                throw new WeightLoadException(file, null, "truncated file: unexpected end at byte " + pos);
            }
            pos += n;
        }
    }

    /**
     * Writes {@code tensors} as little-endian F32 with optional string metadata, atomically (temp
     * file + move). Tensors are laid out in name order (the header's keys sorted, {@code
     * __metadata__} first, so the same tensors always give the same bytes) and the header is padded
     * with spaces to a multiple of 8 bytes, so the data starts 8-byte aligned as the reference writer
     * requires.
     */
    public static void write(Path path, Map<String, WeightTensor> tensors, Map<String, String> metadata) throws IOException {
        tensors = new java.util.TreeMap<>(tensors);
        if (tensors.containsKey(METADATA)) {
            throw new IllegalArgumentException("'" + METADATA + "' is reserved and cannot name a tensor");
        }
        ObjectNode header = JSON.createObjectNode();
        if (metadata != null && !metadata.isEmpty()) {
            ObjectNode meta = header.putObject(METADATA);
            new java.util.TreeMap<>(metadata).forEach(meta::put);
        }
        long offset = 0;
        for (Map.Entry<String, WeightTensor> e : tensors.entrySet()) {
            ObjectNode t = header.putObject(e.getKey());
            t.put("dtype", "F32");
            var shape = t.putArray("shape");
            for (long d : e.getValue().shape()) {
                shape.add(d);
            }
            long bytes = 4L * e.getValue().data().length;
            t.putArray("data_offsets").add(offset).add(offset + bytes);
            offset += bytes;
        }
        byte[] json = JSON.writeValueAsBytes(header);
        int padded = (json.length + 7) / 8 * 8;
        byte[] headerBytes = Arrays.copyOf(json, padded);
        Arrays.fill(headerBytes, json.length, padded, (byte) ' ');
        Path tmp = path.resolveSibling(path.getFileName() + ".tmp");
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
            ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(padded);
            out.write(len.array());
            out.write(headerBytes);
            ByteBuffer chunk = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
            for (WeightTensor t : tensors.values()) {
                for (float v : t.data()) {
                    if (!chunk.hasRemaining()) {
                        out.write(chunk.array(), 0, chunk.position());
                        chunk.clear();
                    }
                    chunk.putFloat(v);
                }
            }
            out.write(chunk.array(), 0, chunk.position());
        }
        Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
