package dev.surmbench.suite;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.surmbench.util.Utf8;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a YAML document into {@link YamlNode}s that keep their line and column (1-based). Before
 * anything is parsed the file must be at most {@link #MAX_FILE_BYTES}, valid UTF-8 and without a line
 * longer than {@link #MAX_LINE_CHARS} (the YAML parser needs seconds and gigabytes for a value of
 * tens of megabytes). Anchors and aliases ({@code &a}, {@code *a}) are refused: the parser would hand
 * an alias over as the plain text of its name. So is a second document ({@code ---}): it would be
 * ignored silently. A parser error quotes no parser context: its first line only.
 */
public final class YamlReader {
    /** The largest suite file read: shipped suites are a few kilobytes. */
    public static final int MAX_FILE_BYTES = 1 << 20;
    /** The longest line read. */
    public static final int MAX_LINE_CHARS = 4096;
    private static final YAMLFactory FACTORY = new YAMLFactory();

    private YamlReader() {}

    public static YamlNode read(Path file) {
        String text = checkedText(file);
        return parse(file, text);
    }

    private static YamlNode parse(Path file, String text) {
        try (Reader reader = new StringReader(text);
             JsonParser parser = FACTORY.createParser(reader)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new SuiteException(file, 1, 1, "the file is empty; a suite needs at least 'name', 'tasks', 'methods' and 'seeds'");
            }
            YamlNode root = node(parser, file);
            if (parser.nextToken() != null) {
                JsonLocation second = parser.currentTokenLocation();
                throw new SuiteException(file, second.getLineNr(), second.getColumnNr(), "a second YAML document "
                        + "(after '---'); a suite file holds one document: move it to its own file");
            }
            return root;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            int line = at == null ? 1 : at.getLineNr();
            throw new SuiteException(file, line, at == null ? 1 : at.getColumnNr(),
                    "not valid YAML: " + problem(e.getOriginalMessage()) + quoted(text, line));
        } catch (IOException e) {
            throw new SuiteException(file, 1, 1, "cannot read the file: " + e.getMessage());
        }
    }

    /** The parser's reason without its context lines (where it was, the line again, a caret): one line. */
    static String problem(String message) {
        String reason = String.valueOf(message).lines().filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0)))
                .collect(java.util.stream.Collectors.joining("; "));
        return reason.isEmpty() ? String.valueOf(message).strip() : reason;
    }

    /** Line {@code line} of {@code text}, quoted once (shortened to 80 characters); "" when there is none. */
    private static String quoted(String text, int line) {
        List<String> lines = text.lines().toList();
        if (line < 1 || line > lines.size() || lines.get(line - 1).isBlank()) {
            return "";
        }
        String l = lines.get(line - 1).strip();
        return " in: " + (l.length() > 80 ? l.substring(0, 80) + "…" : l);
    }

    /** The file's text, once it is known to be small enough, UTF-8 and without an overlong line. */
    private static String checkedText(Path file) {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_FILE_BYTES + 1);
        } catch (IOException e) {
            throw new SuiteException(file, 1, 1, "cannot read the file: " + e.getMessage());
        }
        if (bytes.length > MAX_FILE_BYTES) {
            throw new SuiteException(file, 1, 1, "the file is larger than " + MAX_FILE_BYTES
                    + " bytes (1 MiB), the limit for a suite; is this the right file?");
        }
        Utf8.firstMalformed(bytes).ifPresent(at -> {
            throw new SuiteException(file, (int) at.line(), (int) at.column(),
                    "not UTF-8: a byte here is not part of a UTF-8 character; save the suite as UTF-8");
        });
        String text = new String(bytes, StandardCharsets.UTF_8);
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '\n') {
                if (i - lineStart > MAX_LINE_CHARS) {
                    throw new SuiteException(file, line, MAX_LINE_CHARS + 1, "the line is " + (i - lineStart)
                            + " characters long; a suite line may be at most " + MAX_LINE_CHARS);
                }
                line++;
                lineStart = i + 1;
            }
        }
        return text;
    }

    private static YamlNode node(JsonParser p, Path file) throws IOException {
        JsonLocation at = p.currentTokenLocation();
        int line = at.getLineNr();
        int column = at.getColumnNr();
        JsonToken token = p.currentToken();
        if (p instanceof YAMLParser yaml && (yaml.isCurrentAlias() || yaml.getCurrentAnchor() != null)) {
            String what = yaml.isCurrentAlias() ? "alias '*" + p.getText() + "'" : "anchor '&" + yaml.getCurrentAnchor() + "'";
            throw new SuiteException(file, line, column, "YAML " + what
                    + " is not supported: write the value out in full (an 'include' shares settings between suites)");
        }
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
