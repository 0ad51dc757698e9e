/**
 * Vision Transformers as DJL blocks with Hugging Face module names: {@link
 * dev.surmbench.model.vit.VitModel}, {@link dev.surmbench.model.vit.VitForImageClassification} and
 * their parts ({@link dev.surmbench.model.vit.VitEmbeddings}, {@link
 * dev.surmbench.model.vit.VitPatchProjection}, {@link dev.surmbench.model.vit.VitLayer}), sized by
 * {@link dev.surmbench.model.vit.VitConfig}.
 *
 * <p>Uses {@code model}, {@code model.nn}, {@code ops} and {@code peft}'s hook points; knows no weight
 * source or file format, and nothing of data, suites, training or results.
 */
package dev.surmbench.model.vit;
