package dev.surmbench.artifact;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.surmbench.model.WeightTensor;
import dev.surmbench.model.safetensors.SafeTensors;
import dev.surmbench.model.source.EmbeddedMiniLmSource;
import dev.surmbench.model.source.MavenBertBaseSource;
import dev.surmbench.peft.MethodRegistry;
import dev.surmbench.peft.UpdateMethodConfig;
import dev.surmbench.peft.circulant.CirculantStructure;
import dev.surmbench.peft.lora.LowRankStructure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A saved adapter as a Hugging Face PEFT folder: {@value #CONFIG} + {@value #WEIGHTS}, tensor names
 * {@code base_model.model.<module path>.…} (our module paths are transformers' names).
 *
 * <ul>
 *   <li>{@code lora} → {@code LORA}: {@code lora_A.weight} [r, in], {@code lora_B.weight} [out, r],
 *       {@code r}, {@code lora_alpha} (PEFT's scale α/r is ours).</li>
 *   <li>{@code circulant} → {@code C3A}: PEFT's ΔW is blockcirc(K)/in_features with block (i, j)
 *       the circulant whose first <em>row</em> is K[i, j, :]; ours is α·circ(c), c = a⊙b, whose
 *       block (i, j) has c[i, j, :] as its first <em>column</em>, i.e. entry (r, t) = c[(r − t) mod
 *       p], while PEFT's entry (r, t) = K[(t − r) mod p] / in. Equal for K[i, j, s] = α · in ·
 *       c[i, j, (−s) mod p] — exact up to one float rounding of each product.</li>
 * </ul>
 *
 * Every tensor the run trained besides the method's (the head: {@code bert.pooler},
 * {@code classifier}) is a {@code modules_to_save} module under its own name. {@code
 * target_modules} lists the adapted modules by full path, which PEFT matches exactly and no other
 * module; {@code layers_to_transform} carries the run's {@code adapt_layers} when set. A sidecar
 * {@value #SIDECAR} records what PEFT's config has no field for (slice, pooling, provenance).
 */
public final class PeftExport {
    public static final String CONFIG = "adapter_config.json";
    public static final String WEIGHTS = "adapter_model.safetensors";
    public static final String SIDECAR = "surm_bench_export.json";
    private static final String PREFIX = "base_model.model.";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Methods this format expresses exactly, with their PEFT type. */
    public static final Map<String, String> PEFT_TYPES = Map.of(
            LowRankStructure.UPDATE.name(), "LORA", CirculantStructure.UPDATE.name(), "C3A");

    private PeftExport() {}

    /** Writes the PEFT folder {@code out} for {@code adapter}. */
    public static void write(AdapterFiles.Saved adapter, Path out) throws IOException {
        AdapterManifest m = adapter.manifest();
        String method = m.recipe().method();
        String peftType = PEFT_TYPES.get(method);
        if (peftType == null) {
            throw new AdapterFormatException("method '" + method + "' has no Hugging Face PEFT equivalent; "
                    + ExportFormat.supportedLine(method));
        }
        UpdateMethodConfig config = (UpdateMethodConfig) MethodRegistry.parse(method, m.recipe().options());
        Map<String, WeightTensor> tensors = new LinkedHashMap<>();
        Map<String, Integer> blockSizes = new LinkedHashMap<>();
        for (String module : m.adaptedModules()) {
            String base = module + "." + method + ".";
            if (peftType.equals("LORA")) {
                tensors.put(PREFIX + module + ".lora_A.weight", require(adapter, base + "lora_A"));
                tensors.put(PREFIX + module + ".lora_B.weight", require(adapter, base + "lora_B"));
            } else {
                WeightTensor kernel = c3aKernel(adapter, base, config.scale());
                tensors.put(PREFIX + module + ".c3a_kernel", kernel);
                blockSizes.put(module, (int) kernel.shape()[2]);
            }
        }
        for (Map.Entry<String, WeightTensor> e : adapter.tensors().entrySet()) {
            if (isUnder(e.getKey(), m.headModules())) {
                tensors.put(PREFIX + e.getKey(), e.getValue());
            }
        }
        ObjectNode json = adapterConfig(m, peftType, config, blockSizes);
        ExportFolder.write(out, CONFIG, folder -> {
            Files.writeString(folder.resolve(CONFIG), JSON.writeValueAsString(json) + "\n");
            SafeTensors.write(folder.resolve(WEIGHTS), tensors, Map.of("format", "pt"));
            Files.writeString(folder.resolve(SIDECAR), ExportFolder.sidecar(m, "peft") + "\n");
        });
    }

    /**
     * PEFT's {@code c3a_kernel} [q_out, q_in, p] of our block-circulant update: K[i, j, s] =
     * scale · in_features · c[i, j, (−s) mod p], c = a⊙b (or the single c), in float32 as our forward
     * computes c.
     */
    static WeightTensor c3aKernel(AdapterFiles.Saved adapter, String base, double scale) {
        WeightTensor c = adapter.tensors().containsKey(base + "circulant_c") ? require(adapter, base + "circulant_c")
                : product(require(adapter, base + "circulant_a"), require(adapter, base + "circulant_b"));
        long[] shape = c.shape();
        int p = (int) shape[2];
        double inFeatures = (double) shape[1] * p;
        float[] k = new float[c.data().length];
        for (int block = 0; block < shape[0] * shape[1]; block++) {
            int offset = block * p;
            for (int s = 0; s < p; s++) {
                k[offset + s] = (float) (scale * inFeatures * c.data()[offset + Math.floorMod(-s, p)]);
            }
        }
        return new WeightTensor(shape, k);
    }

    private static WeightTensor product(WeightTensor a, WeightTensor b) {
        float[] out = new float[a.data().length];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.data()[i] * b.data()[i];
        }
        return new WeightTensor(a.shape(), out);
    }

    private static ObjectNode adapterConfig(AdapterManifest m, String peftType, UpdateMethodConfig config,
                                            Map<String, Integer> blockSizes) {
        ObjectNode n = JSON.createObjectNode();
        n.put("peft_type", peftType).put("task_type", "SEQ_CLS");
        n.put("base_model_name_or_path", hubName(m.backboneSpec(), m.recipe().source()));
        n.putNull("revision");
        n.put("inference_mode", true);
        n.set("target_modules", JSON.valueToTree(m.adaptedModules()));
        n.set("layers_to_transform", JSON.valueToTree(m.adaptLayers()));
        n.set("modules_to_save", JSON.valueToTree(m.headModules()));
        n.put("bias", "none");
        if (peftType.equals("LORA")) {
            n.put("r", ((Number) m.recipe().options().get("rank")).intValue());
            n.put("lora_alpha", ((Number) m.recipe().options().get("alpha")).doubleValue());
            n.put("lora_dropout", config.dropout());
            n.put("fan_in_fan_out", false);
        } else {
            // the most common block size; modules with another one go to block_size_pattern (exact paths)
            Map<Integer, Long> counts = new LinkedHashMap<>();
            blockSizes.values().forEach(b -> counts.merge(b, 1L, Long::sum));
            int common = counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElseThrow();
            n.put("block_size", common);
            for (Map.Entry<String, Integer> e : blockSizes.entrySet()) {
                if (e.getValue() != common) {
                    ObjectNode pattern = n.has("block_size_pattern") ? (ObjectNode) n.get("block_size_pattern")
                            : n.putObject("block_size_pattern");
                    pattern.put(e.getKey().replace(".", "\\."), e.getValue());
                }
            }
        }
        return n;
    }

    /** The hub name of a backbone spec where one is known, else the spec's own path or name. */
    static String hubName(String spec, String source) {
        if (spec.equals("embedded:" + EmbeddedMiniLmSource.NAME)) {
            return "sentence-transformers/all-MiniLM-L6-v2";
        }
        if (spec.equals("maven:" + MavenBertBaseSource.NAME)) {
            return "google-bert/bert-base-uncased";
        }
        return source.startsWith("hf:") ? source.substring(3) : source;
    }

    private static WeightTensor require(AdapterFiles.Saved adapter, String name) {
        WeightTensor t = adapter.tensors().get(name);
        if (t == null) {
            throw new AdapterFormatException(adapter.tensorsFile() + ": tensor '" + name + "' is missing; the adapter does not"
                    + " match its " + AdapterFiles.MANIFEST);
        }
        return t;
    }

    static boolean isUnder(String path, List<String> prefixes) {
        return prefixes.stream().anyMatch(p -> path.equals(p) || path.startsWith(p + "."));
    }
}
