/**
 * Tensor operations the backbones and the PEFT methods share where the engine's own is slow or
 * missing or unsafe: {@link dev.surmbench.ops.Dropout}, whose masks are drawn on the host from a seeded
 * stream and written straight into the tensor, and {@link dev.surmbench.ops.Scalars}, arithmetic with a
 * constant that stays valid until the backward pass (DJL's {@code mul(Number)} does not).
 *
 * <p>Depends on DJL (and the PyTorch engine for zero-copy tensor memory) only; knows no blocks,
 * models, methods or training loop.
 */
package dev.surmbench.ops;
