/**
 * Weights from TensorFlow checkpoints: {@link dev.surmbench.model.tf.TfBundle} reads a single-shard
 * tensor bundle through {@link dev.surmbench.model.tf.SsTable} (its LevelDB-format index), and {@link
 * dev.surmbench.model.tf.TfBertNames} maps Google's BERT variable names to Hugging Face names.
 *
 * <p>Plain Java arrays only (no DJL); uses {@code model}'s {@code WeightTensor}, {@code TensorSet} and
 * {@code WeightLoadException} and knows no block, suite or training.
 */
package dev.surmbench.model.tf;
