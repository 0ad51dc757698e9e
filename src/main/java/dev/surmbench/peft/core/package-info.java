/**
 * What the method families share: {@link dev.surmbench.peft.core.StructureSpec} (a structured form:
 * shapes, parameter formula, factory), {@link dev.surmbench.peft.core.StructuredOperator} (ΔW as a
 * block), {@link dev.surmbench.peft.core.ResidualBranch} (an adapter's f), the FFT kernels in {@link
 * dev.surmbench.peft.core.Spectral} with their dense references in {@link
 * dev.surmbench.peft.core.DenseStructures}, {@link dev.surmbench.peft.core.BlockGrid} and {@link
 * dev.surmbench.peft.core.SeededInit}.
 *
 * <p>Uses only {@code peft}'s {@code ParameterCount} and {@code InvalidMethodConfigException}; knows no
 * method family, model, data or training.
 */
package dev.surmbench.peft.core;
