/**
 * GLUE: the nine tasks ({@link dev.surmbench.data.glue.GlueTask}), readers for the files the GLUE
 * download script produces, where they live ({@link dev.surmbench.data.glue.GlueLocation}) and how
 * they are fetched ({@link dev.surmbench.data.glue.GlueDownloader}). Start with {@link
 * dev.surmbench.data.glue.GlueData#load}.
 */
package dev.surmbench.data.glue;
