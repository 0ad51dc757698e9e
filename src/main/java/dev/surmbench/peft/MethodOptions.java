package dev.surmbench.peft;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Typed access to a method's option map as parsed from YAML or the CLI, through the method's {@link
 * OptionSpec}s. Unknown keys and wrong types fail with an {@link InvalidMethodConfigException}
 * naming the key and the allowed values; absent keys take the spec's default.
 */
public final class MethodOptions {
    private final String method;
    private final Map<String, ?> values;

    private MethodOptions(String method, Map<String, ?> values) {
        this.method = method;
        this.values = values;
    }

    /** Wraps {@code values}, rejecting any key not declared in {@code specs}. */
    public static MethodOptions of(String method, Map<String, ?> values, List<OptionSpec<?>> specs) {
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

    /** The option's value, or its declared default when absent. */
    public <T> T get(OptionSpec<T> option) {
        if (option.defaultValue() == null) {
            throw new IllegalStateException("option " + option.name() + " has a derived default; pass it");
        }
        return value(option, option.defaultValue());
    }

    /**
     * The value of an option whose default the method derives from its other options, or {@code
     * derivedDefault} when absent. An option with a declared default is read with {@link #get(OptionSpec)}
     * only, so the listed default is always the one used.
     */
    public <T> T get(OptionSpec<T> option, T derivedDefault) {
        if (option.defaultValue() != null) {
            throw new IllegalStateException("option " + option.name() + " declares its default " + option.defaultText());
        }
        return value(option, derivedDefault);
    }

    private <T> T value(OptionSpec<T> option, T whenAbsent) {
        Object v = values.get(option.name());
        if (v == null) {
            return whenAbsent;
        }
        Object parsed = switch (option.type()) {
            case INTEGER -> integer(option.name(), v);
            case NUMBER -> number(option.name(), v);
            case FLAG -> flag(option.name(), v);
            case NAMES -> names(option.name(), v);
        };
        @SuppressWarnings("unchecked") // the type fixes T: INTEGER Integer, NUMBER Double, FLAG Boolean, NAMES List<String>
        T typed = (T) parsed;
        return typed;
    }

    private int integer(String key, Object v) {
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                && Math.abs(n.doubleValue()) <= Integer.MAX_VALUE) {
            return n.intValue();
        }
        return fromText(key, v, "an integer", Integer::parseInt);
    }

    private double number(String key, Object v) {
        return v instanceof Number n ? n.doubleValue() : fromText(key, v, "a number", Double::parseDouble);
    }

    /** A number written as YAML text ({@code "8"}); anything else is the wrong type. */
    private <T> T fromText(String key, Object v, String expected, java.util.function.Function<String, T> parse) {
        if (v instanceof String s) {
            try {
                return parse.apply(s.trim());
            } catch (NumberFormatException e) {
                // fall through to the error below
            }
        }
        throw wrongType(key, v, expected);
    }

    private boolean flag(String key, Object v) {
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof String s && (s.equals("true") || s.equals("false"))) {
            return Boolean.parseBoolean(s);
        }
        throw wrongType(key, v, "true or false");
    }

    private List<String> names(String key, Object v) {
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
