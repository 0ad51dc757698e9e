package dev.surmbench.model.onnx;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import dev.surmbench.model.WeightLoadException;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an ONNX {@code ModelProto} by protobuf field numbers (no generated classes): the graph's
 * nodes, initialisers and input/output names. Field numbers (onnx.proto): ModelProto.graph = 7;
 * GraphProto node = 1, initializer = 5, input = 11, output = 12; NodeProto input = 1, output = 2,
 * name = 3, op_type = 4; TensorProto dims = 1, data_type = 2, float_data = 4, name = 8,
 * raw_data = 9, data_location = 14; ValueInfoProto name = 1.
 *
 * <p>Every length is checked against the bytes that remain before anything is allocated; a
 * truncated or malformed file, external data, or a size that does not match the dims gives a
 * {@link WeightLoadException} naming the file and the tensor.
 */
public final class OnnxReader {
    private static final int MODEL_GRAPH = 7;
    private static final int GRAPH_NODE = 1;
    private static final int GRAPH_INITIALIZER = 5;
    private static final int GRAPH_INPUT = 11;
    private static final int GRAPH_OUTPUT = 12;
    private static final int NODE_INPUT = 1;
    private static final int NODE_OUTPUT = 2;
    private static final int NODE_NAME = 3;
    private static final int NODE_OP_TYPE = 4;
    private static final int TENSOR_DIMS = 1;
    private static final int TENSOR_DATA_TYPE = 2;
    private static final int TENSOR_FLOAT_DATA = 4;
    private static final int TENSOR_NAME = 8;
    private static final int TENSOR_RAW_DATA = 9;
    private static final int TENSOR_DATA_LOCATION = 14;
    private static final int VALUE_INFO_NAME = 1;
    private static final int MAX_DIMS = 16;

    private OnnxReader() {}

    /** Parses {@code bytes} (a whole .onnx file) read from {@code file}. */
    public static OnnxGraph read(byte[] bytes, String file) {
        try {
            CodedInputStream in = CodedInputStream.newInstance(bytes);
            in.enableAliasing(true);
            in.setRecursionLimit(8);
            OnnxGraph graph = null;
            while (true) {
                int tag = in.readTag();
                if (tag == 0) {
                    break;
                }
                if (WireFormat.getTagFieldNumber(tag) == MODEL_GRAPH && WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                    int limit = in.pushLimit(in.readRawVarint32());
                    graph = readGraph(in, file);
                    in.popLimit(limit);
                } else if (!in.skipField(tag)) {
                    break;
                }
            }
            if (graph == null) {
                throw new WeightLoadException(file, null, "malformed ONNX: no graph (ModelProto field 7) found");
            }
            return graph;
        } catch (IOException e) {
            throw new WeightLoadException(file, null, "malformed ONNX: " + e.getMessage(), e);
        }
    }

    private static OnnxGraph readGraph(CodedInputStream in, String file) throws IOException {
        List<OnnxGraph.Node> nodes = new ArrayList<>();
        Map<String, OnnxGraph.Initializer> inits = new LinkedHashMap<>();
        List<String> inputs = new ArrayList<>();
        List<String> outputs = new ArrayList<>();
        while (!in.isAtEnd()) {
            int tag = in.readTag();
            int field = WireFormat.getTagFieldNumber(tag);
            boolean delimited = WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED;
            if (!delimited || (field != GRAPH_NODE && field != GRAPH_INITIALIZER && field != GRAPH_INPUT && field != GRAPH_OUTPUT)) {
                in.skipField(tag);
                continue;
            }
            int limit = in.pushLimit(in.readRawVarint32());
            switch (field) {
                case GRAPH_NODE -> nodes.add(readNode(in));
                case GRAPH_INITIALIZER -> {
                    OnnxGraph.Initializer t = readTensor(in, file);
                    if (inits.put(t.name(), t) != null) {
                        throw new WeightLoadException(file, t.name(), "duplicate initializer");
                    }
                }
                default -> (field == GRAPH_INPUT ? inputs : outputs).add(readValueInfoName(in));
            }
            in.popLimit(limit);
        }
        return new OnnxGraph(file, nodes, inits, inputs, outputs);
    }

    private static OnnxGraph.Node readNode(CodedInputStream in) throws IOException {
        List<String> inputs = new ArrayList<>();
        List<String> outputs = new ArrayList<>();
        String name = "";
        String op = "";
        while (!in.isAtEnd()) {
            int tag = in.readTag();
            if (WireFormat.getTagWireType(tag) != WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                in.skipField(tag);
                continue;
            }
            switch (WireFormat.getTagFieldNumber(tag)) {
                case NODE_INPUT -> inputs.add(in.readStringRequireUtf8());
                case NODE_OUTPUT -> outputs.add(in.readStringRequireUtf8());
                case NODE_NAME -> name = in.readStringRequireUtf8();
                case NODE_OP_TYPE -> op = in.readStringRequireUtf8();
                default -> in.skipField(tag);
            }
        }
        return new OnnxGraph.Node(name, op, inputs, outputs);
    }

