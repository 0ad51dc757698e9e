package dev.surmbench.model;

import ai.djl.ndarray.types.Shape;
import java.util.Arrays;

/**
 * A float32 tensor in Java memory, row-major, as read from or written to a tensor file (safetensors,
 * TF bundle, ONNX initialiser) outside the engine: a model's weights before they are copied into it,
 * an adapter's snapshot, cached activations. Linear weights are kept in Hugging Face layout [out, in].
 * (Model inputs held in Java arrays are {@code train.HostInput}.)
 *
 * @param shape dimensions (non-negative); the product equals {@code data.length}
 * @param data the values, row-major
 */
public record WeightTensor(long[] shape, float[] data) {
    public WeightTensor {
        shape = shape.clone();
        long n = 1;
        for (long d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            }
            n = Math.multiplyExact(n, d);
        }
        if (n != data.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + n + " values, got " + data.length);
        }
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** The shape as DJL's {@link Shape}. */
    public Shape djlShape() {
        return new Shape(shape);
    }

    public int rank() {
        return shape.length;
    }

    /** The transpose of a rank-2 tensor: [a, b] → [b, a] (TF/ONNX [in, out] kernels → [out, in]). */
    public WeightTensor transpose2d() {
        if (shape.length != 2) {
            throw new IllegalStateException("transpose2d needs a rank-2 tensor, got " + Arrays.toString(shape));
        }
        int rows = (int) shape[0];
        int cols = (int) shape[1];
        float[] out = new float[data.length];
        for (int r = 0; r < rows; r++) {
            int base = r * cols;
            for (int c = 0; c < cols; c++) {
                out[c * rows + r] = data[base + c];
            }
        }
        return new WeightTensor(new long[] {cols, rows}, out);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WeightTensor t && Arrays.equals(shape, t.shape) && Arrays.equals(data, t.data);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "WeightTensor" + Arrays.toString(shape);
    }
}
