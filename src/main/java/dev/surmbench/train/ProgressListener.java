package dev.surmbench.train;

/** Receives training progress (a progress bar on a terminal, log lines in CI). */
public interface ProgressListener {
    ProgressListener NONE = new ProgressListener() {};

    default void started(long totalSteps) {}

    default void step(long step, double loss, double learningRate) {}

    default void epochEnded(EpochRecord record) {}

    default void finished() {}
}
