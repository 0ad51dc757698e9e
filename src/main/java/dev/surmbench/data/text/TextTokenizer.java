package dev.surmbench.data.text;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.surmbench.data.Example;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A backbone's tokenizer (DJL's Hugging Face tokenizers) configured the way fine-tuning needs it:
 * special tokens added ({@code [CLS] A [SEP]} / {@code [CLS] A [SEP] B [SEP]} with token types 0 and
 * 1), longest-first truncation to {@code maxLength}, and no padding — batches are padded by {@link
 * Collator}. Built from a {@code tokenizer.json} or, for BERT bundles that ship only {@code
 * vocab.txt}, from a vocabulary via {@link WordPieceTokenizerJson}.
 */
public final class TextTokenizer implements AutoCloseable {

    private final HuggingFaceTokenizer tokenizer;
    private final int maxLength;
    private final long padId;

    private TextTokenizer(HuggingFaceTokenizer tokenizer, int maxLength, long padId) {
        this.tokenizer = tokenizer;
        this.maxLength = maxLength;
        this.padId = padId;
    }

    /** Loads a {@code tokenizer.json}. */
    public static TextTokenizer fromTokenizerJson(Path tokenizerJson, int maxLength) {
        if (maxLength < 2) {
            throw new IllegalArgumentException("maxLength must leave room for special tokens: " + maxLength);
        }
        long padId = padId(readTokenizerJson(tokenizerJson));
        return new TextTokenizer(huggingFace(tokenizerJson, maxLength), maxLength, padId);
    }

    /**
     * DJL's tokenizer for a checked {@code tokenizer.json} ({@link #readTokenizerJson}): special
     * tokens added, longest-first truncation to {@code maxLength}, no padding. The one place it is built.
     */
    private static HuggingFaceTokenizer huggingFace(Path tokenizerJson, int maxLength) {
        try {
            return HuggingFaceTokenizer.builder()
                    .optTokenizerPath(tokenizerJson)
                    .optAddSpecialTokens(true)
                    .optTruncation(true) // DJL's "true" is longest_first
                    .optMaxLength(maxLength)
                    .optPadding(false)
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load tokenizer " + tokenizerJson, e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(tokenizerJson + ": the tokenizers library cannot load it ("
                    + e.getMessage() + "); is it a Hugging Face tokenizer.json?", e);
        }
    }

    /**
     * The parsed {@code tokenizer.json}, after checking it is one: present, not empty, JSON, an object
     * with a {@code model}. A problem is an {@link IllegalArgumentException} naming the file (and the
     * line and column of a JSON error) — the native library would fail with a bare message.
     */
    public static JsonNode readTokenizerJson(Path tokenizerJson) {
        String fix = "; restore the backbone's tokenizer.json (delete its folder to download it again)";
        try {
            if (!Files.isRegularFile(tokenizerJson)) {
                throw new IllegalArgumentException(tokenizerJson + ": no such tokenizer file" + fix);
            }
            if (Files.size(tokenizerJson) == 0) {
                throw new IllegalArgumentException(tokenizerJson + ": the file is empty" + fix);
            }
            JsonNode root = new ObjectMapper().readTree(tokenizerJson.toFile());
            if (root == null || !root.isObject() || !root.path("model").isObject()) {
                throw new IllegalArgumentException(tokenizerJson + ": not a Hugging Face tokenizer.json (no 'model' object)" + fix);
            }
            return root;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            var at = e.getLocation();
            throw new IllegalArgumentException(tokenizerJson + ":" + (at == null ? 1 : at.getLineNr()) + ":"
                    + (at == null ? 1 : at.getColumnNr()) + ": not valid JSON (" + e.getOriginalMessage() + ")" + fix);
        } catch (IOException e) {
            throw new IllegalArgumentException(tokenizerJson + ": cannot read the file (" + e + ")");
        }
    }

    /** Loads a {@code tokenizer.json} from a stream (e.g. a classpath resource inside a model jar). */
    public static TextTokenizer fromTokenizerJson(InputStream tokenizerJson, int maxLength) {
        try {
            Path copy = Files.createTempFile("tokenizer", ".json");
            try {
                Files.copy(tokenizerJson, copy, StandardCopyOption.REPLACE_EXISTING);
                return fromTokenizerJson(copy, maxLength);
            } finally {
                Files.deleteIfExists(copy);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy tokenizer.json to a temporary file", e);
        }
    }

    /** Loads a {@code tokenizer.json} classpath resource, e.g. {@code /all-minilm-l6-v2-tokenizer.json}. */
    public static TextTokenizer fromClasspath(String resource, int maxLength) {
        try (InputStream in = TextTokenizer.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no tokenizer resource " + resource + " on the classpath");
            }
            return fromTokenizerJson(in, maxLength);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** A BERT WordPiece tokenizer from a {@code vocab.txt} (one token per line, id = line index). */
    public static TextTokenizer fromVocabTxt(Path vocabTxt, boolean lowercase, int maxLength) {
        try {
            Path json = Files.createTempFile("wordpiece", ".json");
            try {
                Files.writeString(json, WordPieceTokenizerJson.fromVocabFile(vocabTxt, lowercase));
                return fromTokenizerJson(json, maxLength);
            } finally {
                Files.deleteIfExists(json);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build a tokenizer from " + vocabTxt, e);
        }
    }

    /** The id used for padding ({@code [PAD]}). */
    public long padId() {
        return padId;
    }

    /** The truncation length, special tokens included. */
    public int maxLength() {
        return maxLength;
    }

    /** Encodes a sentence ({@code textB == null}) or a sentence pair. */
    public EncodedText encode(String textA, String textB) {
        Encoding encoding = textB == null ? tokenizer.encode(textA) : tokenizer.encode(textA, textB);
        return new EncodedText(encoding.getIds(), encoding.getTypeIds());
    }

    /** Encodes an example's text(s). */
    public EncodedText encode(Example example) {
        return encode(example.textA(), example.textB());
    }

    /**
     * Encodes single sentences and pads them to the longest ({@link Collator}, with {@link #padId()}):
     * a model's inputs for {@code texts}.
     */
    public TokenBatch encodePadded(List<String> texts) {
        List<EncodedText> rows = new ArrayList<>(texts.size());
        for (String text : texts) {
            rows.add(encode(text, null));
        }
        return Collator.pad(rows, Collator.paddedLength(rows, 1), padId);
    }

    /** Encodes every example, in order. */
    public List<EncodedText> encodeAll(List<Example> examples) {
        List<EncodedText> encoded = new ArrayList<>(examples.size());
        for (Example example : examples) {
            encoded.add(encode(example));
        }
        return encoded;
    }

    /** The tokens of {@code text}, special tokens included (for inspection and tests). */
    public List<String> tokenize(String text) {
        return tokenizer.tokenize(text);
    }

    @Override
    public void close() {
        tokenizer.close();
    }

    private static long padId(JsonNode root) {
        JsonNode padding = root.path("padding");
        if (padding.has("pad_id")) {
            return padding.get("pad_id").asLong();
        }
        for (JsonNode token : root.path("added_tokens")) {
            String content = token.path("content").asText();
            if (content.equals("[PAD]") || content.equals("<pad>")) {
                return token.path("id").asLong();
            }
        }
        JsonNode vocab = root.path("model").path("vocab");
        if (vocab.has("[PAD]")) {
            return vocab.get("[PAD]").asLong();
        }
        return 0;
    }
}
