package dev.surmbench.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Which encoder layers a method adapts (Hugging Face PEFT's {@code layers_to_transform}): every
 * layer ({@code all}), the top N ({@code top-N}), or explicit 0-based indices ({@code 4,5}). Outside
 * the selected layers nothing trains — no update, adapter, BitFit bias or full fine-tuning weight —
 * and everything below the lowest selected layer is a frozen prefix (embeddings included).
 *
 * <p>The text form is canonical (indices sorted and unique, no spaces), so it can enter a run id.
 */
public final class LayerSelection {
    /** Every layer: today's behaviour. */
    public static final LayerSelection ALL = new LayerSelection(0, List.of());

    private final int top;
    private final List<Integer> indices;

    private LayerSelection(int top, List<Integer> indices) {
        this.top = top;
        this.indices = List.copyOf(indices);
    }

    /** The top {@code n} layers ({@code n >= 1}). */
    public static LayerSelection top(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("adapt_layers: top-N needs N >= 1, got " + n);
        }
        return new LayerSelection(n, List.of());
    }

    /** Explicit 0-based layer indices (at least one, each at most once, none negative). */
    public static LayerSelection of(List<Integer> layers) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("adapt_layers: list at least one layer index, or write 'all'");
        }
        TreeSet<Integer> sorted = new TreeSet<>();
        for (int i : layers) {
            if (i < 0) {
                throw new IllegalArgumentException("adapt_layers: layer indices start at 0, got " + i);
            }
            if (!sorted.add(i)) {
                throw new IllegalArgumentException("adapt_layers: layer " + i + " is listed twice");
            }
        }
        return new LayerSelection(0, new ArrayList<>(sorted));
    }

    /** Parses the canonical text: {@code all}, {@code top-N} or comma-separated indices. */
    public static LayerSelection parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("all")) {
            return ALL;
        }
        try {
            if (t.startsWith("top-")) {
                return top(Integer.parseInt(t.substring(4)));
            }
            List<Integer> layers = new ArrayList<>();
            for (String part : t.split(",")) {
                layers.add(Integer.parseInt(part.trim()));
            }
            return of(layers);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("adapt_layers must be 'all', 'top-N' or a list of layer indices like [4, 5], got '"
                    + text + "'");
        }
    }

    public boolean isAll() {
        return top == 0 && indices.isEmpty();
    }

    /** The selected 0-based indices of an encoder with {@code layers} layers; the error names the deepest. */
    public List<Integer> resolve(int layers) {
        if (isAll()) {
            List<Integer> all = new ArrayList<>();
            for (int i = 0; i < layers; i++) {
                all.add(i);
            }
            return all;
        }
        if (top > 0) {
            if (top > layers) {
                throw new IllegalArgumentException("adapt_layers: top-" + top + " asks for more than the " + layers
                        + " layers of the encoder");
            }
            List<Integer> out = new ArrayList<>();
            for (int i = layers - top; i < layers; i++) {
                out.add(i);
            }
            return out;
        }
        int deepest = indices.get(indices.size() - 1);
        if (deepest >= layers) {
            throw new IllegalArgumentException("adapt_layers: layer " + deepest + " does not exist; the encoder has layers 0–"
                    + (layers - 1));
        }
        return indices;
    }

    /** The lowest selected layer: the frozen prefix is everything below it (0 with {@code all}). */
    public int firstLayer(int layers) {
        return resolve(layers).get(0);
    }

    /** Module paths of the selected layers, e.g. {@code bert.encoder.layer.4} (empty with {@code all}: no restriction). */
    public List<String> modulePrefixes(String encoderPrefix, int layers) {
        if (isAll()) {
            return List.of();
        }
        return resolve(layers).stream().map(i -> encoderPrefix + ".encoder.layer." + i).toList();
    }

    /**
     * The selection as the suite states it, for report labels: "top 2 layers", "layers 4–5",
     * "layers 2, 5" or "all layers". A top-N selection is not resolved to indices, so that the same
     * setting gives the same label on encoders of different depth (a report compares methods across
     * tasks by label).
     */
    public String label() {
        return describe(0); // without the encoder's depth a top-N selection stays "top N layers"
    }

    /** "layers 4–5", "layers 2, 5", "top 2 layers" (geometry unknown: {@code layers <= 0}) or "all layers". */
    public String describe(int layers) {
        if (isAll()) {
            return "all layers";
        }
        List<Integer> r = layers > 0 ? resolve(layers) : indices;
        if (r.isEmpty()) {
            return "top " + top + " layers";
        }
        boolean contiguous = r.get(r.size() - 1) - r.get(0) == r.size() - 1;
        if (r.size() == 1) {
            return "layer " + r.get(0);
        }
        return contiguous ? "layers " + r.get(0) + "–" + r.get(r.size() - 1)
                : "layers " + String.join(", ", r.stream().map(String::valueOf).toList());
    }

    /** The canonical text. */
    @Override
    public String toString() {
        if (isAll()) {
            return "all";
        }
        return top > 0 ? "top-" + top : String.join(",", indices.stream().map(String::valueOf).toList());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LayerSelection s && s.top == top && s.indices.equals(indices);
    }

    @Override
    public int hashCode() {
        return 31 * top + indices.hashCode();
    }
}
