/**
 * Tensor operations the backbones and the PEFT methods share where the engine's own is slow or
 * missing: today {@link dev.surmbench.ops.Dropout}, whose masks are drawn on the host from a seeded
 * stream and written straight into the tensor.
 *
 * <p>Depends on DJL (and the PyTorch engine for zero-copy tensor memory) only; knows no blocks,
 * models, methods or training loop.
 */
package dev.surmbench.ops;
