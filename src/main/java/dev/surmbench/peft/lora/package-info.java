/**
 * LoRA's low-rank update ΔW = B·A: {@link dev.surmbench.peft.lora.LowRankStructure} (the {@code
 * StructureSpec}, registering {@code lora}) and {@link dev.surmbench.peft.lora.LowRankOperator} (the
 * {@code StructuredOperator} block).
 *
 * <p>Uses only {@code peft} and {@code peft.core}; knows no other family, model, data or training.
 */
package dev.surmbench.peft.lora;
