package dev.surmbench.data.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WordPieceTokenizerJsonTest {

    // id:      0        1        2        3        4         5        6        7     8        9       10
    private static final List<String> VOCAB = List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "hello", "world",
            "un", "##aff", "##able", ",");

    @Test
    void smallVocabularyByHand(@TempDir Path dir) throws IOException {
        Path vocab = dir.resolve("vocab.txt");
        Files.write(vocab, VOCAB);
        try (TextTokenizer tokenizer = TextTokenizer.fromVocabTxt(vocab, true, 32)) {
            // lower-cased "Hello, unaffable WORLD!" -> hello , un ##aff ##able world [UNK](!)
            EncodedText single = tokenizer.encode("Hello, unaffable WORLD!", null);
            assertArrayEquals(new long[] {2, 5, 10, 7, 8, 9, 6, 1, 3}, single.ids());
            // pair: [CLS] hello [SEP] world [SEP] with types 0 0 0 1 1
            EncodedText pair = tokenizer.encode("hello", "world");
            assertArrayEquals(new long[] {2, 5, 3, 6, 3}, pair.ids());
            assertArrayEquals(new long[] {0, 0, 0, 1, 1}, pair.typeIds());
            assertEquals(List.of("[CLS]", "hello", "un", "##aff", "##able", "[SEP]"), tokenizer.tokenize("hello unaffable"));
        }
        try (TextTokenizer cased = TextTokenizer.fromVocabTxt(vocab, false, 32)) {
            // without lower-casing "Hello" is not in the vocabulary
            assertArrayEquals(new long[] {2, 1, 3}, cased.encode("Hello", null).ids());
        }
    }

    @Test
    void requiresBertSpecialTokens() {
        assertThrows(IllegalArgumentException.class, () -> WordPieceTokenizerJson.fromVocab(List.of("[PAD]", "a"), true));
    }
}
