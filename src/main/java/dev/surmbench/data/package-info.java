/**
 * Datasets for the benchmark: GLUE text tasks ({@code data.glue}), tokenisation and batching
 * ({@code data.text}), image datasets ({@code data.image}), and safe downloads ({@code
 * data.download}). Shared here: {@link dev.surmbench.data.Example}, the TSV mechanism {@link
 * dev.surmbench.data.TsvFile}, {@link dev.surmbench.data.DataFormatException}, seeded {@link
 * dev.surmbench.data.Subsample} and the {@link dev.surmbench.data.ValidationSplit} every task domain
 * carves from its training set. This package knows no models and no PEFT methods.
 */
package dev.surmbench.data;
