package dev.surmbench.peft;

/** A residual adapter slot of a model: its module path, Houlsby position and hidden width. */
public record AdapterSite(String path, AdapterPosition position, int features) {
    public AdapterSite {
        if (features <= 0) {
            throw new IllegalArgumentException("adapter site " + path + " needs a positive width");
        }
    }
}
