package dev.surmbench.peft.core;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.surmbench.peft.ParameterCount;

/**
 * A trainable linear map ΔW: R^in → R^out held in structured form (low-rank, circulant, Toeplitz,
 * Kronecker, low displacement rank). LoRA-style updates scale it and add it beside a frozen
 * projection; structured adapters put an activation after it.
 *
 * <p>Shapes: input [..., in] → output [..., out]; {@link #dense} is ΔW as [out, in], built by
 * explicit index formulas, independent of the fast {@link #apply} path.
 */
public abstract class StructuredOperator extends AbstractBlock implements PeftModule {
    protected final int inFeatures;
    protected final int outFeatures;

    protected StructuredOperator(int inFeatures, int outFeatures) {
        this.inFeatures = inFeatures;
        this.outFeatures = outFeatures;
    }

    /** ΔW·x for x: [N, in] → [N, out]. */
    public abstract NDArray apply(ParameterStore store, NDArray x, boolean training);

    /** ΔW as a dense [out, in] array (differentiable in the parameters). */
    public abstract NDArray dense(ParameterStore store, boolean training);

    /**
     * True when a LoRA-style projection should apply this update as part of its weight, y = x·(W + s·ΔW)ᵀ,
     * with ΔWᵀ = apply(I) (the weight gradient of that one product flows back into the structure
     * through the operator's own kernels), instead of adding s·apply(x). That costs the kernels on d_in
     * rows per step however many tokens there are, plus one weight gradient, while applying to the
     * activations costs the kernels on every token each way; for structures whose kernels need several
     * transforms per block (Toeplitz: two zero-padded round trips; LDR: one per rank) the first is the
     * faster one at training batch sizes. Same matrix, so the same numbers up to float rounding.
     */
    public boolean appliesThroughWeight() {
        return false;
    }

    /** Scalars actually stored, and effective degrees of freedom where they differ. */
    public ParameterCount parameterCount() {
        long stored = 0;
        for (Parameter p : getDirectParameters().values()) {
            stored += p.getShape().size();
        }
        return new ParameterCount(stored, effectiveParameters(stored));
    }

    /** Effective degrees of freedom given the stored count; equal unless over-parameterised. */
    protected long effectiveParameters(long stored) {
        return stored;
    }

    public int inFeatures() {
        return inFeatures;
    }

    public int outFeatures() {
        return outFeatures;
    }

    protected NDArray value(ParameterStore store, Parameter parameter, NDArray like, boolean training) {
        return store.getValue(parameter, like.getDevice(), training);
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        Shape shape = x.getShape();
        NDArray flat = x.reshape(-1, inFeatures);
        NDArray y = apply(store, flat, training);
        return new NDList(y.reshape(shape.slice(0, shape.dimension() - 1).add(outFeatures)));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        return new Shape[] {in.slice(0, in.dimension() - 1).add(outFeatures)};
    }
}
