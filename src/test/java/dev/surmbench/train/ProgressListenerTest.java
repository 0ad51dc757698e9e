package dev.surmbench.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link ProgressListener#both} passes every event to both listeners, in order (it once dropped newBest). */
class ProgressListenerTest {
    private static ProgressListener recording(String name, List<String> events) {
        return new ProgressListener() {
            @Override
            public void started(long totalSteps) {
                events.add(name + " started " + totalSteps);
            }

            @Override
            public void step(long step, double loss, double learningRate) {
                events.add(name + " step " + step);
            }

            @Override
            public void newBest(int epoch) {
                events.add(name + " best " + epoch);
            }

            @Override
            public void epochEnded(EpochRecord record) {
                events.add(name + " epoch " + record.epoch());
            }

            @Override
            public void finished() {
                events.add(name + " finished");
            }
        };
    }

    @Test
    void bothTellsFirstThenSecondOfEveryEvent() {
        List<String> events = new ArrayList<>();
        ProgressListener both = ProgressListener.both(recording("a", events), recording("b", events));
        both.started(4);
        both.step(1, 0.5, 1e-3);
        both.newBest(0);
        both.epochEnded(new EpochRecord(0, 4, 0.5, Map.of(), 1, 1));
        both.finished();
        assertEquals(List.of("a started 4", "b started 4", "a step 1", "b step 1", "a best 0", "b best 0",
                "a epoch 0", "b epoch 0", "a finished", "b finished"), events);
    }
}
