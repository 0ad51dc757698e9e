package dev.surmbench.peft;

import java.util.Locale;

/**
 * The two Houlsby adapter positions of a transformer layer: after the attention output projection
 * and after the feed-forward output projection, each before the residual LayerNorm.
 */
public enum AdapterPosition {
    ATTENTION,
    FFN;

    /** The name users type in suites ({@code attention}, {@code ffn}). */
    public String userName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a user-typed position; the error lists the allowed values. */
    public static AdapterPosition parse(String method, String text) {
        for (AdapterPosition p : values()) {
            if (p.userName().equals(text)) {
                return p;
            }
        }
        throw new InvalidMethodConfigException(
                method, "positions", "unknown position '" + text + "', allowed: attention, ffn");
    }
}
