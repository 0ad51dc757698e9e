package dev.surmbench.peft;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Typed access to a method's option map as parsed from YAML or the CLI. Unknown keys and wrong
 * types fail with an {@link InvalidMethodConfigException} naming the key and the allowed values;
 * absent keys take the default given by the caller.
 */
public final class MethodOptions {
    private final String method;
    private final Map<String, ?> values;

    private MethodOptions(String method, Map<String, ?> values) {
        this.method = method;
        this.values = values;
    }

    /** Wraps {@code values}, rejecting any key not declared in {@code specs}. */
    public static MethodOptions of(String method, Map<String, ?> values, List<OptionSpec> specs) {
        Set<String> allowed = new TreeSet<>();
        specs.forEach(s -> allowed.add(s.name()));
        for (String key : values.keySet()) {
            if (!allowed.contains(key)) {
                throw new InvalidMethodConfigException(method, key,
                        "unknown option; allowed: " + (allowed.isEmpty() ? "(none)" : String.join(", ", allowed)));
            }
        }
        return new MethodOptions(method, values);
    }

    public int getInt(String key, int defaultValue) {
        Object v = values.get(key);
        if (v == null) {
            return defaultValue;
        }
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                && Math.abs(n.doubleValue()) <= Integer.MAX_VALUE) {
            return n.intValue();
        }
        if (v instanceof String s) {
            try {
                return Integer.parseInt(s.trim());
            } catch (NumberFormatException e) {
                // fall through to the error below
            }
        }
        throw wrongType(key, v, "an integer");
    }

    public double getDouble(String key, double defaultValue) {
        Object v = values.get(key);
        if (v == null) {
            return defaultValue;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof String s) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                // fall through to the error below
            }
        }
        throw wrongType(key, v, "a number");
    }

    public boolean getBoolean(String key, boolean defaultValue) {
        Object v = values.get(key);
        if (v == null) {
            return defaultValue;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof String s && (s.equals("true") || s.equals("false"))) {
            return Boolean.parseBoolean(s);
        }
        throw wrongType(key, v, "true or false");
    }

    /** A list of strings; a single string (or comma-separated string) is accepted as a list. */
    public List<String> getStrings(String key, List<String> defaultValue) {
        Object v = values.get(key);
        if (v == null) {
            return defaultValue;
        }
        List<String> out = new ArrayList<>();
        if (v instanceof String s) {
            for (String part : s.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
        } else if (v instanceof List<?> list) {
            for (Object o : list) {
                if (!(o instanceof String s) || s.isBlank()) {
                    throw wrongType(key, v, "a list of names");
                }
                out.add(s.trim());
            }
        } else {
            throw wrongType(key, v, "a list of names");
        }
        if (out.isEmpty()) {
            throw new InvalidMethodConfigException(method, key, "must name at least one entry");
        }
        return List.copyOf(out);
    }

    private InvalidMethodConfigException wrongType(String key, Object v, String expected) {
        return new InvalidMethodConfigException(method, key, "expected " + expected + ", got '" + v + "'");
    }

    /** Range checks shared by the config records' compact constructors. */
    public static void requireRange(String method, String field, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new InvalidMethodConfigException(method, field,
                    "must be in [" + format(min) + ", " + format(max) + "], got " + format(value));
        }
    }

    private static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
