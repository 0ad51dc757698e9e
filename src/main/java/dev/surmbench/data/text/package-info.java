/**
 * Text pipeline, the project's one: a backbone tokenizer ({@link dev.surmbench.data.text.TextTokenizer},
 * the only place DJL's Hugging Face tokenizer is built), per-batch dynamic padding with the
 * tokenizer's pad id ({@link dev.surmbench.data.text.Collator}) and seeded batching ({@link
 * dev.surmbench.data.text.TextBatcher}), producing plain {@code long[][]} arrays: a {@link
 * dev.surmbench.data.text.TokenBatch} (ids, types, mask), inside a {@link
 * dev.surmbench.data.text.TextBatch} for examples with targets.
 *
 * <p>No NDArray here (models convert the arrays), and nothing of models or PEFT methods.
 */
package dev.surmbench.data.text;
