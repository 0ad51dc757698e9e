package dev.surmbench.model.vit;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import dev.surmbench.ops.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import dev.surmbench.model.nn.ModelBlock;

/**
 * ViT embeddings: [CLS; patches] + position embeddings, then dropout. Parameters
 * {@code cls_token} [1, 1, d] and {@code position_embeddings} [1, N+1, d]; child
 * {@code patch_embeddings.projection}. Input pixels [B, C, H, W] with H = W = image_size (no
 * interpolation of positions); output [B, N+1, d].
 */
public final class VitEmbeddings extends ModelBlock {
    private final VitConfig config;
    private final Parameter clsToken;
    private final Parameter positions;
    private final PatchEmbeddings patches;

    public VitEmbeddings(VitConfig c) {
        this.config = c;
        this.clsToken = addParameter(Parameter.builder().setName("cls_token").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(1, 1, c.hiddenSize())).optInitializer(new NormalInitializer(0.02f)).build());
        this.positions = addParameter(Parameter.builder().setName("position_embeddings").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(1, c.numPatches() + 1, c.hiddenSize())).optInitializer(new NormalInitializer(0.02f)).build());
        this.patches = addChildBlock("patch_embeddings", new PatchEmbeddings(c));
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray pixels = inputs.singletonOrThrow();
        Shape s = pixels.getShape();
        if (s.dimension() != 4 || s.get(1) != config.numChannels() || s.get(2) != config.imageSize() || s.get(3) != config.imageSize()) {
            throw new IllegalArgumentException("ViT expects pixels [batch, " + config.numChannels() + ", " + config.imageSize()
                    + ", " + config.imageSize() + "], got " + s);
        }
        NDArray x = patches.forward(store, inputs, training).head();
        NDArray cls = store.getValue(clsToken, x.getDevice(), training).broadcast(new Shape(s.get(0), 1, config.hiddenSize()));
        cls.attach(x.getManager());
        NDArray e = NDArrays.concat(new NDList(cls, x), 1).add(store.getValue(positions, x.getDevice(), training));
        if (config.hiddenDropoutProb() > 0 && training) {
            e = Dropout.apply(e, (float) config.hiddenDropoutProb(), true);
        }
        return new NDList(e);
    }

    /** Hugging Face {@code ViTPatchEmbeddings}: child {@code projection}; output [B, N, d]. */
    public static final class PatchEmbeddings extends ModelBlock {
        private final VitPatchProjection projection;

        PatchEmbeddings(VitConfig c) {
            this.projection = addChildBlock("projection", new VitPatchProjection(c.numChannels(), c.hiddenSize(), c.patchSize()));
        }

        @Override
        protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
            NDArray y = projection.forward(store, inputs, training).head(); // [B, d, g, g]
            Shape s = y.getShape();
            return new NDList(y.reshape(s.get(0), s.get(1), s.get(2) * s.get(3)).transpose(0, 2, 1));
        }
    }
}
