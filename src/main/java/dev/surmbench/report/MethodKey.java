package dev.surmbench.report;

import java.util.Comparator;
import java.util.List;

/**
 * A row of the report: a method and its label (a method run with two option sets has two labels).
 * Ordered as {@code surm-bench list} shows methods, unknown methods after them by name, then by label.
 *
 * @param method the method name (opaque to the report, except for the SURM pairings)
 * @param label the label runs.csv gives the method; equal to the method when none was set
 */
public record MethodKey(String method, String label) implements Comparable<MethodKey> {

    /** Known methods in display order (see {@code dev.surmbench.peft.MethodRegistry}). */
    public static final List<String> ORDER = List.of("full", "linear-probe", "bitfit", "lora", "adapter",
            "circulant", "toeplitz", "kronecker", "ldr", "circulant-adapter", "toeplitz-adapter",
            "kronecker-adapter", "ldr-adapter");

    private static final Comparator<MethodKey> COMPARATOR = Comparator
            .comparingInt((MethodKey k) -> rank(k.method)).thenComparing(MethodKey::method)
            .thenComparing(k -> !k.label.equals(k.method)).thenComparing(MethodKey::label);

    public MethodKey {
        method = method == null ? "" : method;
        label = label == null || label.isBlank() ? method : label;
    }

    private static int rank(String method) {
        int i = ORDER.indexOf(method);
        return i < 0 ? ORDER.size() : i;
    }

    /**
     * The label, with the method in brackets when the label does not already name it (a suite's
     * {@code adapt_layers} labels read e.g. {@code lora (layers 4–5)}).
     */
    public String display() {
        return label.equals(method) || label.startsWith(method + " (") ? label : label + " [" + method + "]";
    }

    @Override
    public int compareTo(MethodKey o) {
        return COMPARATOR.compare(this, o);
    }
}
