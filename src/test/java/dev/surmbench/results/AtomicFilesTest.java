package dev.surmbench.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Folders written in one step: all of the new one, or the old one (or none), never a mixture or leftovers. */
class AtomicFilesTest {
    @TempDir
    Path tmp;

    private List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aWriterThatFailsLeavesTheOldFolderAndNoLeftovers() throws IOException {
        Path target = tmp.resolve("adapter");
        AtomicFiles.writeDirectory(target, f -> Files.writeString(f.resolve("a.txt"), "old"));
        assertThrows(IOException.class, () -> AtomicFiles.writeDirectory(target, f -> {
            Files.writeString(f.resolve("a.txt"), "new");
            throw new IOException("disk full");
        }));
        assertEquals("old", Files.readString(target.resolve("a.txt")));
        assertEquals(List.of("adapter"), names(tmp));
    }

    @Test
    void aNewFolderReplacesTheOldOneWhole() throws IOException {
        Path target = tmp.resolve("adapter");
        AtomicFiles.writeDirectory(target, f -> {
            Files.writeString(f.resolve("a.txt"), "old");
            Files.writeString(f.resolve("b.txt"), "old");
        });
        AtomicFiles.writeDirectory(target, f -> Files.writeString(f.resolve("a.txt"), "new"));
        assertEquals(List.of("a.txt"), names(target));
        assertEquals("new", Files.readString(target.resolve("a.txt")));
        assertEquals(List.of("adapter"), names(tmp));
    }

    @Test
    void leftoversOfAKilledWriterAreRemovedByTheNextWrite() throws IOException {
        Files.createDirectories(tmp.resolve(".adapter.tmp-123")).resolve("half");
        Files.writeString(tmp.resolve(".adapter.tmp-123").resolve("half.bin"), "x");
        Files.createDirectories(tmp.resolve(".adapter.old-456"));
        Files.createDirectories(tmp.resolve(".other.tmp-1")); // another target's: not ours to remove
        AtomicFiles.writeDirectory(tmp.resolve("adapter"), f -> Files.writeString(f.resolve("a.txt"), "a"));
        assertEquals(List.of(".other.tmp-1", "adapter"), names(tmp));
    }
}
