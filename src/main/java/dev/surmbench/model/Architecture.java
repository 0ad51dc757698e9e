package dev.surmbench.model;

import dev.surmbench.peft.AdaptationSites;
import dev.surmbench.peft.AdapterPosition;
import dev.surmbench.peft.AdapterSite;
import dev.surmbench.peft.LinearSite;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The geometry of a known backbone and its module paths in Hugging Face style, enough to count
 * every method's parameters analytically without loading weights ({@code surm-bench params}).
 * Paths mirror the sequence/image classification models: {@code bert.encoder.layer.N.…} with head
 * {@code bert.pooler} + {@code classifier}; {@code vit.encoder.layer.N.…} with head {@code classifier}.
 */
public record Architecture(
        String name, Family family, int layers, int hidden, int intermediate,
        int vocabSize, int maxPositions, int typeVocabSize, int imageSize, int patchSize, int channels) {

    /** Text encoders (post-LayerNorm BERT) or vision transformers (pre-LayerNorm ViT). */
    public enum Family { BERT, VIT }

    private static final Map<String, Architecture> KNOWN = new LinkedHashMap<>();

    static {
        register(new Architecture("bert-base", Family.BERT, 12, 768, 3072, 30522, 512, 2, 0, 0, 0));
        register(new Architecture("minilm-l6", Family.BERT, 6, 384, 1536, 30522, 512, 2, 0, 0, 0));
        register(new Architecture("vit-b16", Family.VIT, 12, 768, 3072, 0, 0, 0, 224, 16, 3));
    }

    private static void register(Architecture a) {
        KNOWN.put(a.name(), a);
    }

    /** A known architecture by name; the error lists them. */
    public static Architecture named(String name) {
        Architecture a = KNOWN.get(name.toLowerCase(Locale.ROOT));
        if (a == null) {
            throw new IllegalArgumentException("unknown architecture '" + name + "'; known: " + String.join(", ", KNOWN.keySet()));
        }
        return a;
    }

    public static List<String> names() {
        return List.copyOf(KNOWN.keySet());
    }

    /** Module-path prefix of the encoder ("bert" or "vit"). */
    public String prefix() {
        return family == Family.BERT ? "bert" : "vit";
    }

    /** Module paths of the task head, trained by every method. */
    public List<String> headPrefixes() {
        return family == Family.BERT ? List.of("bert.pooler", "classifier") : List.of("classifier");
    }

    /** Scalars in the head for {@code labels} outputs (BERT: pooler d×d + bias, then classifier). */
    public long headParameters(int labels) {
        long classifier = (long) hidden * labels + labels;
        return family == Family.BERT ? (long) hidden * hidden + hidden + classifier : classifier;
    }

    /** The architecture of a config read from a checkpoint ({@code name} is for messages). */
    public static Architecture of(String name, BackboneConfig config) {
        if (config instanceof dev.surmbench.model.bert.BertConfig b) {
            return new Architecture(name, Family.BERT, b.numHiddenLayers(), b.hiddenSize(), b.intermediateSize(),
                    b.vocabSize(), b.maxPositionEmbeddings(), b.typeVocabSize(), 0, 0, 0);
        }
        if (config instanceof dev.surmbench.model.vit.VitConfig v) {
            return new Architecture(name, Family.VIT, v.numHiddenLayers(), v.hiddenSize(), v.intermediateSize(),
                    0, 0, 0, v.imageSize(), v.patchSize(), v.numChannels());
        }
        throw new IllegalArgumentException("unsupported config " + config);
    }

    /**
     * The sites of the first {@code layers} layers ({@code 0} = all), as a suite's {@code layers}
     * slice builds them; the base parameter counts stay those of the whole backbone.
     */
    public AdaptationSites sites(int layers) {
        AdaptationSites all = sites();
        if (layers <= 0) {
            return all;
        }
        String marker = ".layer.";
        java.util.function.ToIntFunction<String> layerOf = path -> {
            String rest = path.substring(path.indexOf(marker) + marker.length());
            return Integer.parseInt(rest.substring(0, rest.indexOf('.')));
        };
        return new AdaptationSites(all.linears().stream().filter(s -> layerOf.applyAsInt(s.path()) < layers).toList(),
                all.adapterSlots().stream().filter(s -> layerOf.applyAsInt(s.path()) < layers).toList(),
                all.baseParameters(), all.baseBiasParameters());
    }

    /**
     * The sites of the layers {@code adapted} selects among the first {@code layers} ({@code 0} =
     * all): only their projections and slots, and as base (and bias) counts only those layers' own
     * weights — what full fine-tuning (and BitFit) train when restricted to them.
     */
    public AdaptationSites sites(int layers, LayerSelection adapted) {
        AdaptationSites cut = sites(layers);
        if (adapted.isAll()) {
            return cut;
        }
        List<String> prefixes = adapted.modulePrefixes(prefix(), layers > 0 ? layers : this.layers);
        java.util.function.Predicate<String> selected = path -> prefixes.stream().anyMatch(p -> path.startsWith(p + "."));
        return new AdaptationSites(cut.linears().stream().filter(s -> selected.test(s.path())).toList(),
                cut.adapterSlots().stream().filter(s -> selected.test(s.path())).toList(),
                prefixes.size() * layerParameters(), prefixes.size() * layerBiases());
    }

    /** Bias scalars of one layer: the six projections' biases and the two LayerNorm shifts. */
    private long layerBiases() {
        return 4L * hidden + intermediate + hidden + 2L * hidden;
    }

    /** All scalars of one layer: projection weights, biases, LayerNorm scales. */
    private long layerParameters() {
        return 4L * hidden * hidden + 2L * hidden * intermediate + layerBiases() + 2L * hidden;
    }

    /** Adaptable projections, adapter slots and backbone sizes, derived from the geometry alone. */
    public AdaptationSites sites() {
        List<LinearSite> linears = new ArrayList<>();
        List<AdapterSite> slots = new ArrayList<>();
        String selfAttention = family == Family.BERT ? "attention.self" : "attention.attention";
        for (int i = 0; i < layers; i++) {
            String layer = prefix() + ".encoder.layer." + i + ".";
            for (String proj : List.of("query", "key", "value")) {
                linears.add(new LinearSite(layer + selfAttention + "." + proj, hidden, hidden));
            }
            linears.add(new LinearSite(layer + "attention.output.dense", hidden, hidden));
            linears.add(new LinearSite(layer + "intermediate.dense", hidden, intermediate));
            linears.add(new LinearSite(layer + "output.dense", intermediate, hidden));
            slots.add(new AdapterSite(layer + "attention.output.adapter", AdapterPosition.ATTENTION, hidden));
            slots.add(new AdapterSite(layer + "output.adapter", AdapterPosition.FFN, hidden));
        }
        long d = hidden;
        long base;
        long biases;
        if (family == Family.BERT) {
            long embeddings = (vocabSize + maxPositions + typeVocabSize) * d + 2 * d;
            base = embeddings + layers * layerParameters();
            biases = d + layers * layerBiases();
        } else {
            long patches = (long) (imageSize / patchSize) * (imageSize / patchSize);
            long embeddings = (long) channels * patchSize * patchSize * d + d + d + (patches + 1) * d;
            base = embeddings + layers * layerParameters() + 2 * d;
            biases = d + layers * layerBiases() + d; // patch projection, layers, final LayerNorm
        }
        return new AdaptationSites(linears, slots, base, biases);
    }
}
