package dev.surmbench.suite.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SuiteEtaTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void nothingIsPromisedBeforeThisProcessStartedARunAndARunFinished() {
        SuiteEta eta = new SuiteEta(10);
        assertEquals("", eta.describe(3, 100 * SECOND), "no run of this process started yet");
        eta.starting(0);
        assertEquals("", eta.describe(0, 100 * SECOND), "nothing finished yet");
        assertEquals("", new SuiteEta(0).describe(1, SECOND), "nothing to train");
    }

    /**
     * Two workers of {@code run --jobs 2}: 4 of 10 runs finished 100 s after this worker started its first,
     * 2 of them by the other worker. The pace is that of all of them: 6 left at 25 s each.
     */
    @Test
    void theTimeLeftFollowsThePaceOfEveryFinishedRunWhoeverTrainedIt() {
        SuiteEta eta = new SuiteEta(10);
        eta.starting(7 * SECOND);
        eta.starting(57 * SECOND); // a later run of this process does not move the origin
        assertEquals(" (suite: 4/10 trained, ETA 2m30s)", eta.describe(4, 107 * SECOND));
        assertEquals(" (suite: 10/10 trained, ETA 0s)", eta.describe(10, 207 * SECOND));
        SuiteEta alone = new SuiteEta(3);
        alone.starting(0);
        assertEquals(" (suite: 1/3 trained, ETA 2h03m)", alone.describe(1, 3690 * SECOND));
    }

    @Test
    void durationsReadAsSecondsMinutesOrHours() {
        assertEquals("42s", SuiteEta.duration(42.4));
        assertEquals("7m05s", SuiteEta.duration(425));
        assertEquals("2h03m", SuiteEta.duration(2 * 3600 + 3 * 60 + 59));
    }
}
