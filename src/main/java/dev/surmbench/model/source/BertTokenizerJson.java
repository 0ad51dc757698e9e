package dev.surmbench.model.source;

import dev.surmbench.data.text.WordPieceTokenizerJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Builds a Hugging Face {@code tokenizer.json} for a BERT WordPiece vocabulary ({@code vocab.txt},
 * one token per line, id = line number), equivalent to {@code BertTokenizerFast}: BertNormalizer
 * (clean text, CJK spacing, lowercase + accent stripping when uncased), BertPreTokenizer, WordPiece
 * with "##" continuation and [UNK], and the [CLS] A [SEP] (B [SEP]) template.
 */
public final class BertTokenizerJson {
    private BertTokenizerJson() {}

    /** The tokenizer.json text for {@code vocab} (the data package's WordPiece builder: one definition). */
    public static String build(List<String> vocab, boolean lowercase) {
        return WordPieceTokenizerJson.fromVocab(vocab, lowercase);
    }

    /** Writes the tokenizer for a {@code vocab.txt} body to a scratch file and returns its path. */
    public static Path materialize(byte[] vocabTxt, boolean lowercase, String name) {
        List<String> vocab = new String(vocabTxt, StandardCharsets.UTF_8).lines().toList();
        return Resources.materialize(build(vocab, lowercase).getBytes(StandardCharsets.UTF_8), name);
    }
}
