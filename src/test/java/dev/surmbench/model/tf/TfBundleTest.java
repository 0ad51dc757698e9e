package dev.surmbench.model.tf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surmbench.model.WeightTensor;
import dev.surmbench.model.TensorSet;
import dev.surmbench.model.WeightLoadException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The tensor-bundle reader on bundles written in TF's format by {@link BundleWriter}. */
class TfBundleTest {

    static Map<String, WeightTensor> sample() {
        Map<String, WeightTensor> m = new LinkedHashMap<>();
        m.put("module/bert/embeddings/word_embeddings", new WeightTensor(new long[] {3, 2}, new float[] {1, 2, 3, 4, 5, 6}));
        m.put("module/bert/encoder/layer_0/attention/self/query/kernel", new WeightTensor(new long[] {2, 2}, new float[] {1, 2, 3, 4}));
        m.put("module/bert/encoder/layer_0/attention/self/query/bias", new WeightTensor(new long[] {2}, new float[] {-1, 1}));
        m.put("module/bert/encoder/layer_10/output/LayerNorm/gamma", new WeightTensor(new long[] {2}, new float[] {0.5f, 2}));
        m.put("module/cls/predictions/output_bias", new WeightTensor(new long[] {3}, new float[] {7, 8, 9}));
        return m;
    }

    @Test
    void readsMultiBlockBundles() throws IOException {
        for (int[] layout : new int[][] {{1 << 20, 16}, {40, 2}, {1, 1}}) {
            BundleWriter w = BundleWriter.write(sample(), layout[0], layout[1]);
            TensorSet t = TfBundle.read(ByteBuffer.wrap(w.index), "variables.index", ByteBuffer.wrap(w.data), "variables.data");
            assertEquals(new TreeMap<>(sample()).keySet().stream().toList(), List.copyOf(t.names()));
            sample().forEach((k, v) -> assertEquals(v, t.require(k), k));
        }
        assertTrue(SsTable.readAll(ByteBuffer.wrap(BundleWriter.write(sample(), 40, 2).index), "x").size() == 6);
    }

