/**
 * The safetensors format: {@link dev.surmbench.model.safetensors.SafeTensors} reads (strictly) and
 * writes it, for Hugging Face checkpoints, adapter files and cached activations.
 *
 * <p>Plain Java arrays only (no DJL); uses {@code model}'s {@code WeightTensor}, {@code TensorSet} and
 * {@code WeightLoadException} and knows no architecture, method, suite or training.
 */
package dev.surmbench.model.safetensors;
