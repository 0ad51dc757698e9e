package dev.surmbench.data.text;

/**
 * One tokenised example before padding: token ids and token types (0 for the first sentence and
 * its special tokens, 1 for the second). Every position is a real token, so its attention mask is
 * all ones; padding happens per batch in {@link Collator}.
 */
public record EncodedText(long[] ids, long[] typeIds) {

    public EncodedText {
        if (ids.length != typeIds.length) {
            throw new IllegalArgumentException("ids and type ids differ in length: " + ids.length + " vs "
                    + typeIds.length);
        }
    }

    /** Number of tokens, special tokens included. */
    public int length() {
        return ids.length;
    }
}
