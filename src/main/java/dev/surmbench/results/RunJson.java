package dev.surmbench.results;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes and reads {@code runs/<run-id>/run.json} ({@link RunDocument}), written atomically before the
 * row is added to runs.csv, so a row always has its run.json; and other documents in the same format
 * (a pretrain stage's {@code pretrain.json}). Reading ignores keys it does not know, so files written
 * by other versions still read.
 */
public final class RunJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private RunJson() {}

    public static void write(Path file, RunDocument document) throws IOException {
        writeValue(file, document);
    }

    /** The run.json at {@code file}; an unparsable file or one whose fields have the wrong types is an IOException. */
    public static RunDocument read(Path file) throws IOException {
        return JSON.treeToValue(readTree(file), RunDocument.class);
    }

    /**
     * Only the {@code provenance} of the run.json at {@code file} ({@link RunProvenance#NONE} when it has
     * none), whatever the rest of the file holds.
     */
    public static RunProvenance readProvenance(Path file) throws IOException {
        JsonNode provenance = readTree(file).path("provenance");
        return provenance.isObject() ? JSON.treeToValue(provenance, RunProvenance.class) : RunProvenance.NONE;
    }

    /**
     * One line saying why {@code file} could not be read as {@code what} (e.g. "a run.json"): where
     * the JSON is broken, or which field has the wrong type and what it must be — never the parser's
     * class names.
     */
    public static String problem(Path file, JsonProcessingException e, String what) {
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            StringBuilder field = new StringBuilder();
            for (JsonMappingException.Reference r : m.getPath()) {
                if (r.getFieldName() != null) {
                    field.append(field.length() == 0 ? "" : ".").append(r.getFieldName());
                } else if (r.getIndex() >= 0) {
                    field.append('[').append(r.getIndex()).append(']');
                }
            }
            Class<?> target = m instanceof MismatchedInputException mi ? mi.getTargetType() : null;
            return file + ": field '" + field + "' has the wrong type" + (target == null ? "" : " (expected " + kind(target) + ")")
                    + "; not " + what + " written by surm-bench — restore it or delete the run's folder to train it again";
        }
        JsonLocation at = e.getLocation();
        return file + (at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr()) + ": not valid JSON; not " + what
                + " written by surm-bench — restore it or delete the run's folder to train it again";
    }

    private static String kind(Class<?> type) {
        if (type == String.class) {
            return "text";
        }
        if (type == Long.class || type == Integer.class || type == long.class || type == int.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        return "an object";
    }

    /** Writes any value as run.json is written (indented), atomically. */
    public static void writeValue(Path file, Object document) throws IOException {
        AtomicFiles.write(file, JSON.writeValueAsBytes(document));
    }

    /** A document written by {@link #writeValue} read back as {@code type}; unknown fields are skipped. */
    public static <T> T readValue(Path file, Class<T> type) throws IOException {
        return JSON.readValue(file.toFile(), type);
    }

    /** {@code value} as run.json writes it, as a tree (e.g. a {@link RunRecord} as a run.json's {@code result}). */
    public static JsonNode toTree(Object value) {
        return JSON.valueToTree(value);
    }

    /** A document in run.json's format as a tree. */
    public static JsonNode readTree(Path file) throws IOException {
        return JSON.readTree(file.toFile());
    }
}