    private static String readValueInfoName(CodedInputStream in) throws IOException {
        String name = "";
        while (!in.isAtEnd()) {
            int tag = in.readTag();
            if (WireFormat.getTagFieldNumber(tag) == VALUE_INFO_NAME && WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                name = in.readStringRequireUtf8();
            } else {
                in.skipField(tag);
            }
        }
        return name;
    }

    private static OnnxGraph.Initializer readTensor(CodedInputStream in, String file) throws IOException {
        List<Long> dims = new ArrayList<>();
        int dataType = 0;
        String name = null;
        ByteString raw = null;
        float[] floatData = null;
        int floatCount = 0;
        long location = 0;
        while (!in.isAtEnd()) {
            int tag = in.readTag();
            int field = WireFormat.getTagFieldNumber(tag);
            int wire = WireFormat.getTagWireType(tag);
            if (field == TENSOR_DIMS && wire == WireFormat.WIRETYPE_VARINT) {
                dims.add(in.readInt64());
            } else if (field == TENSOR_DIMS && wire == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                int limit = in.pushLimit(in.readRawVarint32());
                while (!in.isAtEnd()) {
                    dims.add(in.readInt64());
                }
                in.popLimit(limit);
            } else if (field == TENSOR_DATA_TYPE && wire == WireFormat.WIRETYPE_VARINT) {
                dataType = in.readInt32();
            } else if (field == TENSOR_NAME && wire == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                name = in.readStringRequireUtf8();
            } else if (field == TENSOR_RAW_DATA && wire == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                raw = in.readBytes();
            } else if (field == TENSOR_FLOAT_DATA && wire == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                int length = in.readRawVarint32();
                if (length % 4 != 0 || length > in.getBytesUntilLimit()) {
                    throw new WeightLoadException(file, name, "malformed ONNX: packed float_data of " + length + " bytes");
                }
                floatData = grow(floatData, floatCount + length / 4);
                for (int i = 0; i < length / 4; i++) {
                    floatData[floatCount++] = in.readFloat();
                }
            } else if (field == TENSOR_FLOAT_DATA && wire == WireFormat.WIRETYPE_FIXED32) {
                floatData = grow(floatData, floatCount + 1);
                floatData[floatCount++] = in.readFloat();
            } else if (field == TENSOR_DATA_LOCATION && wire == WireFormat.WIRETYPE_VARINT) {
                location = in.readInt64();
            } else {
                in.skipField(tag);
            }
        }
        String label = name == null ? "<unnamed initializer>" : name;
        if (name == null || name.isEmpty()) {
            throw new WeightLoadException(file, label, "malformed ONNX: initializer without a name");
        }
        if (location != 0) {
            throw new WeightLoadException(file, name, "external tensor data is not supported (data_location=" + location + ")");
        }
        if (dims.size() > MAX_DIMS) {
            throw new WeightLoadException(file, name, "malformed ONNX: " + dims.size() + " dimensions");
        }
        long[] shape = new long[dims.size()];
        long count = 1;
        for (int i = 0; i < shape.length; i++) {
            shape[i] = dims.get(i);
            if (shape[i] < 0 || shape[i] > Integer.MAX_VALUE) {
                throw new WeightLoadException(file, name, "malformed ONNX: dimension " + shape[i]);
            }
            count *= shape[i];
            if (count > Integer.MAX_VALUE - 8) {
                throw new WeightLoadException(file, name, "tensor of " + Arrays.toString(shape) + " is too large");
            }
        }
        if (dataType != OnnxGraph.Initializer.FLOAT) {
            return new OnnxGraph.Initializer(name, dataType, shape, null);
        }
        float[] values;
        if (raw != null) {
            if (raw.size() != count * 4) {
                throw new WeightLoadException(file, name, "raw_data has " + raw.size() + " bytes but dims " + Arrays.toString(shape)
                        + " need " + count * 4);
            }
            values = new float[(int) count];
            FloatBuffer fb = raw.asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
            fb.get(values);
        } else {
            if (floatCount != count) {
                throw new WeightLoadException(file, name, "float_data has " + floatCount + " values but dims " + Arrays.toString(shape)
                        + " need " + count);
            }
            values = floatData == null ? new float[0] : Arrays.copyOf(floatData, floatCount);
        }
        return new OnnxGraph.Initializer(name, dataType, shape, values);
    }

    private static float[] grow(float[] a, int needed) {
        if (a == null) {
            return new float[Math.max(16, needed)];
        }
        return needed <= a.length ? a : Arrays.copyOf(a, Math.max(needed, a.length * 2));
    }
}
