/**
 * Evaluation metrics (accuracy, binary F1, Matthews correlation, Pearson, Spearman) as pure
 * functions. This package depends on nothing else in the project.
 */
package dev.surmbench.metrics;
