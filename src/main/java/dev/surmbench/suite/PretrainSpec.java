package dev.surmbench.suite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.surmbench.model.vit.VitConfig;
import dev.surmbench.util.Sha256;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@code pretrain:} stage of a suite: a ViT of the given geometry trained from seeded random
 * weights on an image dataset (all parameters, cross-entropy), evaluated on that dataset's test
 * split, and saved as a Hugging Face checkpoint folder. Runs name it as {@code backbone:
 * pretrain:NAME}; the parser turns that into {@code pretrain:NAME@HASH}, so a run's id changes with
 * the stage's configuration. The hash covers everything that determines the weights (not the name,
 * not where the data is read from) and names the cache folder, so a later invocation — of this suite
 * or of another one declaring the same stage — reuses the checkpoint.
 *
 * @param name the name runs refer to
 * @param dataset an image dataset name ({@code ImageSource}), canonical
 * @param vit the backbone geometry
 * @param epochs passes over the training images
 * @param batchSize training batch size
 * @param learningRate peak AdamW learning rate (linear warm-up and decay)
 * @param weightDecay decoupled weight decay
 * @param warmupRatio share of steps of warm-up
 * @param maxGradNorm global gradient-norm clip (0 = none)
 * @param trainLimit stratified training subset (0 = all)
 * @param evalLimit stratified test subset used for the reported accuracy (0 = all)
 * @param seed the stage's own seed (init, data order, subsets), independent of the runs' seeds
 * @param dataDir images root ("" = the default, see {@code ImageSource.root()}); not hashed
 */
public record PretrainSpec(String name, String dataset, VitConfig vit, int epochs, int batchSize, double learningRate,
                           double weightDecay, double warmupRatio, double maxGradNorm, int trainLimit, int evalLimit,
                           long seed, String dataDir) {

    /** Bumped when the pretraining procedure changes in a way that changes the weights. */
    public static final int PROCEDURE_VERSION = 1;

    private static final ObjectMapper CANONICAL = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    public PretrainSpec {
        if (name == null || !name.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("a pretrain stage name is letters, digits, '.', '_' or '-', got '" + name + "'");
        }
        if (epochs < 1 || batchSize < 1 || trainLimit < 0 || evalLimit < 0 || seed < 0) {
            throw new IllegalArgumentException("pretrain stage '" + name + "': epochs and batch_size must be ≥ 1, limits and seed ≥ 0");
        }
        if (!(learningRate > 0) || weightDecay < 0 || warmupRatio < 0 || warmupRatio > 1 || maxGradNorm < 0) {
            throw new IllegalArgumentException("pretrain stage '" + name + "': learning_rate must be > 0, weight_decay and "
                    + "max_grad_norm ≥ 0, warmup_ratio in [0, 1]");
        }
        dataDir = dataDir == null ? "" : dataDir;
    }

    /** Everything that determines the weights, as a sorted map. */
    public Map<String, Object> identity() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("procedure_version", PROCEDURE_VERSION);
        m.put("dataset", dataset);
        m.put("image_size", vit.imageSize());
        m.put("patch_size", vit.patchSize());
        m.put("channels", vit.numChannels());
        m.put("hidden_size", vit.hiddenSize());
        m.put("layers", vit.numHiddenLayers());
        m.put("heads", vit.numAttentionHeads());
        m.put("intermediate_size", vit.intermediateSize());
        m.put("layer_norm_eps", vit.layerNormEps());
        m.put("hidden_dropout", vit.hiddenDropoutProb());
        m.put("attention_dropout", vit.attentionProbsDropoutProb());
        m.put("epochs", epochs);
        m.put("batch_size", batchSize);
        m.put("learning_rate", learningRate);
        m.put("weight_decay", weightDecay);
        m.put("warmup_ratio", warmupRatio);
        m.put("max_grad_norm", maxGradNorm);
        m.put("train_limit", trainLimit);
        m.put("eval_limit", evalLimit);
        m.put("seed", seed);
        return m;
    }

    /** First 16 hex digits of the SHA-256 of the canonical JSON of {@link #identity()}. */
    public String hash() {
        try {
            return Sha256.of(CANONICAL.writeValueAsString(identity())).substring(0, 16);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot hash pretrain stage " + name, e);
        }
    }

    /** The backbone value runs carry: {@code pretrain:NAME@HASH}. */
    public String backboneRef() {
        return BACKBONE_PREFIX + name + "@" + hash();
    }

    /** The prefix of backbone values that name a stage. */
    public static final String BACKBONE_PREFIX = "pretrain:";

    /** The hash of a resolved backbone value {@code pretrain:NAME@HASH}, or null for other values. */
    public static String hashOf(String backbone) {
        if (backbone == null || !backbone.startsWith(BACKBONE_PREFIX) || !backbone.contains("@")) {
            return null;
        }
        return backbone.substring(backbone.lastIndexOf('@') + 1);
    }

    /** The stage name of a backbone value {@code pretrain:NAME[@HASH]}, or null for other values. */
    public static String nameOf(String backbone) {
        if (backbone == null || !backbone.startsWith(BACKBONE_PREFIX)) {
            return null;
        }
        String rest = backbone.substring(BACKBONE_PREFIX.length());
        return rest.contains("@") ? rest.substring(0, rest.indexOf('@')) : rest;
    }
}
