package dev.surmbench.peft;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import dev.surmbench.ops.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import dev.surmbench.peft.core.StructuredOperator;
import dev.surmbench.ops.Scalars;

/**
 * A dense projection y = x·Wᵀ + b that a LoRA-style method can adapt in place:
 * y = x·Wᵀ + b + s·ΔW·dropout(x) — computed as x·(W + s·ΔW)ᵀ + b when the update asks for it
 * ({@link StructuredOperator#appliesThroughWeight}) and has no input dropout. Backbones build their attention and feed-forward projections
 * from this block, so the injector needs no knowledge of the model.
 *
 * <p>Parameters: {@code weight} [out, in] and {@code bias} [out] (Hugging Face layout and names);
 * child: the update operator, named after its method. Shapes: [..., in] → [..., out].
 */
public final class AdaptableLinear extends AbstractBlock {
    private final int inFeatures;
    private final int outFeatures;
    private final Parameter weight;
    private final Parameter bias;
    private StructuredOperator update;
    private float scale;
    private float dropout;
    private boolean merged;

    public AdaptableLinear(int inFeatures, int outFeatures, boolean hasBias) {
        this.inFeatures = inFeatures;
        this.outFeatures = outFeatures;
        this.weight = addParameter(Parameter.builder()
                .setName("weight")
                .setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(outFeatures, inFeatures))
                .optInitializer(new NormalInitializer(0.02f))
                .build());
        this.bias = hasBias
                ? addParameter(Parameter.builder()
                        .setName("bias")
                        .setType(Parameter.Type.BIAS)
                        .optShape(new Shape(outFeatures))
                        .build())
                : null;
    }

    /**
     * Attaches ΔW with its scale s and input dropout. If the projection is already initialised the
     * operator is initialised at once (from its own seeded initialisers).
     */
    public void attachUpdate(String name, StructuredOperator operator, float scale, float dropout) {
        if (update != null) {
            throw new IllegalStateException("projection already carries an update; stack methods by merging first");
        }
        if (operator.inFeatures() != inFeatures || operator.outFeatures() != outFeatures) {
            throw new IllegalArgumentException("update shape " + operator.outFeatures() + "x" + operator.inFeatures()
                    + " does not fit projection " + outFeatures + "x" + inFeatures);
        }
        this.update = addChildBlock(name, operator);
        this.scale = scale;
        this.dropout = dropout;
        if (weight.isInitialized()) {
            NDManager manager = weight.getArray().getManager();
            operator.initialize(manager, weight.getArray().getDataType(), new Shape(1, inFeatures));
        }
    }

    /** Folds s·ΔW into the frozen weight; forward then skips the update path. */
    public void merge() {
        requireMergeable();
        if (!merged) {
            weight.getArray().addi(scaledDelta());
            merged = true;
        }
    }

    /** Reverses {@link #merge()}. */
    public void unmerge() {
        requireMergeable();
        if (merged) {
            weight.getArray().subi(scaledDelta());
            merged = false;
        }
    }

    private NDArray scaledDelta() {
        NDManager manager = weight.getArray().getManager();
        return Scalars.mul(update.dense(new ParameterStore(manager, false), false), scale);
    }

    private void requireMergeable() {
        if (update == null) {
            throw new IllegalStateException("no update attached to merge");
        }
        if (weight.requiresGradient()) {
            throw new IllegalStateException("merging needs a frozen base weight");
        }
    }

    public boolean isMerged() {
        return merged;
    }

    public StructuredOperator update() {
        return update;
    }

    public float updateScale() {
        return scale;
    }

    public int inFeatures() {
        return inFeatures;
    }

    public int outFeatures() {
        return outFeatures;
    }

    public Parameter weight() {
        return weight;
    }

    public Parameter bias() {
        return bias;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray w = store.getValue(weight, x.getDevice(), training);
        if (update != null && !merged && dropout == 0 && update.appliesThroughWeight()) {
            // ΔWᵀ = ΔW applied to the identity, through the operator's own FFT path: its gradient is
            // deterministic, unlike the index-scatter backward of the gathered dense form (PyTorch's CPU
            // put_/index_put_ accumulate with atomic float adds across threads).
            NDArray identity = x.getManager().eye(inFeatures);
            w = w.add(Scalars.mul(update.apply(store, identity, training).transpose(), scale));
            return new NDList(bias == null ? Linear.linear(x, w).head()
                    : Linear.linear(x, w, store.getValue(bias, x.getDevice(), training)).head());
        }
        NDArray y = bias == null
                ? Linear.linear(x, w).head()
                : Linear.linear(x, w, store.getValue(bias, x.getDevice(), training)).head();
        if (update != null && !merged) {
            NDArray in = dropout > 0 ? Dropout.apply(x, dropout, training) : x;
            // The scale is applied after the operator on purpose: its backward hands the FFT
            // kernels a dense gradient (see Spectral).
            NDArray delta = Scalars.mul(update.forward(store, new NDList(in), training).head(), scale);
            y = y.add(delta);
        }
        return new NDList(y);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        if (update != null) {
            update.initialize(manager, dataType, inputShapes);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        return new Shape[] {in.slice(0, in.dimension() - 1).add(outFeatures)};
    }
}
