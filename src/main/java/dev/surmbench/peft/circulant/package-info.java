/**
 * Block-circulant ΔW, applied by FFT: {@link dev.surmbench.peft.circulant.CirculantStructure} (the
 * {@code StructureSpec}, registering {@code circulant} and {@code circulant-adapter}) and {@link
 * dev.surmbench.peft.circulant.CirculantOperator} (the {@code StructuredOperator} block).
 *
 * <p>Uses only {@code peft} and {@code peft.core}; knows no other family, model, data or training.
 */
package dev.surmbench.peft.circulant;
