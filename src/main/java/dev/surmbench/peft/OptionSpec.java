package dev.surmbench.peft;

import java.util.List;

/**
 * One user-facing option of a method: its name as typed in suites and on the CLI, its value type, its
 * default (the one value both the parser and {@code surm-bench list} read), and what it means. Read
 * through {@link MethodOptions#get(OptionSpec)}.
 *
 * @param <T> the parsed value's type
 * @param name the key in a suite's method options
 * @param type how a value is parsed and checked
 * @param defaultValue the value when the option is absent; null for a default the method derives
 *     from its other options (then {@code derivedDefault} says how)
 * @param derivedDefault the listed default of a derived option (e.g. {@code rank}); null otherwise
 * @param description what it means, for {@code surm-bench list}
 */
public record OptionSpec<T>(String name, ValueType type, T defaultValue, String derivedDefault, String description) {

    /** Value types and how each is written in YAML. */
    public enum ValueType {
        /** A whole number. */
        INTEGER,
        /** A real number. */
        NUMBER,
        /** true or false. */
        FLAG,
        /** A list of names (a single or comma-separated string is accepted as a list). */
        NAMES
    }

    public OptionSpec {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("option name must not be blank");
        }
        if ((defaultValue == null) == (derivedDefault == null)) {
            throw new IllegalArgumentException("option " + name + ": give either a default value or how it is derived");
        }
        if (defaultValue instanceof List<?> list) {
            defaultValue = castList(List.copyOf(list));
        }
    }

    /** A whole-number option. */
    public static OptionSpec<Integer> integer(String name, int defaultValue, String description) {
        return new OptionSpec<>(name, ValueType.INTEGER, defaultValue, null, description);
    }

    /** A real-number option. */
    public static OptionSpec<Double> number(String name, double defaultValue, String description) {
        return new OptionSpec<>(name, ValueType.NUMBER, defaultValue, null, description);
    }

    /** A real-number option whose default the method derives (listed as {@code derivedDefault}). */
    public static OptionSpec<Double> derivedNumber(String name, String derivedDefault, String description) {
        return new OptionSpec<>(name, ValueType.NUMBER, null, derivedDefault, description);
    }

    /** A true/false option. */
    public static OptionSpec<Boolean> flag(String name, boolean defaultValue, String description) {
        return new OptionSpec<>(name, ValueType.FLAG, defaultValue, null, description);
    }

    /** A list-of-names option. */
    public static OptionSpec<List<String>> names(String name, List<String> defaultValue, String description) {
        return new OptionSpec<>(name, ValueType.NAMES, defaultValue, null, description);
    }

    /** The default as {@code surm-bench list} shows it: the value ({@code 8}, {@code 1.0}, {@code [query, value]}) or how it is derived. */
    public String defaultText() {
        return defaultValue == null ? derivedDefault : String.valueOf(defaultValue);
    }

    @SuppressWarnings("unchecked")
    private static <T> T castList(List<?> list) {
        return (T) list;
    }
}
