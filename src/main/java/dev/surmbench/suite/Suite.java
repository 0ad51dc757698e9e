package dev.surmbench.suite;

import java.nio.file.Path;
import java.util.List;

/**
 * A validated suite: its name and version, the file it came from with its SHA-256 (provenance), and
 * the expanded runs in a stable order (task, label, seed).
 */
public record Suite(String name, int version, Path file, String sha256, List<RunSpec> runs) {
    public Suite {
        runs = List.copyOf(runs);
    }

    /** The runs of shard {@code index} of {@code count} (1-based), assigned stably by run id. */
    public List<RunSpec> shard(int index, int count) {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("shard must be i/n with 1 <= i <= n, got " + index + "/" + count);
        }
        return runs.stream().filter(r -> Long.remainderUnsigned(Long.parseUnsignedLong(r.runId(), 16), count) == index - 1)
                .toList();
    }
}
