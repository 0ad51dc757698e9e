package dev.surmbench.device;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Waiting until a device has finished the work queued on it, so a clock read afterwards measures it.
 * PyTorch runs CUDA kernels asynchronously on the thread's current stream; DJL 0.36 exposes no
 * {@code torch.cuda.synchronize()}. Copying a fresh one-element array to the host does the same
 * for that stream: the copy is queued behind everything already queued, and the host waits for it.
 * On the CPU, PyTorch operations finish before they return, so this does nothing.
 */
public final class DeviceSync {
    private DeviceSync() {}

    /** Blocks until all work queued on {@code manager}'s device (by this thread) has finished. */
    public static void await(NDManager manager) {
        if (!manager.getDevice().isGpu()) {
            return;
        }
        try (NDManager scope = manager.newSubManager()) {
            scope.zeros(new Shape(1)).toFloatArray();
        }
    }
}
