package dev.surmbench.results;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The exclusive lock of one suite's results folder, held for the short read-modify-write steps that
 * several processes may race on: deciding whether a run is recorded or claimed and claiming it
 * ({@link RunClaim}), adding a row to a rows file, merging shard files. It is an operating-system lock
 * ({@link FileChannel#lock()}: {@code fcntl} on Linux, also across NFSv4 clients) on the file
 * {@value #FILE} in the folder, plus an in-process lock per folder, because a JVM may hold a file lock
 * only once. Never held while a run trains; never nested.
 */
public final class FolderLock implements AutoCloseable {
    /** The lock file's name inside a suite's results folder (empty; only locked). */
    public static final String FILE = "runs.lock";

    private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final ReentrantLock local;
    private final FileChannel channel;
    private final FileLock lock;

    private FolderLock(ReentrantLock local, FileChannel channel, FileLock lock) {
        this.local = local;
        this.channel = channel;
        this.lock = lock;
    }

    /** Waits for and takes the lock of {@code suiteDir} (created if missing). */
    public static FolderLock acquire(Path suiteDir) throws IOException {
        return acquire(suiteDir, FILE);
    }

    /**
     * Waits for and takes the lock named {@code fileName} in {@code dir} (created if missing): the same
     * mechanism for one entry of a cache folder that several processes may fill (the activation and
     * pretrain caches: the first process builds the entry while the others wait, then read it).
     */
    public static FolderLock acquire(Path dir, String fileName) throws IOException {
        return take(dir, fileName, true);
    }

    /**
     * Takes the lock named {@code fileName} in {@code dir} if no other process or thread holds it, else
     * returns {@code null} at once (a try-with-resources block skips closing a null resource): how
     * processes share the slices of an activation-cache entry, each taking the ones nobody holds.
     */
    public static FolderLock tryAcquire(Path dir, String fileName) throws IOException {
        return take(dir, fileName, false);
    }

    private static FolderLock take(Path dir, String fileName, boolean wait) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(fileName).toAbsolutePath().normalize();
        ReentrantLock local = IN_PROCESS.computeIfAbsent(file, f -> new ReentrantLock());
        if (wait) {
            local.lock();
        } else if (!local.tryLock()) {
            return null;
        }
        if (local.getHoldCount() > 1) {
            local.unlock();
            throw new IllegalStateException("the lock " + file + " is already held by this thread");
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = wait ? channel.lock() : channel.tryLock();
            if (lock == null) {
                channel.close();
                local.unlock();
                return null;
            }
            return new FolderLock(local, channel, lock);
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                channel.close();
            }
            local.unlock();
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
            channel.close();
        } finally {
            local.unlock();
        }
    }
}
