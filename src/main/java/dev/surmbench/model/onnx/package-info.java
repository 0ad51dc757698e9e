/**
 * Weights from ONNX exports: {@link dev.surmbench.model.onnx.OnnxReader} reads a {@code ModelProto} by
 * protobuf field numbers into an {@link dev.surmbench.model.onnx.OnnxGraph}, and {@link
 * dev.surmbench.model.onnx.OnnxWeights} gives the anonymous {@code MatMul} initialisers their Hugging
 * Face names.
 *
 * <p>Plain Java arrays only (no DJL); uses {@code model}'s {@code WeightTensor}, {@code TensorSet} and
 * {@code WeightLoadException} and knows no block, suite or training.
 */
package dev.surmbench.model.onnx;
