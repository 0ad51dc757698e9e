package dev.surmbench.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shared-folder protocol's parts: who may take a run's claim (dead process, reused pid, silent
 * host, unreadable file) and who may not (a live process, a host with a fresh heartbeat); the folder
 * lock serialises threads of one JVM too; results files are readable by everyone.
 */
class RunClaimTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private ResultsLayout layout() {
        return new ResultsLayout(dir.resolve("suite"));
    }

    private void writeClaim(String runId, long pid, String host, String processStart) throws Exception {
        Path file = layout().claim(runId);
        Files.createDirectories(file.getParent());
        Files.write(file, JSON.writeValueAsBytes(new RunClaim.Holder(pid, host, processStart, "2026-01-01T00:00:00Z")));
    }

    private static String thisHost() throws Exception {
        return java.net.InetAddress.getLocalHost().getHostName();
    }

    /** Sweep case 13: a temporary file a killed writer left in a run folder goes when the run is next claimed. */
    @Test
    void claimingARunRemovesTheTemporaryFilesAKilledWriterLeft() throws Exception {
        Path runDir = Files.createDirectories(layout().runDir("bbbb"));
        Path stray = Files.writeString(runDir.resolve(".run.json1234567890.tmp"), "{\"half");
        Path kept = Files.writeString(runDir.resolve("run.json"), "{}");
        RunClaim.Attempt attempt = RunClaim.tryClaim(layout(), "bbbb");
        assertTrue(attempt.claimed());
        assertFalse(Files.exists(stray), "the stray temporary file is cleaned");
        assertTrue(Files.exists(kept), "the run's files stay");
        attempt.claim().close();
    }

    @Test
    void aClaimIsExclusiveUntilReleased() throws Exception {
        RunClaim.Attempt first = RunClaim.tryClaim(layout(), "aaaa");
        assertTrue(first.claimed());
        assertNull(first.takenOver());
        RunClaim.Holder written = JSON.readValue(layout().claim("aaaa").toFile(), RunClaim.Holder.class);
        assertEquals(ProcessHandle.current().pid(), written.pid());
        // the same process asking again while it holds the claim is told it is held (by itself)
        RunClaim.Attempt second = RunClaim.tryClaim(layout(), "aaaa");
        assertFalse(second.claimed());
        assertEquals(ProcessHandle.current().pid(), second.heldBy().pid());
        first.claim().close();
        assertFalse(Files.exists(layout().claim("aaaa")));
        RunClaim.Attempt third = RunClaim.tryClaim(layout(), "aaaa");
        assertTrue(third.claimed());
        third.claim().close();
    }

    @Test
    void aClaimOfADeadProcessOnThisHostIsTakenOver() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        assertTrue(gone.waitFor(30, TimeUnit.SECONDS));
        writeClaim("bbbb", gone.pid(), thisHost(), "");
        RunClaim.Attempt attempt = RunClaim.tryClaim(layout(), "bbbb");
        assertTrue(attempt.claimed());
        assertTrue(attempt.takenOver().startsWith("pid " + gone.pid() + " on " + thisHost()), attempt.takenOver());
        assertTrue(attempt.takenOver().endsWith("that process is no longer running"), attempt.takenOver());
        attempt.claim().close();
    }

    @Test
    void aLiveProcessKeepsItsClaimUnlessItsPidWasReused() throws Exception {
        Process live = new ProcessBuilder("sleep", "60").start();
        try {
            String started = live.toHandle().info().startInstant().orElseThrow().toString();
            writeClaim("cccc", live.pid(), thisHost(), started);
            RunClaim.Attempt held = RunClaim.tryClaim(layout(), "cccc");
            assertFalse(held.claimed());
            assertEquals(live.pid(), held.heldBy().pid());
            // the same pid with another start time: the claimer died and the pid went to a new process
            writeClaim("cccc", live.pid(), thisHost(), "2001-01-01T00:00:00Z");
            RunClaim.Attempt reused = RunClaim.tryClaim(layout(), "cccc");
            assertTrue(reused.claimed());
            assertTrue(reused.takenOver().contains("now belongs to another process"), reused.takenOver());
            reused.claim().close();
        } finally {
            live.destroyForcibly().waitFor();
        }
    }

    @Test
    void anotherHostsClaimIsStaleOnlyAfterItsHeartbeatStops() throws Exception {
        writeClaim("dddd", 1, "some-other-host", "");
        assertFalse(RunClaim.tryClaim(layout(), "dddd").claimed(), "a fresh heartbeat from another host is respected");
        Instant old = Instant.now().minus(RunClaim.STALE_AFTER).minus(Duration.ofMinutes(1));
        Files.setLastModifiedTime(layout().claim("dddd"), FileTime.from(old));
        RunClaim.Attempt attempt = RunClaim.tryClaim(layout(), "dddd");
        assertTrue(attempt.claimed());
        assertTrue(attempt.takenOver().contains("no heartbeat from host some-other-host for 11 min (limit 10 min)"),
                attempt.takenOver());
        attempt.claim().close();
    }

    @Test
    void anUnreadableClaimIsTakenOver() throws Exception {
        Files.createDirectories(layout().claim("eeee").getParent());
        Files.writeString(layout().claim("eeee"), "{not json");
        RunClaim.Attempt attempt = RunClaim.tryClaim(layout(), "eeee");
        assertTrue(attempt.claimed());
        assertEquals("unknown process: its claim file cannot be read", attempt.takenOver());
        attempt.claim().close();
    }

    @Test
    void theFolderLockSerialisesThreadsAndIsNotReentrant() throws Exception {
        List<String> order = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread other;
        try (FolderLock lock = FolderLock.acquire(layout().suiteDir())) {
            other = new Thread(() -> {
                try (FolderLock inner = FolderLock.acquire(layout().suiteDir())) {
                    order.add("other");
                } catch (Exception e) {
                    order.add("error " + e);
                }
            });
            other.start();
            Thread.sleep(300);
            order.add("first");
            assertThrows(IllegalStateException.class, () -> FolderLock.acquire(layout().suiteDir()));
        }
        other.join(10_000);
        assertEquals(List.of("first", "other"), order);
        assertTrue(Files.exists(layout().suiteDir().resolve(FolderLock.FILE)));
    }

    @Test
    void resultsFilesAreReadableByEveryone() throws Exception {
        Path csv = dir.resolve("runs.csv");
        RunsCsv.write(csv, List.of());
        Path json = dir.resolve("runs/x/run.json");
        RunJson.writeValue(json, java.util.Map.of("a", 1));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(csv)));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(json)));
    }
}
