/**
 * Adapter methods, h ← h + f(h) at the Houlsby positions: {@code adapter} ({@link
 * dev.surmbench.peft.adapter.BottleneckAdapterConfig}, branch {@link
 * dev.surmbench.peft.adapter.BottleneckAdapter}) and the SURM {@code *-adapter} variants ({@link
 * dev.surmbench.peft.adapter.StructuredAdapterConfig}, branch {@link
 * dev.surmbench.peft.adapter.StructuredAdapter}) over any family's {@code StructureSpec}.
 *
 * <p>Uses {@code peft}, {@code peft.core} and {@code ops}; knows no specific family, model, data or training.
 */
package dev.surmbench.peft.adapter;
