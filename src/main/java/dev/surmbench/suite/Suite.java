package dev.surmbench.suite;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A validated suite: its name and version, the file it came from with its SHA-256 (provenance), the
 * expanded runs in a stable order (task, label, seed), its {@code pretrain:} stages by name, and its
 * {@link Tuning} (whose trials are an earlier stage; {@link #runs} are the final stage).
 */
public record Suite(String name, int version, Path file, String sha256, List<RunSpec> runs,
                    Map<String, PretrainSpec> pretrains, Tuning tuning) {
    public Suite {
        runs = List.copyOf(runs);
        pretrains = Map.copyOf(pretrains);
        tuning = tuning == null ? Tuning.NONE : tuning;
    }

    /** A suite without a tuning. */
    public Suite(String name, int version, Path file, String sha256, List<RunSpec> runs,
                 Map<String, PretrainSpec> pretrains) {
        this(name, version, file, sha256, runs, pretrains, Tuning.NONE);
    }

    /** A suite without pretrain stages. */
    public Suite(String name, int version, Path file, String sha256, List<RunSpec> runs) {
        this(name, version, file, sha256, runs, Map.of());
    }

    /** The stage a resolved backbone value {@code pretrain:NAME@HASH} refers to, if this suite declares it. */
    public java.util.Optional<PretrainSpec> pretrainFor(String backbone) {
        String hash = PretrainSpec.hashOf(backbone);
        return pretrains.values().stream().filter(p -> p.hash().equals(hash)).findFirst();
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
