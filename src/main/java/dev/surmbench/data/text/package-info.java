/**
 * Text pipeline: a backbone tokenizer ({@link dev.surmbench.data.text.TextTokenizer}), per-batch
 * dynamic padding ({@link dev.surmbench.data.text.Collator}) and seeded batching ({@link
 * dev.surmbench.data.text.TextBatcher}), producing plain {@code long[][]} arrays.
 */
package dev.surmbench.data.text;
