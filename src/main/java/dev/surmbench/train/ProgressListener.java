package dev.surmbench.train;

/** Receives training progress (a progress bar on a terminal, log lines in CI). */
public interface ProgressListener {
    ProgressListener NONE = new ProgressListener() {};

    default void started(long totalSteps) {}

    default void step(long step, double loss, double learningRate) {}

    default void epochEnded(EpochRecord record) {}

    /**
     * The epoch just evaluated ({@code epoch}, 0-based) is the new best by the headline metric; called
     * before {@link #epochEnded}, while the model's parameters are still that epoch's.
     */
    default void newBest(int epoch) {}

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
            public void newBest(int epoch) {
                first.newBest(epoch);
                second.newBest(epoch);
            }

            @Override
            public void finished() {
                first.finished();
                second.finished();
            }
        };
    }
}
