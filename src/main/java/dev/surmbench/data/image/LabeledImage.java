package dev.surmbench.data.image;

/** One image with its class id. */
public record LabeledImage(RawImage image, int label) {}
