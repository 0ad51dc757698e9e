package dev.surmbench.results;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A process's claim on a run, so that processes sharing a results folder never train the same run
 * twice: {@code runs/<run-id>/claim}, a small JSON file naming the process (pid, host, the process's
 * start time, when it claimed). Claims are made and released only under the folder's {@link
 * FolderLock}. While the run trains, the claim's modification time is refreshed every {@link
 * #HEARTBEAT} ("heartbeat"). A claim is <b>stale</b>, and taken over by the next process that wants
 * the run, when its process is gone:
 * <ul>
 *   <li>same host: no process has its pid ({@link ProcessHandle#of}), or the process with that pid
 *       started at another time than recorded (the pid was reused);</li>
 *   <li>another host (a shared volume): its heartbeat is older than {@link #STALE_AFTER} — the
 *       hosts' clocks must agree to within a few minutes.</li>
 * </ul>
 * A claim that cannot be parsed is stale too (claims are written atomically, so only a hand edit
 * makes one).
 */
public final class RunClaim implements AutoCloseable {
    /** How often a live claim's modification time is refreshed. */
    public static final Duration HEARTBEAT = Duration.ofMinutes(1);
    /** A claim from another host whose heartbeat is older than this is stale. */
    public static final Duration STALE_AFTER = Duration.ofMinutes(10);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HOST = hostName();
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();
    private static final ScheduledExecutorService HEARTBEATS = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "run-claim-heartbeat");
        t.setDaemon(true);
        return t;
    });

    static {
        HEARTBEATS.scheduleAtFixedRate(RunClaim::beat, HEARTBEAT.toSeconds(), HEARTBEAT.toSeconds(), TimeUnit.SECONDS);
    }

    /** Who holds a claim. */
    public record Holder(long pid, String host, String processStart, String claimedAt) {
        /** This process, now. */
        static Holder current() {
            ProcessHandle self = ProcessHandle.current();
            return new Holder(self.pid(), HOST,
                    self.info().startInstant().map(Instant::toString).orElse(""), Instant.now().toString());
        }

        @Override
        public String toString() {
            return "pid " + pid + " on " + host + " since " + claimedAt;
        }
    }

    /** What {@link #tryClaim} found: the claim is ours (perhaps taken over from a stale one), or held. */
    public record Attempt(RunClaim claim, Holder heldBy, String takenOver) {
        public boolean claimed() {
            return claim != null;
        }
    }

    private final Path file;

    private RunClaim(Path file) {
        this.file = file;
        HELD.add(file);
    }

    /**
     * Claims {@code runId} for this process unless a live process holds it; the caller holds the
     * folder's {@link FolderLock}. {@link Attempt#takenOver()} describes a stale claim replaced.
     */
    public static Attempt tryClaim(ResultsLayout layout, String runId) throws IOException {
        Path file = layout.claim(runId);
        String takenOver = null;
        if (Files.exists(file)) {
            Optional<Holder> holder = read(file);
            String stale = holder.isPresent() ? staleness(holder.get(), file) : "its claim file cannot be read";
            if (stale == null) {
                return new Attempt(null, holder.get(), null);
            }
            takenOver = holder.map(Holder::toString).orElse("unknown process") + ": " + stale;
        }
        AtomicFiles.removeLeftovers(file.getParent()); // the run folder is ours now: a killed writer's temporary files go
        AtomicFiles.write(file, JSON.writeValueAsBytes(Holder.current()));
        return new Attempt(new RunClaim(file), null, takenOver);
    }

    /** Why {@code holder}'s claim is stale, or null while its process may still be running the run. */
    static String staleness(Holder holder, Path file) {
        if (holder.host().equals(HOST)) {
            if (holder.pid() == ProcessHandle.current().pid() && !HELD.contains(file)) {
                return "this process left it behind";
            }
            Optional<ProcessHandle> process = ProcessHandle.of(holder.pid()).filter(ProcessHandle::isAlive);
            if (process.isEmpty()) {
                return "that process is no longer running";
            }
            String started = process.get().info().startInstant().map(Instant::toString).orElse("");
            boolean reused = !holder.processStart().isEmpty() && !started.isEmpty() && !started.equals(holder.processStart());
            return reused ? "pid " + holder.pid() + " now belongs to another process (started " + started + ")" : null;
        }
        try {
            Duration silent = Duration.between(Files.getLastModifiedTime(file).toInstant(), Instant.now());
            return silent.compareTo(STALE_AFTER) > 0
                    ? "no heartbeat from host " + holder.host() + " for " + silent.toMinutes() + " min (limit "
                            + STALE_AFTER.toMinutes() + " min)"
                    : null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static Optional<Holder> read(Path file) {
        try {
            return Optional.of(JSON.readValue(file.toFile(), Holder.class));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Releases the claim (the caller holds the folder's lock): its file is deleted. */
    @Override
    public void close() throws IOException {
        HELD.remove(file);
        Files.deleteIfExists(file);
    }

    private static void beat() {
        FileTime now = FileTime.from(Instant.now());
        for (Path file : HELD) {
            try {
                Files.setLastModifiedTime(file, now);
            } catch (IOException e) {
                // the claim was released or taken over meanwhile: nothing to refresh
            }
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return Optional.ofNullable(System.getenv("HOSTNAME")).orElse("unknown-host");
        }
    }
}
