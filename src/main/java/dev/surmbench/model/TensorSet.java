package dev.surmbench.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Named float32 tensors read from one weight file, in the file's order, with the file named for
 * error messages. Names are canonical Hugging Face names of the bare encoder
 * ({@code embeddings.word_embeddings.weight}, {@code encoder.layer.0.attention.self.query.weight},
 * {@code pooler.dense.weight}, ViT {@code embeddings.cls_token} …); heads keep their own prefixes
 * ({@code cls.predictions.…}, {@code classifier.…}).
 *
 * @param file the file or resource the tensors came from
 * @param tensors tensors by name
 */
public record TensorSet(String file, Map<String, WeightTensor> tensors) {
    public TensorSet {
        tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
    }

    public Set<String> names() {
        return tensors.keySet();
    }

    public boolean contains(String name) {
        return tensors.containsKey(name);
    }

    /** The tensor by name; a missing one is a {@link WeightLoadException} naming file and tensor. */
    public WeightTensor require(String name) {
        WeightTensor t = tensors.get(name);
        if (t == null) {
            throw new WeightLoadException(file, name, "missing tensor (the file has " + tensors.size() + " tensors)");
        }
        return t;
    }

    /** Total scalars held. */
    public long size() {
        long n = 0;
        for (WeightTensor t : tensors.values()) {
            n += t.data().length;
        }
        return n;
    }

    /**
     * The same tensors with {@code prefix + "."} removed from the names that carry it (e.g. a
     * {@code BertForSequenceClassification} checkpoint's {@code bert.} prefix); other names are kept.
     */
    public TensorSet stripPrefix(String prefix) {
        Map<String, WeightTensor> out = new LinkedHashMap<>();
        for (Map.Entry<String, WeightTensor> e : tensors.entrySet()) {
            String name = e.getKey().startsWith(prefix + ".") ? e.getKey().substring(prefix.length() + 1) : e.getKey();
            if (out.put(name, e.getValue()) != null) {
                throw new WeightLoadException(file, e.getKey(), "name clashes with '" + name + "' once the '" + prefix + ".' prefix is removed");
            }
        }
        return new TensorSet(file, out);
    }
}
