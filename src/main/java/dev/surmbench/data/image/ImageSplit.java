package dev.surmbench.data.image;

/** The two splits image datasets ship. */
public enum ImageSplit {
    TRAIN,
    TEST
}
