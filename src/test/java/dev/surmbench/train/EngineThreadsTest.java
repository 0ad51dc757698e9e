package dev.surmbench.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surmbench.device.CpuShare;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** Who decides the thread count, and how --jobs splits it. */
class EngineThreadsTest {
    private static final CpuShare EIGHT = new CpuShare(8, 8, OptionalDouble.empty(), "0-7", "", 8);

    @Test
    void theOptionWinsOverThePropertyWhichWinsOverTheShare() {
        assertEquals(3, EngineThreads.choose(3, 1, "5", EIGHT).perRun());
        assertEquals(5, EngineThreads.choose(null, 1, "5", EIGHT).perRun());
        EngineThreads.Choice share = EngineThreads.choose(null, 1, null, EIGHT);
        assertEquals(8, share.perRun());
        assertTrue(share.describe().startsWith("threads: 8 per run (CPU share 8 threads: CPUs 0-7"), share.describe());
    }

    @Test
    void jobsSplitTheTotalAndEveryRunKeepsAtLeastOneThread() {
        assertEquals(4, EngineThreads.choose(null, 2, null, EIGHT).perRun());
        assertEquals(2, EngineThreads.choose(null, 3, null, EIGHT).perRun());
        EngineThreads.Choice tight = EngineThreads.choose(2, 4, null, EIGHT);
        assertEquals(1, tight.perRun());
        assertEquals("threads: 1 per run × 4 jobs (--threads 2; more jobs than threads, each run still gets 1)",
                tight.describe());
    }

    @Test
    void badCountsAreOneLineErrors() {
        assertEquals("-Dai.djl.pytorch.num_threads=many: not a number of threads; give a positive integer, or leave it "
                + "out to use this process's CPU share",
                assertThrows(IllegalArgumentException.class, () -> EngineThreads.choose(null, 1, "many", EIGHT)).getMessage());
        assertEquals("--jobs 0: must be at least 1",
                assertThrows(IllegalArgumentException.class, () -> EngineThreads.choose(null, 0, null, EIGHT)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> EngineThreads.choose(null, 1, "0", EIGHT));
    }
}
