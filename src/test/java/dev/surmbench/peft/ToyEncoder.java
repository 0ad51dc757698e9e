package dev.surmbench.peft;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * A small test backbone with BERT's module paths ({@code bert.encoder.layer.N.attention.self.query},
 * {@code …attention.output.dense}, {@code …intermediate.dense}, {@code …output.dense}, adapter slots,
 * {@code bert.pooler.dense}, {@code classifier}) but a simple residual MLP body, so PEFT properties
 * are tested without the real encoder. Shapes: [B, T, hidden] → [B, labels].
 */
final class ToyEncoder extends AbstractBlock {
    static final List<String> HEAD = List.of("bert.pooler", "classifier");

    private final Container bert = new Container();
    private final Block classifier;
    private final List<Layer> layers = new ArrayList<>();
    private final Block poolerDense;

    ToyEncoder(int layerCount, int hidden, int intermediate, int labels) {
        Container encoder = bert.add("encoder", new Container());
        Container layerList = encoder.add("layer", new Container());
        for (int i = 0; i < layerCount; i++) {
            layers.add(layerList.add(Integer.toString(i), new Layer(hidden, intermediate)));
        }
        Container pooler = bert.add("pooler", new Container());
        poolerDense = pooler.add("dense", Linear.builder().setUnits(hidden).build());
        addChildBlock("bert", bert);
        classifier = addChildBlock("classifier", Linear.builder().setUnits(labels).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> p) {
        NDArray h = inputs.head();
        for (Layer layer : layers) {
            h = layer.forward(ps, new NDList(h), training).head();
        }
        NDArray cls = h.get(":, 0, :");
        NDArray pooled = poolerDense.forward(ps, new NDList(cls), training).head().tanh();
        return classifier.forward(ps, new NDList(pooled), training);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape in = inputShapes[0];
        for (Layer layer : layers) {
            layer.initialize(manager, dataType, in);
        }
        poolerDense.initialize(manager, dataType, new Shape(in.get(0), in.get(2)));
        classifier.initialize(manager, dataType, new Shape(in.get(0), in.get(2)));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), 2)};
    }

    /** A block that only groups named children, like an nn.Module container. */
    static final class Container extends AbstractBlock {
        <B extends Block> B add(String name, B block) {
            return addChildBlock(name, block);
        }

        @Override
        protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training, PairList<String, Object> p) {
            throw new UnsupportedOperationException("container");
        }

        @Override
        public Shape[] getOutputShapes(Shape[] inputShapes) {
            return inputShapes;
        }
    }

    /** attention (q, k, v, output.dense, output.adapter) and FFN (intermediate, output, adapter). */
    static final class Layer extends AbstractBlock {
        final AdaptableLinear query;
        final AdaptableLinear key;
        final AdaptableLinear value;
        final AdaptableLinear attentionOut;
        final AdapterSlot attentionAdapter;
        final AdaptableLinear intermediate;
        final AdaptableLinear output;
        final AdapterSlot outputAdapter;

        Layer(int hidden, int inter) {
            Container attention = addChildBlock("attention", new Container());
            Container self = attention.add("self", new Container());
            query = self.add("query", new AdaptableLinear(hidden, hidden, true));
            key = self.add("key", new AdaptableLinear(hidden, hidden, true));
            value = self.add("value", new AdaptableLinear(hidden, hidden, true));
            Container attentionOutput = attention.add("output", new Container());
            attentionOut = attentionOutput.add("dense", new AdaptableLinear(hidden, hidden, true));
            attentionAdapter = attentionOutput.add("adapter", new AdapterSlot(AdapterPosition.ATTENTION, hidden));
            intermediate = addChildBlock("intermediate", new Container()).add("dense", new AdaptableLinear(hidden, inter, true));
            Container out = addChildBlock("output", new Container());
            output = out.add("dense", new AdaptableLinear(inter, hidden, true));
            outputAdapter = out.add("adapter", new AdapterSlot(AdapterPosition.FFN, hidden));
        }

        @Override
        protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training, PairList<String, Object> p) {
            NDArray h = in.head();
            NDArray mixed = f(query, ps, h, training).mul(f(key, ps, h, training).tanh()).add(f(value, ps, h, training));
            NDArray attn = f(attentionAdapter, ps, f(attentionOut, ps, mixed, training), training);
            h = h.add(attn).tanh();
            NDArray ffn = f(outputAdapter, ps, f(output, ps, Activation.gelu(f(intermediate, ps, h, training)), training), training);
            return new NDList(h.add(ffn));
        }

        private static NDArray f(Block b, ParameterStore ps, NDArray x, boolean training) {
            return b.forward(ps, new NDList(x), training).head();
        }

        @Override
        protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
            Shape in = inputShapes[0];
            Shape inter = in.slice(0, 2).add(intermediate.outFeatures());
            for (Block b : List.of(query, key, value, attentionOut, attentionAdapter, intermediate, outputAdapter)) {
                b.initialize(manager, dataType, in);
            }
            output.initialize(manager, dataType, inter);
        }

        @Override
        public Shape[] getOutputShapes(Shape[] inputShapes) {
            return inputShapes;
        }
    }
}