    @Test
    void mapsTensorFlowNamesToHuggingFace() throws IOException {
        BundleWriter w = BundleWriter.write(sample(), 64, 4);
        TensorSet hf = TfBertNames.toHuggingFace(TfBundle.read(ByteBuffer.wrap(w.index), "i", ByteBuffer.wrap(w.data), "d"));
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, hf.require("embeddings.word_embeddings.weight").data());
        assertArrayEquals(new float[] {1, 3, 2, 4}, hf.require("encoder.layer.0.attention.self.query.weight").data(), "kernel transposed");
        assertArrayEquals(new float[] {-1, 1}, hf.require("encoder.layer.0.attention.self.query.bias").data());
        assertArrayEquals(new float[] {0.5f, 2}, hf.require("encoder.layer.10.output.LayerNorm.weight").data());
        assertArrayEquals(new float[] {7, 8, 9}, hf.require("cls.predictions.bias").data());
        assertEquals("cls.predictions.transform.LayerNorm.bias", TfBertNames.rename("module/cls/predictions/transform/LayerNorm/beta"));
        assertEquals("pooler.dense.weight", TfBertNames.rename("bert/pooler/dense/kernel"));
        assertNull(TfBertNames.rename("global_step"));
    }

    @Test
    void malformedIndexIsAnError() throws IOException {
        BundleWriter w = BundleWriter.write(sample(), 40, 2);
        byte[] idx = w.index;
        // wrong magic
        byte[] magic = idx.clone();
        magic[magic.length - 1] ^= 1;
        assertMessage(magic, w.data, "magic");
        // truncated
        assertMessage(Arrays.copyOf(idx, idx.length - 10), w.data, "magic");
        assertMessage(new byte[12], w.data, "shorter than the table footer");
        // a flipped byte inside the first data block
        byte[] flipped = idx.clone();
        flipped[5] ^= 0x40;
        assertMessage(flipped, w.data, "checksum mismatch");
        // a block claiming compression
        byte[] snappy = compressedFirstBlock(idx);
        assertMessage(snappy, w.data, "compression type 1");
    }

    @Test
    void dataProblemsNameTheTensor() throws IOException {
        BundleWriter w = BundleWriter.write(sample(), 1 << 20, 16);
        byte[] cut = Arrays.copyOf(w.data, w.data.length - 4);
        WeightLoadException e = assertThrows(WeightLoadException.class,
                () -> TfBundle.read(ByteBuffer.wrap(w.index), "variables.index", ByteBuffer.wrap(cut), "variables.data"));
        assertEquals("variables.data", e.file());
        assertEquals("module/cls/predictions/output_bias", e.tensor());
        byte[] corrupt = w.data.clone();
        corrupt[0] ^= 1;
        e = assertThrows(WeightLoadException.class,
                () -> TfBundle.read(ByteBuffer.wrap(w.index), "variables.index", ByteBuffer.wrap(corrupt), "variables.data"));
        assertEquals("module/bert/embeddings/word_embeddings", e.tensor());
        assertTrue(e.getMessage().contains("checksum"));

        TreeMap<String, byte[]> entries = new TreeMap<>();
        entries.put("", BundleWriter.header());
        entries.put("ints", BundleWriter.entry(3, new long[] {2}, 0, 8, 0));
        byte[] index = BundleWriter.table(entries, 1 << 20, 16);
        e = assertThrows(WeightLoadException.class, () -> TfBundle.read(ByteBuffer.wrap(index), "i", ByteBuffer.wrap(new byte[8]), "d"));
        assertEquals("ints", e.tensor());
        assertTrue(e.getMessage().contains("DT_FLOAT"));
    }

    @Test
    void aChecksumFieldOfAnotherWireTypeIsSkippedNotMisread() throws IOException {
        // field 6 (crc32c) as length-delimited bytes, then the fields that matter: they must still be read
        byte[] entry = BundleWriter.message(c -> {
            c.writeByteArray(6, new byte[] {9, 9, 9, 9});
            c.writeEnum(1, 1);
            c.writeByteArray(2, BundleWriter.message(shape -> shape.writeByteArray(2, BundleWriter.message(d -> d.writeInt64(1, 2)))));
            c.writeInt64(5, 8);
        });
        TreeMap<String, byte[]> entries = new TreeMap<>();
        entries.put("", BundleWriter.header());
        entries.put("w", entry);
        List<TfBundle.BundleEntry> read = TfBundle.entries(ByteBuffer.wrap(BundleWriter.table(entries, 1 << 20, 16)), "i");
        assertEquals(1, read.size());
        assertArrayEquals(new long[] {2}, read.get(0).shape());
        assertEquals(8, read.get(0).size());
        assertEquals(1, read.get(0).dtype());
        assertNull(read.get(0).crc32c());
    }

    private static void assertMessage(byte[] index, byte[] data, String text) {
        WeightLoadException e = assertThrows(WeightLoadException.class,
                () -> TfBundle.read(ByteBuffer.wrap(index), "variables.index", ByteBuffer.wrap(data), "variables.data"));
        assertEquals("variables.index", e.file());
        assertTrue(e.getMessage().contains(text), e.getMessage());
    }

    /** The index with its first block's type byte set to 1 (Snappy) and the checksum fixed up. */
    private static byte[] compressedFirstBlock(byte[] idx) {
        int size = firstBlockSize(idx);
        byte[] out = idx.clone();
        out[size] = 1;
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(out, 0, size + 1);
        ByteBuffer.wrap(out).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(size + 1, SsTable.mask((int) crc.getValue()));
        return out;
    }

    private static int firstBlockSize(byte[] idx) {
        // scan candidate sizes: the block's masked CRC over [0, size] + type byte 0 matches at the true size
        for (int size = 4; size + 5 <= idx.length; size++) {
            java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
            crc.update(idx, 0, size + 1);
            int stored = ByteBuffer.wrap(idx).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt(size + 1);
            if (idx[size] == 0 && SsTable.mask((int) crc.getValue()) == stored) {
                return size;
            }
        }
        throw new AssertionError("no block found");
    }
}
