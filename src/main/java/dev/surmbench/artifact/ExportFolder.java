package dev.surmbench.artifact;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.surmbench.model.Pooling;
import dev.surmbench.results.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Where exports go: a folder written atomically that replaces only an earlier export (never a
 * folder holding anything else), and the {@code surm_bench_export.json} sidecar both export forms
 * carry.
 */
final class ExportFolder {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ExportFolder() {}

    /** Writes {@code out} atomically; {@code marker} is the file an earlier export of this kind holds. */
    static void write(Path out, String marker, AtomicFiles.FolderContent content) throws IOException {
        if (Files.exists(out) && !Files.isRegularFile(out.resolve(marker))) {
            boolean empty;
            try (Stream<Path> entries = Files.isDirectory(out) ? Files.list(out) : Stream.of(out)) {
                empty = Files.isDirectory(out) && entries.findAny().isEmpty();
            }
            if (!empty) {
                throw new AdapterFormatException("" + out + " exists and is not an earlier export (no " + marker
                        + "); choose a new folder for --out");
            }
        }
        AtomicFiles.writeDirectory(out, content);
    }

    /** What the exported files cannot say themselves: run, backbone, slice, pooling, and what follows for users. */
    static String sidecar(AdapterManifest m, String format) throws JsonProcessingException {
        ObjectNode n = JSON.createObjectNode();
        n.put("format", format).put("run_id", m.runId()).put("task", m.task()).put("method", m.recipe().method());
        n.set("options", JSON.valueToTree(m.recipe().options()));
        n.put("backbone", m.backboneSpec()).put("backbone_weights_sha256", m.backboneSha256());
        n.put("encoder_layers", m.recipe().layers()).put("pooling", m.recipe().pooling().userName())
                .put("num_labels", m.recipe().numLabels());
        n.set("adapt_layers", JSON.valueToTree(m.adaptLayers()));
        var notes = n.putArray("notes");
        if (m.recipe().layers() > 0) {
            notes.add("trained on the first " + m.recipe().layers() + " encoder layers: load the base model with "
                    + "num_hidden_layers=" + m.recipe().layers());
        }
        if (m.recipe().pooling() == Pooling.MEAN) {
            notes.add("the head reads the attention-masked mean of the last hidden state (then pooler.dense + tanh, then "
                    + "classifier); transformers' BertForSequenceClassification reads the first token instead, so compute "
                    + "the head from BertModel's last_hidden_state as described in surm-bench's docs/adapters-and-export.md");
        }
        if (m.recipe().numLabels() == 1) {
            notes.add("regression head: one output (num_labels=1)");
        }
        return JSON.writeValueAsString(n);
    }
}
