package dev.surmbench.model;

import java.util.Arrays;
import java.util.Locale;

/**
 * How a classification head summarises the encoder's last hidden states into one vector.
 * {@link #CLS} is BERT's and ViT's convention (the first token); {@link #MEAN} averages the
 * unmasked tokens, the pooling sentence-transformers models such as all-MiniLM-L6-v2 were trained
 * with, so their first token carries little sentence information.
 */
public enum Pooling {
    CLS,
    MEAN;

    /** The name a suite uses ("cls", "mean"). */
    public String userName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a user name; the message lists the allowed values. */
    public static Pooling fromName(String name) {
        for (Pooling p : values()) {
            if (p.userName().equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown pooling '" + name + "'; allowed: "
                + Arrays.stream(values()).map(Pooling::userName).toList());
    }
}
