package dev.surmbench.data.glue;

/** The labelled splits of a GLUE task (test sets carry no labels and are not read). */
public enum GlueSplit {
    TRAIN,
    DEV
}
