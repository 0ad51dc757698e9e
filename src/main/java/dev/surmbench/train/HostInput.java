package dev.surmbench.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * A model input held in plain Java arrays (int64 ids or float32 values) until the training step
 * converts it, so data preparation never touches engine state. (Weights read from files are
 * {@code model.WeightTensor}.)
 */
public record HostInput(long[] shape, long[] ints, float[] floats) {

    public HostInput {
        long size = 1;
        for (long s : shape) {
            size *= s;
        }
        if ((ints == null) == (floats == null)) {
            throw new IllegalArgumentException("a host tensor holds either ints or floats");
        }
        long length = ints != null ? ints.length : floats.length;
        if (length != size) {
            throw new IllegalArgumentException("host tensor of shape " + java.util.Arrays.toString(shape)
                    + " needs " + size + " values, has " + length);
        }
    }

    /** int64 matrix [rows][cols] flattened. */
    public static HostInput ofLongs(long[][] rows) {
        int cols = rows.length == 0 ? 0 : rows[0].length;
        long[] flat = new long[rows.length * cols];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat, i * cols, cols);
        }
        return new HostInput(new long[] {rows.length, cols}, flat, null);
    }

    public static HostInput ofFloats(float[] values, long... shape) {
        return new HostInput(shape, null, values);
    }

    public NDArray toArray(NDManager manager) {
        return ints != null ? manager.create(ints, new Shape(shape)) : manager.create(floats, new Shape(shape));
    }
}
