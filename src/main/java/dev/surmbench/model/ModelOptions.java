package dev.surmbench.model;

/**
 * How a classification model is cut from its backbone: the first {@code layers} encoder layers
 * ({@code 0} = all), every dropout rate set to {@code dropout} ({@code < 0} = the checkpoint's own)
 * and the head's token {@link Pooling}.
 */
public record ModelOptions(int layers, double dropout, Pooling pooling) {

    /** The whole encoder, the checkpoint's dropout, first-token pooling (Hugging Face's defaults). */
    public static final ModelOptions DEFAULT = new ModelOptions(0, -1, Pooling.CLS);

    public ModelOptions {
        if (layers < 0) {
            throw new IllegalArgumentException("layers must be >= 0 (0 = all), got " + layers);
        }
        if (dropout >= 1 || Double.isNaN(dropout)) {
            throw new IllegalArgumentException("dropout must be < 1 (negative = the checkpoint's own), got " + dropout);
        }
        if (pooling == null) {
            throw new IllegalArgumentException("pooling must be given");
        }
    }

    /** The backbone geometry these options describe. */
    public BackboneConfig apply(BackboneConfig config) {
        BackboneConfig out = layers > 0 ? config.withLayers(layers) : config;
        return dropout >= 0 ? out.withDropout(dropout, dropout) : out;
    }
}
