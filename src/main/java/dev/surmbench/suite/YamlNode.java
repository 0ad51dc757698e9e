package dev.surmbench.suite;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML value with the line and column where it starts, so validation errors can point at the
 * exact place in the suite file. Mappings keep key order; each key remembers its own location.
 *
 * @param value a {@code Map<String, YamlNode>}, {@code List<YamlNode>}, String, Number, Boolean or null
 */
public record YamlNode(Object value, int line, int column, Map<String, YamlNode> keyLocations) {

    public boolean isMap() {
        return value instanceof Map;
    }

    public boolean isList() {
        return value instanceof List;
    }

    @SuppressWarnings("unchecked")
    public Map<String, YamlNode> map() {
        return (Map<String, YamlNode>) value;
    }

    @SuppressWarnings("unchecked")
    public List<YamlNode> list() {
        return (List<YamlNode>) value;
    }

    /** Where a key of this mapping was written (the key itself, not its value). */
    public YamlNode keyNode(String key) {
        return keyLocations.getOrDefault(key, this);
    }

    /** Plain Java form (maps, lists, scalars), for method options. */
    public Object toPlain() {
        if (isMap()) {
            Map<String, Object> out = new LinkedHashMap<>();
            map().forEach((k, v) -> out.put(k, v.toPlain()));
            return out;
        }
        if (isList()) {
            return list().stream().map(YamlNode::toPlain).toList();
        }
        return value;
    }

    public String describeType() {
        if (value == null) {
            return "nothing";
        }
        if (isMap()) {
            return "a mapping";
        }
        if (isList()) {
            return "a list";
        }
        return value instanceof String ? "text '" + value + "'" : value.getClass().getSimpleName().toLowerCase() + " " + value;
    }
}
