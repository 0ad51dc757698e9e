package dev.surmbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The scheduler's environment read as a shard: a value that is not a number is one line naming its variable. */
class ShardOptionTest {
    @Test
    void slurmArraysAndIndexedJobsGiveTheirShare() {
        assertEquals(new ShardOption(3, 4), ShardOption.resolve(null, Map.of("SLURM_ARRAY_TASK_ID", "12",
                "SLURM_ARRAY_TASK_MIN", "10", "SLURM_ARRAY_TASK_COUNT", "4")));
        assertEquals(new ShardOption(1, 2), ShardOption.resolve(null, Map.of("JOB_COMPLETION_INDEX", "0",
                "SURM_SHARD_COUNT", "2")));
    }

    @Test
    void aValueThatIsNotANumberNamesItsVariable() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ShardOption.resolve(null,
                Map.of("SLURM_ARRAY_TASK_ID", "abc", "SLURM_ARRAY_TASK_COUNT", "4")));
        assertEquals("environment variable SLURM_ARRAY_TASK_ID='abc' is not a whole number; the scheduler sets it to one — "
                + "unset it or pass --shard i/n", e.getMessage());
        IllegalArgumentException count = assertThrows(IllegalArgumentException.class, () -> ShardOption.resolve(null,
                Map.of("JOB_COMPLETION_INDEX", "1", "SURM_SHARD_COUNT", "two")));
        assertEquals("environment variable SURM_SHARD_COUNT='two' is not a whole number; the scheduler sets it to one — "
                + "unset it or pass --shard i/n", count.getMessage());
    }
}
