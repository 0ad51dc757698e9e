package dev.surmbench.model.onnx;

import java.util.List;
import java.util.Map;

/**
 * The parts of an ONNX model that weight extraction needs: the graph's nodes, its initialisers by
 * name (in file order), and the names of its inputs and outputs.
 *
 * @param file the file or resource read
 * @param nodes computation nodes in graph order
 * @param initializers constant tensors by name
 * @param inputs graph input names (initialisers excluded where the exporter listed them)
 * @param outputs graph output names
 */
public record OnnxGraph(
        String file, List<Node> nodes, Map<String, Initializer> initializers, List<String> inputs, List<String> outputs) {

    public OnnxGraph {
        nodes = List.copyOf(nodes);
        initializers = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(initializers));
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }

    /** A NodeProto: operator type, name, input and output value names. */
    public record Node(String name, String opType, List<String> inputs, List<String> outputs) {
        public Node {
            inputs = List.copyOf(inputs);
            outputs = List.copyOf(outputs);
        }
    }

    /**
     * A TensorProto initialiser. {@code floats} holds the values for FLOAT tensors and is null for
     * any other data type (which weight extraction does not load).
     */
    public record Initializer(String name, int dataType, long[] dims, float[] floats) {
        /** ONNX TensorProto.DataType FLOAT. */
        public static final int FLOAT = 1;

        public boolean isFloat() {
            return dataType == FLOAT;
        }
    }
}
