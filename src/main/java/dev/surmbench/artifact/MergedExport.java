package dev.surmbench.artifact;

import ai.djl.nn.Block;
import dev.surmbench.model.ClassificationModel;
import dev.surmbench.model.WeightTensor;
import dev.surmbench.model.source.HfCheckpointSource;
import dev.surmbench.model.source.HfCheckpointWriter;
import dev.surmbench.peft.AdaptableLinear;
import dev.surmbench.peft.BlockPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A saved adapter merged into its backbone: a Hugging Face checkpoint folder ({@code config.json},
 * {@code model.safetensors}, {@code tokenizer.json}) with every s·ΔW added into its projection's
 * weight and the trained head, loadable by transformers and by our {@code hf:<dir>} source
 * ({@link dev.surmbench.model.Backbones#withCheckpointHead}). {@code config.json} records the head's
 * pooling ({@value HfCheckpointWriter#POOLING_KEY}); the sidecar {@value PeftExport#SIDECAR} what
 * the files cannot say. Adapter methods (nonlinear branches) cannot be merged and are refused.
 */
public final class MergedExport {
    private MergedExport() {}

    /** Restores {@code adapter} (on {@code source}, or its recorded backbone when null), merges it, writes {@code out}. */
    public static void write(AdapterFiles.Saved adapter, Path out, String source) throws IOException {
        AdapterManifest m = adapter.manifest();
        if (!ExportFormat.supported(m.recipe().method()).contains(ExportFormat.MERGED)) {
            throw new AdapterFormatException("method '" + m.recipe().method() + "' cannot be merged into the base"
                    + " weights; " + ExportFormat.supportedLine(m.recipe().method()));
        }
        try (ModelRecipe.Built built = adapter.restore(source)) {
            ClassificationModel model = built.model();
            Map<String, WeightTensor> tensors = mergedParameters(model.block(), model);
            Map<String, String> meta = new LinkedHashMap<>();
            meta.put("surm_bench_run", m.runId());
            meta.put("surm_bench_method", m.recipe().method());
            ExportFolder.write(out, HfCheckpointSource.CONFIG, folder -> {
                HfCheckpointWriter.write(folder, model.config(), model.numLabels(), m.recipe().pooling(), tensors, meta);
                if (model.tokenizerPath().isPresent()) {
                    // bytes, not Files.copy: the source may be a private temporary file whose mode a copy would keep
                    Files.write(folder.resolve(HfCheckpointSource.TOKENIZER), Files.readAllBytes(model.tokenizerPath().get()));
                }
                Files.writeString(folder.resolve(PeftExport.SIDECAR), ExportFolder.sidecar(m, "merged") + "\n");
            });
        }
    }

    /** Merges every attached update into its projection's weight and returns the plain model's parameters. */
    static Map<String, WeightTensor> mergedParameters(Block block, ClassificationModel model) {
        for (Block b : BlockPaths.modules(block).values()) {
            if (b instanceof AdaptableLinear linear && linear.update() != null) {
                linear.merge();
            }
        }
        return HfCheckpointWriter.plainParameters(model);
    }
}
