/**
 * Building blocks shared by the backbones, with Hugging Face parameter names: {@link
 * dev.surmbench.model.nn.ModelBlock} (their base), {@link dev.surmbench.model.nn.SelfAttention}, {@link
 * dev.surmbench.model.nn.Intermediate}, {@link dev.surmbench.model.nn.LayerNorm}, {@link
 * dev.surmbench.model.nn.Embedding}, {@link dev.surmbench.model.nn.Dense} (heads) and {@link
 * dev.surmbench.model.nn.LayerStack}.
 *
 * <p>Depends only on DJL, {@code ops} and {@code peft}'s hook points ({@code AdaptableLinear}, {@code
 * AdapterSlot}); knows no architecture, weight source, data, suite or training.
 */
package dev.surmbench.model.nn;
