package dev.surmbench.artifact;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.surmbench.model.LayerSelection;
import dev.surmbench.model.Pooling;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code adapter.json}: what an {@code adapter.safetensors} belongs to — the run (id, suite, task,
 * label, settings), the recipe that rebuilds its model (backbone source, slice, pooling, head size,
 * seed, method and resolved options), the backbone spec as the suite named it with the SHA-256 of
 * its weights, the targets and adapted modules, {@code adapt_layers} (null: every layer), the head's
 * modules, the best epoch (1-based, as in run.json) with its metrics, and the SHA-256 of the tensors
 * file. Reading checks every field and names the file and the field on failure.
 *
 * @param targets the method's target option (null for methods without targets)
 * @param adaptLayers encoder layers the method was restricted to (null: all)
 * @param tensorsSha256 SHA-256 of {@code adapter.safetensors} (null until {@link AdapterFiles} writes it)
 */
public record AdapterManifest(String runId, String suite, String task, String label, Map<String, Object> settings,
                              ModelRecipe recipe, String backboneSpec, String backboneSha256, List<String> targets,
                              List<String> adaptedModules, List<Integer> adaptLayers, List<String> headModules,
                              int bestEpoch, Map<String, Double> metrics, String tensorsSha256) {

    /** The value of {@code format}. */
    public static final String FORMAT = "surm-bench-adapter";
    /** The value of {@code format_version} this build writes and reads. */
    public static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public AdapterManifest {
        settings = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(settings));
        targets = targets == null ? null : List.copyOf(targets);
        adaptedModules = List.copyOf(adaptedModules);
        adaptLayers = adaptLayers == null ? null : List.copyOf(adaptLayers);
        headModules = List.copyOf(headModules);
        metrics = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(metrics));
    }

    /** The same manifest with the tensors file's checksum. */
    public AdapterManifest withTensorsSha256(String sha) {
        return new AdapterManifest(runId, suite, task, label, settings, recipe, backboneSpec, backboneSha256, targets,
                adaptedModules, adaptLayers, headModules, bestEpoch, metrics, sha);
    }

    /** The JSON text. */
    public String toJson() {
        ObjectNode n = JSON.createObjectNode();
        n.put("format", FORMAT).put("format_version", VERSION);
        n.put("run_id", runId).put("suite", suite).put("task", task).put("label", label).put("seed", recipe.seed());
        n.put("method", recipe.method());
        n.set("options", JSON.valueToTree(recipe.options()));
        n.set("targets", JSON.valueToTree(targets));
        n.set("adapted_modules", JSON.valueToTree(adaptedModules));
        n.set("adapt_layers", JSON.valueToTree(adaptLayers));
        ObjectNode head = n.putObject("head");
        head.set("modules", JSON.valueToTree(headModules));
        head.put("num_labels", recipe.numLabels()).put("pooling", recipe.pooling().userName());
        ObjectNode backbone = n.putObject("backbone");
        backbone.put("spec", backboneSpec).put("source", recipe.source()).put("layers", recipe.layers())
                .put("dropout", recipe.dropout()).put("init", recipe.randomInit() ? "random" : "pretrained")
                .put("weights_sha256", backboneSha256);
        n.put("best_epoch", bestEpoch);
        n.set("metrics", JSON.valueToTree(metrics));
        n.set("settings", JSON.valueToTree(settings));
        n.putObject("tensors").put("file", AdapterFiles.TENSORS).put("sha256", tensorsSha256);
        try {
            return JSON.writeValueAsString(n) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + AdapterFiles.MANIFEST, e);
        }
    }

    /** Reads and checks {@code file}. */
    public static AdapterManifest read(Path file) {
        JsonNode n;
        try {
            n = JSON.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new AdapterFormatException(file + ": not readable JSON (" + firstLine(e.getMessage())
                    + "); the adapter folder is damaged: re-run the run or restore the folder");
        }
        Fields f = new Fields(file, n);
        if (!FORMAT.equals(f.text("format"))) {
            throw f.bad("format", "is not '" + FORMAT + "'");
        }
        if (f.integer("format_version") != VERSION) {
            throw f.bad("format_version", "is " + n.path("format_version") + "; this build reads version " + VERSION);
        }
        JsonNode head = f.object("head");
        JsonNode backbone = f.object("backbone");
        Pooling pooling;
        try {
            pooling = Pooling.fromName(head.path("pooling").asText(""));
        } catch (IllegalArgumentException e) {
            throw f.bad("head.pooling", e.getMessage());
        }
        String init = backbone.path("init").asText("");
        if (!init.equals("random") && !init.equals("pretrained")) {
            throw f.bad("backbone.init", "must be 'pretrained' or 'random'");
        }
        Map<String, Object> options = f.map(n, "options");
        List<Integer> layers = n.path("adapt_layers").isNull() ? null : f.integers("adapt_layers");
        LayerSelection adapted;
        try {
            adapted = layers == null ? LayerSelection.ALL : LayerSelection.of(layers);
        } catch (IllegalArgumentException e) {
            throw f.bad("adapt_layers", e.getMessage());
        }
        ModelRecipe recipe = new ModelRecipe(f.text(backbone, "backbone.source"), f.integer(backbone, "backbone.layers"),
                f.number(backbone, "backbone.dropout"), pooling, init.equals("random"), f.integer(head, "head.num_labels"),
                f.longValue(n, "seed"), f.text("method"), options, adapted);
        Map<String, Double> metrics = new LinkedHashMap<>();
        f.object("metrics").properties().forEach(e -> metrics.put(e.getKey(), e.getValue().asDouble()));
        return new AdapterManifest(f.text("run_id"), f.text("suite"), f.text("task"), f.text("label"), f.map(n, "settings"),
                recipe, f.text(backbone, "backbone.spec"), f.text(backbone, "backbone.weights_sha256"),
                n.path("targets").isNull() ? null : f.strings(n, "targets"), f.strings(n, "adapted_modules"), layers,
                f.strings(head, "head.modules"), f.integer("best_epoch"), metrics, f.text(f.object("tensors"), "tensors.sha256"));
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }

    /** Typed access to the fields of one file, each failure naming the file and the field. */
    private record Fields(Path file, JsonNode root) {
        AdapterFormatException bad(String field, String problem) {
            return new AdapterFormatException(file + ": field '" + field + "' " + problem
                    + "; the adapter folder is damaged or was edited: re-run the run or restore the folder");
        }

        JsonNode node(JsonNode parent, String field) {
            String leaf = field.substring(field.lastIndexOf('.') + 1);
            JsonNode v = parent.get(leaf);
            if (v == null || v.isNull()) {
                throw bad(field, "is missing");
            }
            return v;
        }

        JsonNode object(String field) {
            JsonNode v = node(root, field);
            if (!v.isObject()) {
                throw bad(field, "must be an object");
            }
            return v;
        }

        String text(String field) {
            return text(root, field);
        }

        String text(JsonNode parent, String field) {
            JsonNode v = node(parent, field);
            if (!v.isTextual()) {
                throw bad(field, "must be text");
            }
            return v.asText();
        }

        int integer(String field) {
            return integer(root, field);
        }

        int integer(JsonNode parent, String field) {
            JsonNode v = node(parent, field);
            if (!v.canConvertToInt() || !v.isIntegralNumber()) {
                throw bad(field, "must be a whole number");
            }
            return v.asInt();
        }

        long longValue(JsonNode parent, String field) {
            JsonNode v = node(parent, field);
            if (!v.isIntegralNumber() || !v.canConvertToLong()) {
                throw bad(field, "must be a whole number");
            }
            return v.asLong();
        }

        double number(JsonNode parent, String field) {
            JsonNode v = node(parent, field);
            if (!v.isNumber()) {
                throw bad(field, "must be a number");
            }
            return v.asDouble();
        }

        List<String> strings(JsonNode parent, String field) {
            JsonNode v = node(parent, field);
            List<String> out = new ArrayList<>();
            if (!v.isArray()) {
                throw bad(field, "must be a list of names");
            }
            for (JsonNode e : v) {
                if (!e.isTextual()) {
                    throw bad(field, "must be a list of names");
                }
                out.add(e.asText());
            }
            return out;
        }

        List<Integer> integers(String field) {
            JsonNode v = node(root, field);
            List<Integer> out = new ArrayList<>();
            if (!v.isArray()) {
                throw bad(field, "must be a list of layer indices or null");
            }
            for (JsonNode e : v) {
                if (!e.isIntegralNumber() || !e.canConvertToInt() || e.asInt() < 0) {
                    throw bad(field, "must be a list of layer indices or null");
                }
                out.add(e.asInt());
            }
            return out;
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> map(JsonNode parent, String field) {
            JsonNode v = node(parent, field);
            if (!v.isObject()) {
                throw bad(field, "must be an object");
            }
            return JSON.convertValue(v, Map.class);
        }
    }
}
