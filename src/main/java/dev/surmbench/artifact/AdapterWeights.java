package dev.surmbench.artifact;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import dev.surmbench.model.WeightTensor;
import dev.surmbench.peft.BlockPaths;
import dev.surmbench.util.Sha256;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The trainable parameters of a live model as weight tensors (by module path, e.g. {@code
 * bert.encoder.layer.0.attention.self.query.lora.lora_A}), copied out after a best epoch and copied
 * back into a freshly built model of the same recipe; and the content hash that ties an adapter to
 * the backbone weights it was trained on.
 */
public final class AdapterWeights {
    private AdapterWeights() {}

    /** Every parameter that trains (method blocks, head, and whatever of the backbone the method trains). */
    public static Map<String, WeightTensor> snapshot(Block model) {
        Map<String, WeightTensor> out = new LinkedHashMap<>();
        trainable(model).forEach((path, p) -> out.put(path, new WeightTensor(p.getShape().getShape(), p.getArray().toFloatArray())));
        return out;
    }

    /**
     * Overwrites the trainable parameters of {@code model} with {@code tensors}, which must name
     * exactly those parameters with their shapes; {@code file} is named in every error.
     */
    public static void load(Block model, Map<String, WeightTensor> tensors, String file) {
        Map<String, Parameter> trainable = trainable(model);
        List<String> missing = new ArrayList<>(trainable.keySet());
        missing.removeAll(tensors.keySet());
        if (!missing.isEmpty()) {
            throw new AdapterFormatException(file + ": tensor '" + missing.get(0) + "' is missing (" + missing.size()
                    + " of the model's " + trainable.size() + " trainable parameters); the file does not belong to this method"
                    + " and backbone, or was cut short");
        }
        for (String name : tensors.keySet()) {
            if (!trainable.containsKey(name)) {
                throw new AdapterFormatException(file + ": tensor '" + name + "' is not a trainable parameter of the rebuilt model"
                        + " (method, options or backbone differ from the adapter.json that came with it?)");
            }
        }
        trainable.forEach((path, p) -> {
            WeightTensor t = tensors.get(path);
            if (!Arrays.equals(t.shape(), p.getShape().getShape())) {
                throw new AdapterFormatException(file + ": tensor '" + path + "' has shape " + Arrays.toString(t.shape())
                        + ", but the model that " + AdapterFiles.MANIFEST + " describes has " + p.getShape()
                        + " (was " + AdapterFiles.MANIFEST + " edited?)");
            }
            p.getArray().set(t.data());
        });
    }

    /**
     * SHA-256 of the backbone's weights as bound into {@code model} (task head excluded): for each
     * parameter in module-path order its path (UTF-8), a zero byte, each dimension as a little-endian
     * int64, then its values as little-endian float32. Independent of the file format the weights
     * came from; take it before training changes them.
     */
    public static String backboneSha256(Block model, List<String> headPrefixes) {
        MessageDigest digest = Sha256.newDigest();
        ByteBuffer chunk = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
        for (Map.Entry<String, Parameter> e : BlockPaths.parameters(model).entrySet()) {
            if (headPrefixes.stream().anyMatch(h -> e.getKey().equals(h) || e.getKey().startsWith(h + "."))) {
                continue;
            }
            digest.update(e.getKey().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            for (long d : e.getValue().getShape().getShape()) {
                chunk.putLong(d);
            }
            for (float v : e.getValue().getArray().toFloatArray()) {
                if (!chunk.hasRemaining()) {
                    digest.update(chunk.array(), 0, chunk.position());
                    chunk.clear();
                }
                chunk.putFloat(v);
            }
            digest.update(chunk.array(), 0, chunk.position());
            chunk.clear();
        }
        return Sha256.hex(digest);
    }

    private static Map<String, Parameter> trainable(Block model) {
        Map<String, Parameter> out = new LinkedHashMap<>();
        BlockPaths.parameters(model).forEach((path, p) -> {
            if (p.requiresGradient()) {
                out.put(path, p);
            }
        });
        return out;
    }
}
