/**
 * Datasets for the benchmark: GLUE text tasks ({@code data.glue}), tokenisation and batching
 * ({@code data.text}), image datasets ({@code data.image}), and safe downloads ({@code
 * data.download}). Shared here: {@link dev.surmbench.data.Example}, the TSV mechanism {@link
 * dev.surmbench.data.TsvFile}, {@link dev.surmbench.data.DataFormatException} and seeded {@link
 * dev.surmbench.data.Subsample}. This package knows no models and no PEFT methods.
 */
package dev.surmbench.data;
