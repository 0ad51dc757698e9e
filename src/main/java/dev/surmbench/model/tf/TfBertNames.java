package dev.surmbench.model.tf;

import dev.surmbench.model.WeightTensor;
import dev.surmbench.model.TensorSet;
import dev.surmbench.model.WeightLoadException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps Google's TensorFlow BERT variable names to Hugging Face names:
 * {@code [module/]bert/encoder/layer_3/attention/self/query/kernel} →
 * {@code encoder.layer.3.attention.self.query.weight} (kernels [in, out] transposed to
 * [out, in]), {@code …/gamma|beta} → {@code weight|bias}, {@code bert/embeddings/word_embeddings} →
 * {@code embeddings.word_embeddings.weight}; the masked-LM head {@code cls/predictions/…} keeps
 * its {@code cls.predictions.} prefix ({@code output_bias} → {@code cls.predictions.bias}).
 */
public final class TfBertNames {
    private static final Pattern LAYER = Pattern.compile("layer_(\\d+)");

    private TfBertNames() {}

    /** The tensors of a TF BERT checkpoint under Hugging Face names. */
    public static TensorSet toHuggingFace(TensorSet tf) {
        Map<String, WeightTensor> out = new LinkedHashMap<>();
        for (Map.Entry<String, WeightTensor> e : tf.tensors().entrySet()) {
            String tfName = e.getKey();
            WeightTensor t = e.getValue();
            String name = rename(tfName);
            if (name == null) {
                throw new WeightLoadException(tf.file(), tfName, "not a BERT variable (expected bert/… or cls/…)");
            }
            if (tfName.endsWith("/kernel")) {
                if (t.rank() != 2) {
                    throw new WeightLoadException(tf.file(), tfName, "kernel is not rank 2");
                }
                t = t.transpose2d();
            }
            if (out.put(name, t) != null) {
                throw new WeightLoadException(tf.file(), tfName, "two variables map to '" + name + "'");
            }
        }
        return new TensorSet(tf.file(), out);
    }

    /** The Hugging Face name of a TF variable, or null if it is not part of BERT. */
    static String rename(String tfName) {
        String n = tfName.startsWith("module/") ? tfName.substring("module/".length()) : tfName;
        if (n.startsWith("bert/")) {
            n = n.substring("bert/".length());
        } else if (!n.startsWith("cls/")) {
            return null;
        }
        if (n.equals("cls/predictions/output_bias")) {
            return "cls.predictions.bias";
        }
        Matcher m = LAYER.matcher(n);
        n = m.replaceAll("layer/$1");
        String[] parts = n.split("/");
        String last = parts[parts.length - 1];
        String suffix = switch (last) {
            case "kernel", "gamma" -> "weight";
            case "beta", "bias" -> "bias";
            default -> null;
        };
        StringBuilder sb = new StringBuilder();
        int stem = suffix == null ? parts.length : parts.length - 1;
        for (int i = 0; i < stem; i++) {
            sb.append(i == 0 ? "" : ".").append(parts[i]);
        }
        sb.append('.').append(suffix == null ? "weight" : suffix);
        return sb.toString();
    }
}
