/**
 * Backbones: BERT-family and ViT encoders as DJL blocks with Hugging Face names, and the weight
 * sources they load from.
 *
 * <ul>
 *   <li>{@link dev.surmbench.model.Backbones#classification(String, int, long)} builds a
 *       {@link dev.surmbench.model.ClassificationModel} from a source spec
 *       ({@link dev.surmbench.model.BackboneSource#parse}), a label count (1 = regression) and a
 *       seed for the head; {@code headPrefixes()} and {@code block()} go to
 *       {@code PeftInjector.inject}.</li>
 *   <li>Text inputs: int64 {@code (input_ids, token_type_ids, attention_mask)} [B, T], e.g. a
 *       {@link dev.surmbench.data.text.TokenBatch} from {@code data.text.TextTokenizer} on
 *       {@code tokenizerPath()}, put on the engine by {@link dev.surmbench.model.TokenInputs}; image
 *       inputs: float32 pixels [B, C, H, W] normalised as the checkpoint expects.</li>
 *   <li>{@link dev.surmbench.model.WeightTensor}: a float tensor of a weight file in Java memory
 *       (grouped per file in {@link dev.surmbench.model.TensorSet}).</li>
 *   <li>{@link dev.surmbench.model.Architecture} gives the same module paths and sizes
 *       analytically; tests check it against the live trees.</li>
 * </ul>
 *
 * <p>This package knows nothing of suites, results or training.
 */
package dev.surmbench.model;
