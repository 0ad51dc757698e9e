/**
 * The reference methods {@code full}, {@code linear-probe} and {@code bitfit}, as {@link
 * dev.surmbench.peft.baseline.BaselineConfig}: they add no blocks, they only decide which backbone
 * parameters train.
 *
 * <p>Uses only {@code peft}; knows no method family, model, data or training.
 */
package dev.surmbench.peft.baseline;
