package dev.surmbench.ops;

import ai.djl.pytorch.jni.JniUtils;

/**
 * A scope in which PyTorch records no autograd graph, restoring the previous mode on close: {@code
 * try (NoGradient off = NoGradient.enter()) { … }}. Forward passes that only read numbers
 * (evaluation, frozen prefixes) use it: libtorch's grad mode is on by default, and with it every
 * operation touching a trainable parameter keeps its inputs alive for a backward that never comes.
 */
public final class NoGradient implements AutoCloseable {
    private final boolean previous;

    private NoGradient(boolean previous) {
        this.previous = previous;
    }

    public static NoGradient enter() {
        NoGradient scope = new NoGradient(JniUtils.isGradMode());
        JniUtils.setGradMode(false);
        return scope;
    }

    @Override
    public void close() {
        JniUtils.setGradMode(previous);
    }
}
