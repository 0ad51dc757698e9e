package dev.surmbench.model;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import dev.surmbench.model.bert.BertForSequenceClassification;
import dev.surmbench.model.bert.BertModel;
import dev.surmbench.ops.NoGradient;
import dev.surmbench.model.vit.VitForImageClassification;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A pretrained encoder with a task head, ready for PEFT injection and training; owns the DJL
 * {@link Model} (and so the {@link NDManager} holding every parameter) and closes it.
 *
 * <p>Text ({@link BertForSequenceClassification}): inputs (input_ids [B, T], token_type_ids
 * [B, T], attention_mask [B, T]), int64; logits [B, numLabels]. Images
 * ({@link VitForImageClassification}): inputs (pixel_values [B, C, H, W] float32, normalised);
 * logits [B, numLabels]. One label means a regression head (STS-B).
 */
public final class ClassificationModel implements AutoCloseable {
    private final Model model;
    private final Block block;
    private final BackboneConfig config;
    private final int numLabels;
    private final String source;
    private final Path tokenizer;
    private final LoadReport report;

    ClassificationModel(Model model, BackboneConfig config, int numLabels, String source, Path tokenizer, LoadReport report) {
        this.model = model;
        this.block = model.getBlock();
        this.config = config;
        this.numLabels = numLabels;
        this.source = source;
        this.tokenizer = tokenizer;
        this.report = report;
    }

    /** The root block: {@code bert.…}/{@code vit.…} encoder plus {@code classifier}. */
    public Block block() {
        return block;
    }

    /** The manager owning every parameter; create inputs on a sub-manager of it. */
    public NDManager manager() {
        return model.getNDManager();
    }

    public BackboneConfig config() {
        return config;
    }

    public Architecture.Family family() {
        return config.family();
    }

    public int numLabels() {
        return numLabels;
    }

    /** True for a one-output regression head. */
    public boolean isRegression() {
        return numLabels == 1;
    }

    /** The source spec the weights came from ("random" for a seeded model). */
    public String source() {
        return source;
    }

    /** Module paths of the task head (always trainable), for {@code PeftInjector}. */
    public List<String> headPrefixes() {
        return config.headPrefixes();
    }

    /** The tokenizer.json of a text model. */
    public Optional<Path> tokenizerPath() {
        return Optional.ofNullable(tokenizer);
    }

    public LoadReport loadReport() {
        return report;
    }

    /** Logits [B, numLabels] for the inputs described in the class comment. */
    public NDArray forward(NDList inputs, boolean training) {
        return block.forward(new ParameterStore(manager(), false), inputs, training).head();
    }

    /** Logits with a caller's parameter store (e.g. a trainer's). */
    public NDArray forward(ParameterStore store, NDList inputs, boolean training) {
        return block.forward(store, inputs, training).head();
    }

    /** The encoder's last hidden state [B, T, d] (text) or [B, N+1, d] (images), no head. */
    public NDArray lastHiddenState(NDList inputs, boolean training) {
        ParameterStore store = new ParameterStore(manager(), false);
        if (block instanceof BertForSequenceClassification bert) {
            return bert.bert().lastHiddenState(store, inputs, training);
        }
        return ((VitForImageClassification) block).vit().forward(store, inputs, training).head();
    }

    /**
     * Makes {@link #forward} start at encoder layer {@code layer} (text models): inputs become the
     * hidden states entering that layer [B, T, d] and the attention mask [B, T].
     */
    public void enterAt(int layer) {
        bert("an entry layer").setEntryLayer(layer);
    }

    /**
     * The hidden states entering encoder layer {@code layer} [B, T, d] for token inputs (ids, token
     * types, mask): embeddings and the layers below, in evaluation mode, without autograd.
     */
    public NDArray hiddenStatesBefore(NDList inputs, int layer) {
        BertModel bert = bert("a frozen prefix");
        try (NoGradient off = NoGradient.enter()) {
            return bert.hiddenStatesBefore(new ParameterStore(manager(), false), inputs, layer);
        }
    }

    private BertModel bert(String what) {
        if (block instanceof BertForSequenceClassification bert) {
            return bert.bert();
        }
        throw new UnsupportedOperationException(what + " needs a text (BERT) encoder; this model is " + config.family());
    }

    /** Freezes (or unfreezes) every parameter, e.g. for inference without gradient tracking. */
    public void freezeAll(boolean frozen) {
        for (Parameter p : block.getParameters().values()) {
            p.freeze(frozen);
        }
    }

    @Override
    public void close() {
        model.close();
    }
}
