package dev.surmbench.suite;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a YAML document into {@link YamlNode}s that keep their line and column (1-based). */
public final class YamlReader {
    private static final YAMLFactory FACTORY = new YAMLFactory();

    private YamlReader() {}

    public static YamlNode read(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             JsonParser parser = FACTORY.createParser(reader)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new SuiteException(file, 1, 1, "the file is empty; a suite needs at least 'name', 'tasks', 'methods' and 'seeds'");
            }
            return node(parser, file);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new SuiteException(file, at == null ? 1 : at.getLineNr(), at == null ? 1 : at.getColumnNr(),
                    "not valid YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new SuiteException(file, 1, 1, "cannot read the file: " + e.getMessage());
        }
    }

    private static YamlNode node(JsonParser p, Path file) throws IOException {
        JsonLocation at = p.currentTokenLocation();
        int line = at.getLineNr();
        int column = at.getColumnNr();
        JsonToken token = p.currentToken();
        switch (token) {
            case START_OBJECT -> {
                Map<String, YamlNode> values = new LinkedHashMap<>();
                Map<String, YamlNode> keys = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    JsonLocation keyAt = p.currentTokenLocation();
                    if (values.containsKey(key)) {
                        throw new SuiteException(file, keyAt.getLineNr(), keyAt.getColumnNr(), "key '" + key + "' appears twice");
                    }
                    keys.put(key, new YamlNode(key, keyAt.getLineNr(), keyAt.getColumnNr(), Map.of()));
                    p.nextToken();
                    values.put(key, node(p, file));
                }
                return new YamlNode(values, line, column, keys);
            }
            case START_ARRAY -> {
                List<YamlNode> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(node(p, file));
                }
                return new YamlNode(items, line, column, Map.of());
            }
            case VALUE_STRING -> {
                return new YamlNode(p.getText(), line, column, Map.of());
            }
            case VALUE_NUMBER_INT -> {
                return new YamlNode(p.getLongValue(), line, column, Map.of());
            }
            case VALUE_NUMBER_FLOAT -> {
                return new YamlNode(p.getDoubleValue(), line, column, Map.of());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new YamlNode(p.getBooleanValue(), line, column, Map.of());
            }
            case VALUE_NULL -> {
                return new YamlNode(null, line, column, Map.of());
            }
            default -> throw new SuiteException(file, line, column, "unsupported YAML token " + token);
        }
    }
}
