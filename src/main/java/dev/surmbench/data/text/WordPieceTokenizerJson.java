package dev.surmbench.data.text;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a Hugging Face {@code tokenizer.json} for a BERT WordPiece vocabulary, because DJL's
 * tokenizer cannot read {@code vocab.txt} (the form the original TensorFlow BERT checkpoints ship).
 * The pipeline is BERT's: BertNormalizer (lower-casing optional), BertPreTokenizer, WordPiece with
 * {@code [UNK]} and {@code ##} continuations, and the template {@code [CLS] $A [SEP]} / {@code [CLS]
 * $A [SEP] $B:1 [SEP]:1}.
 */
public final class WordPieceTokenizerJson {

    private static final List<String> SPECIAL = List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]");

    private WordPieceTokenizerJson() {}

    /** The JSON for the vocabulary in {@code vocabTxt} (one token per line; id = 0-based line). */
    public static String fromVocabFile(Path vocabTxt, boolean lowercase) throws IOException {
        List<String> lines = Files.readAllLines(vocabTxt, StandardCharsets.UTF_8);
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines = lines.subList(0, lines.size() - 1);
        }
        return fromVocab(lines, lowercase);
    }

    /** The JSON for {@code vocab}; it must contain {@code [UNK]}, {@code [CLS]} and {@code [SEP]}. */
    public static String fromVocab(List<String> vocab, boolean lowercase) {
        for (String required : List.of("[UNK]", "[CLS]", "[SEP]")) {
            if (!vocab.contains(required)) {
                throw new IllegalArgumentException("a BERT vocabulary needs " + required);
            }
        }
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("version", "1.0");
        root.putNull("truncation");
        root.putNull("padding");
        ArrayNode added = root.putArray("added_tokens");
        for (String special : SPECIAL) {
            int id = vocab.indexOf(special);
            if (id >= 0) {
                added.addObject().put("id", id).put("content", special).put("single_word", false)
                        .put("lstrip", false).put("rstrip", false).put("normalized", false).put("special", true);
            }
        }
        root.putObject("normalizer").put("type", "BertNormalizer").put("clean_text", true)
                .put("handle_chinese_chars", true).putNull("strip_accents").put("lowercase", lowercase);
        root.putObject("pre_tokenizer").put("type", "BertPreTokenizer");
        ObjectNode post = root.putObject("post_processor").put("type", "TemplateProcessing");
        ArrayNode single = post.putArray("single");
        special(single, "[CLS]", 0);
        sequence(single, "A", 0);
        special(single, "[SEP]", 0);
        ArrayNode pair = post.putArray("pair");
        special(pair, "[CLS]", 0);
        sequence(pair, "A", 0);
        special(pair, "[SEP]", 0);
        sequence(pair, "B", 1);
        special(pair, "[SEP]", 1);
        ObjectNode specials = post.putObject("special_tokens");
        for (String token : List.of("[CLS]", "[SEP]")) {
            ObjectNode entry = specials.putObject(token).put("id", token);
            entry.putArray("ids").add(vocab.indexOf(token));
            entry.putArray("tokens").add(token);
        }
        root.putObject("decoder").put("type", "WordPiece").put("prefix", "##").put("cleanup", true);
        ObjectNode model = root.putObject("model").put("type", "WordPiece").put("unk_token", "[UNK]")
                .put("continuing_subword_prefix", "##").put("max_input_chars_per_word", 100);
        ObjectNode ids = model.putObject("vocab");
        for (int i = 0; i < vocab.size(); i++) {
            if (!ids.has(vocab.get(i))) {
                ids.put(vocab.get(i), i);
            }
        }
        return root.toString();
    }

    private static void special(ArrayNode template, String token, int typeId) {
        template.addObject().putObject("SpecialToken").put("id", token).put("type_id", typeId);
    }

    private static void sequence(ArrayNode template, String which, int typeId) {
        template.addObject().putObject("Sequence").put("id", which).put("type_id", typeId);
    }
}
