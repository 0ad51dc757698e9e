/**
 * The selective methods {@code full}, {@code linear-probe} and {@code bitfit}, as {@link
 * dev.surmbench.peft.selective.SelectiveConfig}: they add no blocks, they only decide which of the
 * backbone's own parameters train (all, none, the biases). Named apart from the report's baselines
 * ({@code report.baseline}: reference numbers), which they have nothing to do with.
 *
 * <p>Uses only {@code peft}; knows no method family, model, data or training.
 */
package dev.surmbench.peft.selective;
