/**
 * BERT-family encoders as DJL blocks with Hugging Face module names: {@link
 * dev.surmbench.model.bert.BertModel}, {@link dev.surmbench.model.bert.BertForSequenceClassification}
 * and their parts ({@link dev.surmbench.model.bert.BertEmbeddings}, {@link
 * dev.surmbench.model.bert.BertEncoder}, {@link dev.surmbench.model.bert.BertLayer}, …), sized by
 * {@link dev.surmbench.model.bert.BertConfig}.
 *
 * <p>Uses {@code model}, {@code model.nn}, {@code ops} and {@code peft}'s hook points; knows no weight
 * source or file format, and nothing of data, suites, training or results.
 */
package dev.surmbench.model.bert;
