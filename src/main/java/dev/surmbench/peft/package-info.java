/**
 * Parameter-efficient fine-tuning, independent of any model: {@link dev.surmbench.peft.MethodRegistry}
 * (every method users can name, as {@link dev.surmbench.peft.PeftMethod}s parsing into {@link
 * dev.surmbench.peft.MethodConfig}s), the hook points backbones place ({@link
 * dev.surmbench.peft.AdaptableLinear}, {@link dev.surmbench.peft.AdapterSlot}), the generic {@link
 * dev.surmbench.peft.PeftInjector} with {@link dev.surmbench.peft.TargetMatcher}, and parameter
 * accounting ({@link dev.surmbench.peft.ParameterCount}, {@link dev.surmbench.peft.AdaptationSites}).
 *
 * <p>Sees only DJL blocks: it uses its own sub-packages, {@code ops} and {@code util}, and knows no
 * models, data, suites or training.
 */
package dev.surmbench.peft;
