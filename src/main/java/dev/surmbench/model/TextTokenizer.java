package dev.surmbench.model;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * A minimal wrapper of a Hugging Face {@code tokenizer.json} for the model's own uses (the encode
 * command, tests): special tokens added, truncation to {@code maxLength}, padding (id 0, type 0,
 * mask 0) to the longest text of each batch. The general text pipeline lives elsewhere.
 */
public final class TextTokenizer implements AutoCloseable {
    private final HuggingFaceTokenizer tokenizer;
    private final int maxLength;

    private TextTokenizer(HuggingFaceTokenizer tokenizer, int maxLength) {
        this.tokenizer = tokenizer;
        this.maxLength = maxLength;
    }

    /** Opens {@code tokenizerJson} truncating to {@code maxLength} tokens (special tokens included). */
    public static TextTokenizer open(Path tokenizerJson, int maxLength) {
        if (maxLength < 2) {
            throw new IllegalArgumentException("max length must be at least 2, got " + maxLength);
        }
        return new TextTokenizer(dev.surmbench.data.text.TextTokenizer.huggingFace(tokenizerJson, maxLength), maxLength);
    }

    public int maxLength() {
        return maxLength;
    }

    /** Token ids of one text ([CLS] … [SEP]). */
    public long[] ids(String text) {
        return tokenizer.encode(text).getIds();
    }

    /** Tokenises and pads {@code texts} (single sentences) into one batch. */
    public TokenBatch encode(List<String> texts) {
        long[][] ids = new long[texts.size()][];
        long[][] types = new long[texts.size()][];
        int longest = 0;
        for (int i = 0; i < texts.size(); i++) {
            Encoding e = tokenizer.encode(texts.get(i));
            ids[i] = e.getIds();
            types[i] = e.getTypeIds();
            longest = Math.max(longest, ids[i].length);
        }
        long[][] mask = new long[texts.size()][];
        for (int i = 0; i < texts.size(); i++) {
            int n = ids[i].length;
            mask[i] = new long[longest];
            Arrays.fill(mask[i], 0, n, 1L);
            ids[i] = Arrays.copyOf(ids[i], longest);
            types[i] = Arrays.copyOf(types[i], longest);
        }
        return new TokenBatch(ids, types, mask);
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
