package dev.surmbench.ops;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Arithmetic with a constant for tensors that autograd may still need after the call: {@code x·c},
 * {@code x/c}, {@code x+c}, {@code max(x, c)} with {@code c} held in memory libtorch owns.
 *
 * <p>Why not DJL's {@code NDArray.mul(Number)} and friends: on PyTorch they build the constant with
 * {@code manager.create(n)} — a tensor over a Java direct buffer ({@code from_blob}, no copy) — use it,
 * and close its handle at once. Autograd keeps that tensor for the backward pass (the gradient of
 * {@code x·c} is {@code g·c}), but once the handle is closed nothing on the Java side holds the buffer,
 * and a garbage collection that runs before {@code backward()} frees the memory under it: the backward
 * then reads whatever lies there, and the gradients of everything before the call come out as garbage,
 * zero or NaN in an unpredictable few steps of an otherwise bit-identical run. (Measured: a vision run
 * diverged in 5 of 12 fresh processes, bit-identical loss up to the step whose gradients were wrong;
 * 12 of 12 bit-identical with the collector switched off, {@code -XX:+UseEpsilonGC}; docs/tuning.md.)
 * Here the constant comes from {@code manager.full}, a libtorch allocation that autograd's reference
 * keeps alive; the arithmetic is the same kernel on the same 0-d float tensor, so results are
 * bit-identical to DJL's overloads whenever those were not corrupted.
 *
 * <p>Use these for every constant in a forward pass; the optimizer's in-place updates, which finish
 * within the call, may use DJL's overloads.
 */
public final class Scalars {
    private Scalars() {}

    /** {@code x · c}. */
    public static NDArray mul(NDArray x, float c) {
        return x.mul(constant(x, c));
    }

    /** {@code x / c}. */
    public static NDArray div(NDArray x, float c) {
        return x.div(constant(x, c));
    }

    /** {@code x + c}. */
    public static NDArray add(NDArray x, float c) {
        return x.add(constant(x, c));
    }

    /** The element-wise {@code max(x, c)}. */
    public static NDArray maximum(NDArray x, float c) {
        return x.maximum(constant(x, c));
    }

    /** {@code c} as a 0-d tensor of x's type on x's device, owned by libtorch, in x's manager. */
    private static NDArray constant(NDArray x, float c) {
        return x.getManager().full(new Shape(), c, x.getDataType());
    }
}
