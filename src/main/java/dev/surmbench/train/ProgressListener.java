package dev.surmbench.train;

/** Receives training progress (a progress bar on a terminal, log lines in CI). */
public interface ProgressListener {
    ProgressListener NONE = new ProgressListener() {};

    default void started(long totalSteps) {}

    default void step(long step, double loss, double learningRate) {}

    default void epochEnded(EpochRecord record) {}

    default void finished() {}

    /** A listener that tells {@code first}, then {@code second}, of every event. */
    static ProgressListener both(ProgressListener first, ProgressListener second) {
        return new ProgressListener() {
            @Override
            public void started(long totalSteps) {
                first.started(totalSteps);
                second.started(totalSteps);
            }

            @Override
            public void step(long step, double loss, double learningRate) {
                first.step(step, loss, learningRate);
                second.step(step, loss, learningRate);
            }

            @Override
            public void epochEnded(EpochRecord record) {
                first.epochEnded(record);
                second.epochEnded(record);
            }

            @Override
            public void finished() {
                first.finished();
                second.finished();
            }
        };
    }
}
