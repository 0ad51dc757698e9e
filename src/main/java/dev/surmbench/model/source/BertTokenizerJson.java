package dev.surmbench.model.source;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Builds a Hugging Face {@code tokenizer.json} for a BERT WordPiece vocabulary ({@code vocab.txt},
 * one token per line, id = line number), equivalent to {@code BertTokenizerFast}: BertNormalizer
 * (clean text, CJK spacing, lowercase + accent stripping when uncased), BertPreTokenizer, WordPiece
 * with "##" continuation and [UNK], and the [CLS] A [SEP] (B [SEP]) template.
 */
public final class BertTokenizerJson {
    private static final Set<String> SPECIAL = Set.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]");
    private static final ObjectMapper JSON = new ObjectMapper();

    private BertTokenizerJson() {}

    /** The tokenizer.json text for {@code vocab}. */
    public static String build(List<String> vocab, boolean lowercase) {
        for (String s : List.of("[UNK]", "[CLS]", "[SEP]")) {
            if (!vocab.contains(s)) {
                throw new IllegalArgumentException("vocabulary has no " + s + " token");
            }
        }
        ObjectNode root = JSON.createObjectNode();
        root.put("version", "1.0");
        root.putNull("truncation");
        root.putNull("padding");
        ArrayNode added = root.putArray("added_tokens");
        for (int id = 0; id < vocab.size(); id++) {
            if (SPECIAL.contains(vocab.get(id))) {
                added.addObject().put("id", id).put("content", vocab.get(id)).put("single_word", false).put("lstrip", false)
                        .put("rstrip", false).put("normalized", false).put("special", true);
            }
        }
        ObjectNode normalizer = root.putObject("normalizer");
        normalizer.put("type", "BertNormalizer").put("clean_text", true).put("handle_chinese_chars", true).putNull("strip_accents");
        normalizer.put("lowercase", lowercase);
        root.putObject("pre_tokenizer").put("type", "BertPreTokenizer");
        ObjectNode post = root.putObject("post_processor");
        post.put("type", "TemplateProcessing");
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
        for (String s : List.of("[CLS]", "[SEP]")) {
            ObjectNode t = specials.putObject(s);
            t.put("id", s);
            t.putArray("ids").add(vocab.indexOf(s));
            t.putArray("tokens").add(s);
        }
        root.putObject("decoder").put("type", "WordPiece").put("prefix", "##").put("cleanup", true);
        ObjectNode model = root.putObject("model");
        model.put("type", "WordPiece").put("unk_token", "[UNK]").put("continuing_subword_prefix", "##").put("max_input_chars_per_word", 100);
        ObjectNode v = model.putObject("vocab");
        for (int id = 0; id < vocab.size(); id++) {
            if (!v.has(vocab.get(id))) {
                v.put(vocab.get(id), id);
            }
        }
        return root.toString();
    }

    private static void special(ArrayNode a, String id, int type) {
        a.addObject().putObject("SpecialToken").put("id", id).put("type_id", type);
    }

    private static void sequence(ArrayNode a, String id, int type) {
        a.addObject().putObject("Sequence").put("id", id).put("type_id", type);
    }

    /** Writes the tokenizer for a {@code vocab.txt} body to a scratch file and returns its path. */
    public static Path materialize(byte[] vocabTxt, boolean lowercase, String name) {
        List<String> vocab = new String(vocabTxt, StandardCharsets.UTF_8).lines().toList();
        return Resources.materialize(build(vocab, lowercase).getBytes(StandardCharsets.UTF_8), name);
    }
}
