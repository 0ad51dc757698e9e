package dev.surmbench.peft;

/** A frozen linear projection that an update method may adapt: its module path and shape. */
public record LinearSite(String path, int inFeatures, int outFeatures) {
    public LinearSite {
        if (inFeatures <= 0 || outFeatures <= 0) {
            throw new IllegalArgumentException("linear site " + path + " needs positive dimensions");
        }
    }
}
