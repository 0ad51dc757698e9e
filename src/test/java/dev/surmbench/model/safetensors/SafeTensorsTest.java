package dev.surmbench.model.safetensors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import dev.surmbench.model.WeightTensor;
import dev.surmbench.model.TensorSet;
import dev.surmbench.model.WeightLoadException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The strict safetensors reader/writer, cross-checked with DJL's own safetensors decoder. */
class SafeTensorsTest {
    @TempDir
    Path tmp;

    private static Map<String, WeightTensor> sample() {
        Map<String, WeightTensor> m = new LinkedHashMap<>();
        m.put("a.weight", new WeightTensor(new long[] {2, 3}, new float[] {1, 2, 3, 4, 5, -6.5f}));
        m.put("a.bias", new WeightTensor(new long[] {3}, new float[] {0.25f, Float.MIN_VALUE, -0f}));
        m.put("scalar", new WeightTensor(new long[] {}, new float[] {42}));
        return m;
    }

    @Test
    void roundTripAndDjlReadsOurFiles() throws IOException {
        Path f = tmp.resolve("m.safetensors");
        SafeTensors.write(f, sample(), Map.of("format", "pt"));
        TensorSet read = SafeTensors.read(f);
        assertEquals(sample(), read.tensors());
        assertEquals(f.toString(), read.file());
        try (NDManager nd = NDManager.newBaseManager("PyTorch"); InputStream in = Files.newInputStream(f)) {
            NDList djl = NDList.decode(nd, in);
            Map<String, float[]> byName = new LinkedHashMap<>();
            djl.forEach(a -> byName.put(a.getName(), a.toFloatArray()));
            assertArrayEquals(sample().get("a.weight").data(), byName.get("a.weight"));
            assertArrayEquals(sample().get("a.bias").data(), byName.get("a.bias"));
        }
    }

    @Test
    void hostileHeaderLengthIsRejectedBeforeAllocating() throws IOException {
        for (long length : new long[] {Long.MAX_VALUE, 1L << 40, -5, 0, 200L * 1024 * 1024}) {
            Path f = tmp.resolve("bad" + Math.abs(length % 1000) + ".safetensors");
            Files.write(f, ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(length).array());
            WeightLoadException e = assertThrows(WeightLoadException.class, () -> SafeTensors.read(f));
            assertTrue(e.getMessage().contains("bad safetensors header length") && e.getMessage().contains(f.toString()), e.getMessage());
        }
        Path tiny = tmp.resolve("tiny.safetensors");
        Files.write(tiny, new byte[3]);
        assertTrue(assertThrows(WeightLoadException.class, () -> SafeTensors.read(tiny)).getMessage().contains("truncated"));
    }

    @Test
    void truncatedDataNamesTheTensor() throws IOException {
        Path f = tmp.resolve("m.safetensors");
        SafeTensors.write(f, sample(), Map.of());
        byte[] all = Files.readAllBytes(f);
        Files.write(f, Arrays.copyOf(all, all.length - 2));
        WeightLoadException e = assertThrows(WeightLoadException.class, () -> SafeTensors.read(f));
        assertEquals("scalar", e.tensor());
        assertTrue(e.getMessage().contains("outside"), e.getMessage());
    }

    @Test
    void headerProblemsAreNamed() throws IOException {
        WeightLoadException e = assertThrows(WeightLoadException.class,
                () -> SafeTensors.read(file("{\"x\":{\"dtype\":\"I64\",\"shape\":[1],\"data_offsets\":[0,8]}}", 8)));
        assertEquals("x", e.tensor());
        assertTrue(e.getMessage().contains("I64"));
        e = assertThrows(WeightLoadException.class, () -> SafeTensors.read(file(
                "{\"x\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,4]},\"y\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}", 8)));
        assertEquals("x", e.tensor());
        e = assertThrows(WeightLoadException.class, () -> SafeTensors.read(file(
                "{\"x\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},\"y\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[8,12]}}", 12)));
        assertEquals("y", e.tensor());
        assertTrue(e.getMessage().contains("gap or overlap"));
        e = assertThrows(WeightLoadException.class, () -> SafeTensors.read(file("{\"x\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", 8)));
        assertNull(e.tensor());
        assertTrue(e.getMessage().contains("cover 4"));
        e = assertThrows(WeightLoadException.class, () -> SafeTensors.read(file("{not json", 0)));
        assertTrue(e.getMessage().contains("not valid JSON"));
        e = assertThrows(WeightLoadException.class, () -> SafeTensors.read(file(
                "{\"x\":{\"dtype\":\"F32\",\"shape\":[4294967296,4294967296],\"data_offsets\":[0,4]}}", 4)));
        assertTrue(e.getMessage().contains("too large"));
    }

    @Test
    void integerPositionIdsBuffersAreSkippedOtherIntegersRejected() throws IOException {
        TensorSet t = SafeTensors.read(file("{\"bert.embeddings.position_ids\":{\"dtype\":\"I64\",\"shape\":[1,2],\"data_offsets\":[0,16]},"
                + "\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[16,20]}}", 20));
        assertEquals(java.util.Set.of("w"), t.names());
        WeightLoadException e = assertThrows(WeightLoadException.class, () -> SafeTensors.read(
                file("{\"counts\":{\"dtype\":\"I64\",\"shape\":[1],\"data_offsets\":[0,8]}}", 8)));
        assertEquals("counts", e.tensor());
    }

    @Test
    void halfPrecisionIsWidened() throws IOException {
        // F16: 1.0, -2.0, 0.5, 65504, smallest subnormal; BF16: 1.0, -3.0
        ByteBuffer data = ByteBuffer.allocate(14).order(ByteOrder.LITTLE_ENDIAN);
        data.putShort((short) 0x3c00).putShort((short) 0xc000).putShort((short) 0x3800).putShort((short) 0x7bff).putShort((short) 0x0001);
        data.putShort((short) 0x3f80).putShort((short) 0xc040);
        Path f = file("{\"h\":{\"dtype\":\"F16\",\"shape\":[5],\"data_offsets\":[0,10]},"
                + "\"b\":{\"dtype\":\"BF16\",\"shape\":[2],\"data_offsets\":[10,14]},\"__metadata__\":{\"k\":\"v\"}}", 0, data.array());
        TensorSet t = SafeTensors.read(f);
        assertArrayEquals(new float[] {1f, -2f, 0.5f, 65504f, 0x1p-24f}, t.require("h").data());
        assertArrayEquals(new float[] {1f, -3f}, t.require("b").data());
    }

    private Path file(String header, int dataBytes) throws IOException {
        return file(header, dataBytes, new byte[dataBytes]);
    }

    private Path file(String header, int unused, byte[] data) throws IOException {
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        Path f = Files.createTempFile(tmp, "h", ".safetensors");
        ByteBuffer b = ByteBuffer.allocate(8 + h.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(h.length).put(h).put(data);
        Files.write(f, b.array());
        return f;
    }
}
