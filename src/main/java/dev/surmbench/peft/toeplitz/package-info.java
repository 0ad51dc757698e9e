/**
 * Symmetric-Toeplitz pairs ΔW = T(b)·T(a) per block, applied by FFT: {@link
 * dev.surmbench.peft.toeplitz.ToeplitzStructure} (the {@code StructureSpec}, registering {@code
 * toeplitz} and {@code toeplitz-adapter}) and {@link dev.surmbench.peft.toeplitz.ToeplitzOperator} (the
 * {@code StructuredOperator} block).
 *
 * <p>Uses only {@code peft} and {@code peft.core}; knows no other family, model, data or training.
 */
package dev.surmbench.peft.toeplitz;
