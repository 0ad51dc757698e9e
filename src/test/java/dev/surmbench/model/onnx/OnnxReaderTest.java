package dev.surmbench.model.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import dev.surmbench.model.TensorSet;
import dev.surmbench.model.WeightLoadException;
import dev.surmbench.model.source.EmbeddedMiniLmSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The ONNX initialiser reader and MatMul weight naming, on hand-written graphs and the real file. */
class OnnxReaderTest {
    private static byte[] realExport;

    private static synchronized byte[] realExport() {
        if (realExport == null) {
            realExport = EmbeddedMiniLmSource.resource(EmbeddedMiniLmSource.ONNX_RESOURCE);
        }
        return realExport;
    }

    /** A graph y = x·W + lin.bias with W anonymous [2, 3], plus an int64 buffer. */
    static byte[] tinyModel(boolean withAdd, int rawFloats, int location) throws IOException {
        ByteArrayOutputStream graph = new ByteArrayOutputStream();
        CodedOutputStream g = CodedOutputStream.newInstance(graph);
        g.writeByteArray(1, node("MatMul", "/lin/MatMul", List.of("x", "onnx::MatMul_7"), List.of("m")));
        if (withAdd) {
            g.writeByteArray(1, node("Add", "/lin/Add", List.of("lin.bias", "m"), List.of("y")));
        }
        g.writeByteArray(5, tensor("onnx::MatMul_7", 1, new long[] {2, 3}, floats(rawFloats, 1), null, location));
        g.writeByteArray(5, tensor("lin.bias", 1, new long[] {3}, null, new float[] {0.5f, -1, 2}, 0));
        g.writeByteArray(5, tensor("position_ids", 7, new long[] {1, 2}, new byte[16], null, 0));
        g.writeByteArray(11, valueInfo("x"));
        g.writeByteArray(12, valueInfo(withAdd ? "y" : "m"));
        g.flush();
        ByteArrayOutputStream model = new ByteArrayOutputStream();
        CodedOutputStream m = CodedOutputStream.newInstance(model);
        m.writeInt64(1, 8); // ir_version
        m.writeString(2, "test");
        m.writeByteArray(7, graph.toByteArray());
        m.flush();
        return model.toByteArray();
    }

    private static byte[] node(String op, String name, List<String> in, List<String> out) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        CodedOutputStream c = CodedOutputStream.newInstance(b);
        for (String s : in) {
            c.writeString(1, s);
        }
        for (String s : out) {
            c.writeString(2, s);
        }
        c.writeString(3, name);
        c.writeString(4, op);
        c.flush();
        return b.toByteArray();
    }

    private static byte[] tensor(String name, int type, long[] dims, byte[] raw, float[] packed, int location) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        CodedOutputStream c = CodedOutputStream.newInstance(b);
        for (long d : dims) {
            c.writeInt64(1, d);
        }
        c.writeInt32(2, type);
        if (packed != null) {
            c.writeTag(4, 2);
            c.writeUInt32NoTag(packed.length * 4);
            for (float f : packed) {
                c.writeFloatNoTag(f);
            }
        }
        c.writeString(8, name);
        if (raw != null) {
            c.writeBytes(9, ByteString.copyFrom(raw));
        }
        if (location != 0) {
            c.writeInt32(14, location);
        }
        c.flush();
        return b.toByteArray();
    }

    private static byte[] valueInfo(String name) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        CodedOutputStream c = CodedOutputStream.newInstance(b);
        c.writeString(1, name);
        c.flush();
        return b.toByteArray();
    }

    private static byte[] floats(int n, float start) {
        ByteBuffer b = ByteBuffer.allocate(4 * n).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            b.putFloat(start + i);
        }
        return b.array();
    }

    @Test
    void namesMatMulWeightsByTheirBiasAndTransposes() throws IOException {
        OnnxGraph graph = OnnxReader.read(tinyModel(true, 6, 0), "tiny.onnx");
        assertEquals(List.of("x"), graph.inputs());
        assertEquals(List.of("y"), graph.outputs());
        assertEquals(2, graph.nodes().size());
        TensorSet w = OnnxWeights.extract(graph);
        assertEquals(Set.of("lin.weight", "lin.bias"), w.names());
        // stored [in=2, out=3] = [[1,2,3],[4,5,6]] → [out, in] = [[1,4],[2,5],[3,6]]
        assertArrayEquals(new long[] {3, 2}, w.require("lin.weight").shape());
        assertArrayEquals(new float[] {1, 4, 2, 5, 3, 6}, w.require("lin.weight").data());
        assertArrayEquals(new float[] {0.5f, -1, 2}, w.require("lin.bias").data());
    }

    @Test
    void unnameableOrInconsistentTensorsAreErrors() throws IOException {
        WeightLoadException e = assertThrows(WeightLoadException.class, () -> OnnxWeights.extract(OnnxReader.read(tinyModel(false, 6, 0), "t.onnx")));
        assertEquals("onnx::MatMul_7", e.tensor());
        assertTrue(e.getMessage().startsWith("t.onnx"), e.getMessage());
        e = assertThrows(WeightLoadException.class, () -> OnnxReader.read(tinyModel(true, 5, 0), "t.onnx"));
        assertEquals("onnx::MatMul_7", e.tensor());
        assertTrue(e.getMessage().contains("raw_data has 20 bytes"), e.getMessage());
        e = assertThrows(WeightLoadException.class, () -> OnnxReader.read(tinyModel(true, 6, 1), "t.onnx"));
        assertTrue(e.getMessage().contains("external"), e.getMessage());
    }

    @Test
    void truncatedOrCorruptFilesAreErrors() throws IOException {
        byte[] good = tinyModel(true, 6, 0);
        for (int cut : new int[] {good.length - 1, good.length / 2, 3}) {
            WeightLoadException e = assertThrows(WeightLoadException.class, () -> OnnxReader.read(Arrays.copyOf(good, cut), "cut.onnx"));
            assertTrue(e.getMessage().startsWith("cut.onnx"), e.getMessage());
        }
        byte[] junk = new byte[64];
        Arrays.fill(junk, (byte) 0xff);
        assertThrows(WeightLoadException.class, () -> OnnxReader.read(junk, "junk.onnx"));
        assertThrows(WeightLoadException.class, () -> OnnxReader.read(new byte[0], "empty.onnx"));
    }

    @Test
    void realExportTruncatedIsAnErrorNotAPartialLoad() {
        byte[] real = realExport();
        WeightLoadException e = assertThrows(WeightLoadException.class,
                () -> OnnxReader.read(Arrays.copyOf(real, real.length / 3), "classpath:all-minilm-l6-v2.onnx"));
        assertTrue(e.getMessage().contains("malformed ONNX"), e.getMessage());
    }

    @Test
    void realExportHasTheExpectedInitialisers() {
        OnnxGraph g = OnnxReader.read(realExport(), "minilm");
        assertEquals(List.of("input_ids", "attention_mask", "token_type_ids"), g.inputs());
        assertEquals(List.of("last_hidden_state"), g.outputs());
        assertEquals(102, g.initializers().size());
        assertEquals(36, g.initializers().keySet().stream().filter(n -> n.startsWith("onnx::MatMul_")).count());
        assertEquals(7, g.initializers().get("embeddings.position_ids").dataType());
        TensorSet w = OnnxWeights.extract(g);
        assertEquals(101, w.names().size());
        assertTrue(w.names().stream().noneMatch(n -> n.startsWith("pooler")), "the export has no pooler");
        assertArrayEquals(new long[] {1536, 384}, w.require("encoder.layer.0.intermediate.dense.weight").shape());
    }
}
