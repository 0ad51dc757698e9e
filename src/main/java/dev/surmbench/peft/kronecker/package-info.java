/**
 * Kronecker ΔW = B ⊗ A, applied without forming ΔW: {@link
 * dev.surmbench.peft.kronecker.KroneckerStructure} (the {@code StructureSpec}, registering {@code
 * kronecker} and {@code kronecker-adapter}) and {@link dev.surmbench.peft.kronecker.KroneckerOperator}
 * (the {@code StructuredOperator} block).
 *
 * <p>Uses only {@code peft} and {@code peft.core}; knows no other family, model, data or training.
 */
package dev.surmbench.peft.kronecker;
