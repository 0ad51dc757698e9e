package dev.surmbench.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code runs/<run-id>/run.json}: the fully resolved configuration ({@code config}), the per-epoch
 * series ({@code epochs}), the result row's fields ({@code result}) and {@code provenance}. Written
 * atomically before the row is added to runs.csv, so a row always has its run.json.
 */
public final class RunJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RunJson() {}

    public static void write(Path file, Map<String, Object> document) throws IOException {
        AtomicFiles.write(file, JSON.writeValueAsBytes(document));
    }

    public static JsonNode read(Path file) throws IOException {
        return JSON.readTree(file.toFile());
    }
}
