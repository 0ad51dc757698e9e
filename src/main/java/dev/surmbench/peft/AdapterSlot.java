package dev.surmbench.peft;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.surmbench.peft.core.ResidualBranch;

/**
 * A residual adapter position in a backbone: identity until an adapter method attaches a branch f,
 * then h ← h + f(h). Backbones place one after each attention output projection and one after each
 * feed-forward output projection (after their dropout, before the residual LayerNorm: Houlsby).
 *
 * <p>Shapes: [..., features] → [..., features]. No parameters of its own.
 */
public final class AdapterSlot extends AbstractBlock {
    private final AdapterPosition position;
    private final int features;
    private ResidualBranch branch;

    public AdapterSlot(AdapterPosition position, int features) {
        this.position = position;
        this.features = features;
    }

    /**
     * Attaches the branch. It is initialised with the backbone; when the backbone already is, the
     * caller ({@link PeftInjector}) initialises the branch itself.
     */
    public void attach(String name, ResidualBranch newBranch) {
        if (branch != null) {
            throw new IllegalStateException("adapter slot already holds an adapter");
        }
        branch = addChildBlock(name, newBranch);
    }

    public AdapterPosition position() {
        return position;
    }

    public int features() {
        return features;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray h = inputs.singletonOrThrow();
        if (branch == null) {
            return new NDList(h);
        }
        return new NDList(h.add(branch.forward(store, new NDList(h), training).head()));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        if (branch != null) {
            branch.initialize(manager, dataType, inputShapes);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
