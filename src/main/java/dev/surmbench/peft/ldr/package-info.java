/**
 * Low displacement rank ΔW = Σ circ(c)·skewcirc(s) per block, applied by FFT: {@link
 * dev.surmbench.peft.ldr.LdrStructure} (the {@code StructureSpec}, registering {@code ldr} and {@code
 * ldr-adapter}) and {@link dev.surmbench.peft.ldr.LdrOperator} (the {@code StructuredOperator} block).
 *
 * <p>Uses only {@code peft} and {@code peft.core}; knows no other family, model, data or training.
 */
package dev.surmbench.peft.ldr;
