package dev.surmbench.model.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.surmbench.model.BackboneSource;
import dev.surmbench.model.Backbones;
import dev.surmbench.model.ClassificationModel;
import dev.surmbench.model.WeightTensor;
import dev.surmbench.model.TensorSet;
import dev.surmbench.model.safetensors.SafeTensors;
import dev.surmbench.model.vit.VitConfig;
import dev.surmbench.peft.MethodRegistry;
import dev.surmbench.peft.PeftInjector;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model written as a Hugging Face folder loads back through {@code hf:<dir>} with bit-identical
 * weights and encoder outputs; the safetensors header is sorted, 8-byte aligned and contiguous.
 */
class HfCheckpointWriterTest {
    private static final VitConfig GREY_VIT = new VitConfig(28, 7, 1, 24, 2, 2, 48, 1e-12, 0.0, 0.0, true);

    @TempDir
    Path dir;

    private static float[] pixels(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) r.nextGaussian();
        }
        return out;
    }

    @Test
    void roundTripIsBitIdentical() throws IOException {
        try (ClassificationModel original = Backbones.random(GREY_VIT, 10, 42)) {
            HfCheckpointWriter.write(dir, original, Map.of(), Map.of("note", "test"));
            Map<String, WeightTensor> expected = HfCheckpointWriter.parameters(original);
            TensorSet read = SafeTensors.read(dir.resolve("model.safetensors"));
            assertEquals(expected.keySet(), read.names());
            expected.forEach((name, t) -> assertEquals(t, read.require(name), name));

            BackboneSource source = BackboneSource.parse("hf:" + dir);
            assertEquals(GREY_VIT, source.config());
            try (ClassificationModel loaded = Backbones.classification(source, 10, 7);
                 NDManager nd = NDManager.newBaseManager()) {
                HfCheckpointWriter.parameters(loaded).forEach((name, t) -> {
                    if (!name.startsWith("classifier.")) {
                        assertEquals(expected.get(name), t, name);
                    }
                });
                NDList input = new NDList(nd.create(pixels(3 * 28 * 28, 5), new Shape(3, 1, 28, 28)));
                assertArrayEquals(original.lastHiddenState(input, false).toFloatArray(),
                        loaded.lastHiddenState(input, false).toFloatArray());
            }
        }
    }

    @Test
    void headerIsSortedAlignedAndContiguous() throws IOException {
        try (ClassificationModel model = Backbones.random(GREY_VIT, 3, 1)) {
            HfCheckpointWriter.write(dir, model, Map.of(), Map.of());
        }
        byte[] file = Files.readAllBytes(dir.resolve("model.safetensors"));
        long headerLength = ByteBuffer.wrap(file, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        assertEquals(0, headerLength % 8, "data starts 8-byte aligned");
        JsonNode header = new ObjectMapper().readTree(new String(file, 8, (int) headerLength, StandardCharsets.UTF_8));
        List<String> names = new ArrayList<>();
        header.fieldNames().forEachRemaining(names::add);
        assertEquals("__metadata__", names.get(0));
        assertEquals("pt", header.path("__metadata__").path("format").asText());
        List<String> tensors = names.subList(1, names.size());
        assertEquals(tensors.stream().sorted().toList(), tensors, "tensor names in sorted order");
        long offset = 0;
        for (String name : tensors) {
            assertEquals("F32", header.path(name).path("dtype").asText());
            assertEquals(offset, header.path(name).path("data_offsets").get(0).asLong(), name);
            offset = header.path(name).path("data_offsets").get(1).asLong();
        }
        assertEquals(file.length - 8 - headerLength, offset);
        JsonNode config = new ObjectMapper().readTree(dir.resolve("config.json").toFile());
        assertEquals("vit", config.path("model_type").asText());
        assertEquals(1, config.path("num_channels").asInt());
        assertEquals(3, config.path("num_labels").asInt());
        assertTrue(header.has("vit.encoder.layer.1.attention.attention.query.weight"));
    }

    @Test
    void aModelWithAnInjectedMethodIsRefused() {
        try (ClassificationModel model = Backbones.random(GREY_VIT, 3, 1)) {
            PeftInjector.inject(model.block(), MethodRegistry.parse("lora", Map.of()), model.headPrefixes(), 3);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> HfCheckpointWriter.write(dir, model, Map.of(), Map.of()));
            assertTrue(e.getMessage().contains("lora"), e.getMessage());
        }
    }
}
