package dev.surmbench.model.onnx;

import dev.surmbench.model.WeightTensor;
import dev.surmbench.model.TensorSet;
import dev.surmbench.model.WeightLoadException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Names the float32 weights of an exported Hugging Face encoder. Exporters keep bias, LayerNorm
 * and embedding initialisers under their PyTorch names but store every linear weight as an
 * anonymous, pre-transposed {@code onnx::MatMul_N} [in, out]. Each of those is named by following
 * its MatMul node to the Add that adds a named bias {@code X.bias}: it becomes {@code X.weight},
 * transposed to [out, in]. A MatMul weight that cannot be named this way is an error; non-float
 * initialisers (e.g. the int64 {@code embeddings.position_ids} buffer) are not weights and are
 * left out.
 */
public final class OnnxWeights {
    private static final String BIAS = ".bias";

    private OnnxWeights() {}

    /** The named float weights of {@code graph}, linear weights in [out, in] layout. */
    public static TensorSet extract(OnnxGraph graph) {
        String file = graph.file();
        Map<String, List<OnnxGraph.Node>> consumers = new HashMap<>();
        for (OnnxGraph.Node n : graph.nodes()) {
            for (String in : n.inputs()) {
                consumers.computeIfAbsent(in, k -> new ArrayList<>()).add(n);
            }
        }
        Map<String, WeightTensor> out = new LinkedHashMap<>();
        for (OnnxGraph.Initializer init : graph.initializers().values()) {
            if (!init.isFloat()) {
                continue;
            }
            WeightTensor tensor = new WeightTensor(init.dims(), init.floats());
            String name = init.name();
            if (isAnonymous(name)) {
                name = nameMatMulWeight(graph, init, consumers);
                if (tensor.rank() != 2) {
                    throw new WeightLoadException(file, init.name(), "MatMul weight for '" + name + "' is not rank 2");
                }
                tensor = tensor.transpose2d();
            }
            if (out.put(name, tensor) != null) {
                throw new WeightLoadException(file, init.name(), "two initializers map to the weight name '" + name + "'");
            }
        }
        return new TensorSet(file, out);
    }

    private static boolean isAnonymous(String name) {
        return name.startsWith("onnx::");
    }

    private static String nameMatMulWeight(OnnxGraph graph, OnnxGraph.Initializer init, Map<String, List<OnnxGraph.Node>> consumers) {
        String file = graph.file();
        List<OnnxGraph.Node> users = consumers.getOrDefault(init.name(), List.of());
        if (users.size() != 1 || !users.get(0).opType().equals("MatMul") || users.get(0).inputs().size() != 2
                || !users.get(0).inputs().get(1).equals(init.name())) {
            throw new WeightLoadException(file, init.name(), "anonymous initializer is not the weight (second input) of exactly one MatMul");
        }
        OnnxGraph.Node matMul = users.get(0);
        for (OnnxGraph.Node add : consumers.getOrDefault(matMul.outputs().get(0), List.of())) {
            if (!add.opType().equals("Add")) {
                continue;
            }
            for (String operand : add.inputs()) {
                OnnxGraph.Initializer bias = graph.initializers().get(operand);
                if (bias != null && bias.isFloat() && operand.endsWith(BIAS) && !isAnonymous(operand)) {
                    return operand.substring(0, operand.length() - BIAS.length()) + ".weight";
                }
            }
        }
        throw new WeightLoadException(file, init.name(), "cannot name MatMul weight: no Add with a named '*.bias' initializer follows MatMul '"
                + matMul.name() + "'");
    }
}
