package dev.surmbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surmbench.artifact.AdapterFiles;
import dev.surmbench.artifact.PeftExport;
import dev.surmbench.data.download.Installer;
import dev.surmbench.results.ResultsLayout;
import dev.surmbench.suite.RunSpec;
import dev.surmbench.suite.run.SmokeRuns;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code eval} and {@code export} through the real command line on real smoke runs: exact
 * reproduction, the PEFT folder, and one-line errors with exit code 2 for a truncated or altered
 * adapter, a missing one, a method a format cannot express and an occupied output folder.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdapterCommandsTest {
    @TempDir
    static Path dir;

    private Path lora;
    private Path toeplitz;
    private Path adapter;

    @BeforeAll
    void train() {
        lora = trained(SmokeRuns.spec("rte", "lora"));
        toeplitz = trained(SmokeRuns.spec("rte", "toeplitz"));
        adapter = trained(SmokeRuns.spec("rte", "adapter"));
    }

    private static Path trained(RunSpec spec) {
        SmokeRuns.train(dir, spec);
        return SmokeRuns.layout(dir).runDir(spec.runId());
    }

    @Test
    void evalReproducesTheRunAndExportWritesAPeftFolder() {
        CommandsTest.Result eval = CommandsTest.run("eval", "--run", lora.toString());
        assertEquals(0, eval.exitCode(), eval.err());
        assertTrue(eval.out().contains("accuracy") && eval.out().contains("same"), eval.out());
        assertTrue(eval.out().contains("0 metric difference(s)"), eval.out());

        Path out = dir.resolve("exported-lora");
        CommandsTest.Result export = CommandsTest.run("export", lora.toString(), "--format", "peft", "--out", out.toString());
        assertEquals(0, export.exitCode(), export.err());
        assertTrue(Files.isRegularFile(out.resolve(PeftExport.CONFIG)) && Files.isRegularFile(out.resolve(PeftExport.WEIGHTS)));
        CommandsTest.Result again = CommandsTest.run("export", lora.toString(), "--format", "peft", "--out", out.toString());
        assertEquals(0, again.exitCode(), "an earlier export is replaced: " + again.err());
    }

    @Test
    void aTruncatedAdapterFileIsAOneLineErrorNamingIt() throws IOException {
        Path copy = copyOf(lora, "truncated", files -> truncate(files.resolve(AdapterFiles.TENSORS)));
        assertBadInput(CommandsTest.run("eval", "--run", copy.toString()), copy.resolve("adapter").resolve(AdapterFiles.TENSORS));
    }

    @Test
    void anAlteredAdapterFileIsAOneLineErrorNamingIt() throws IOException {
        Path copy = copyOf(lora, "altered", files -> flipLastByte(files.resolve(AdapterFiles.TENSORS)));
        assertBadInput(CommandsTest.run("eval", "--run", copy.toString()), copy.resolve("adapter").resolve(AdapterFiles.TENSORS));
        assertBadInput(CommandsTest.run("export", copy.toString(), "--format", "peft", "--out", dir.resolve("x").toString()),
                copy.resolve("adapter").resolve(AdapterFiles.TENSORS));
    }

    @Test
    void aDamagedOrMissingManifestIsAOneLineErrorNamingIt() throws IOException {
        Path damaged = copyOf(lora, "damaged", files -> truncate(files.resolve(AdapterFiles.MANIFEST)));
        assertBadInput(CommandsTest.run("eval", "--run", damaged.toString()), damaged.resolve("adapter").resolve(AdapterFiles.MANIFEST));
        Path missing = copyOf(lora, "missing", files -> Installer.deleteRecursively(files));
        assertBadInput(CommandsTest.run("eval", "--run", missing.toString()), missing.resolve("adapter").resolve(AdapterFiles.MANIFEST));
    }

    /** Sweep case 4: another run's adapter folder copied into a run folder is refused by export and eval alike. */
    @Test
    void anotherRunsAdapterInARunFolderIsRefusedByExportAndEval() throws IOException {
        Path foreign = copyOf(lora, "foreign", files -> {
            Installer.deleteRecursively(files);
            try (Stream<Path> walk = Files.walk(toeplitz.resolve(ResultsLayout.ADAPTER_DIR))) {
                for (Path source : walk.toList()) {
                    Path target = files.resolve(toeplitz.resolve(ResultsLayout.ADAPTER_DIR).relativize(source).toString());
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(source, target);
                    }
                }
            }
        });
        Path manifest = foreign.resolve(ResultsLayout.ADAPTER_DIR).resolve(AdapterFiles.MANIFEST);
        Path out = dir.resolve("foreign-export");
        CommandsTest.Result export = CommandsTest.run("export", foreign.toString(), "--format", "merged", "--out", out.toString());
        assertBadInput(export, manifest);
        assertTrue(export.err().contains("(toeplitz), not to run " + lora.getFileName() + " (lora)"), export.err());
        assertFalse(Files.exists(out), "nothing exported");
        CommandsTest.Result eval = CommandsTest.run("eval", "--run", foreign.toString());
        assertBadInput(eval, manifest);
        assertTrue(eval.err().contains("(toeplitz), not to run " + lora.getFileName() + " (lora)"), eval.err());
    }

    @Test
    void aMethodAFormatCannotExpressIsBadInputNamingTheFormatsItSupports() {
        CommandsTest.Result peft = CommandsTest.run("export", toeplitz.toString(), "--format", "peft", "--out",
                dir.resolve("t").toString());
        assertBadInput(peft, null);
        assertTrue(peft.err().contains("'toeplitz'") && peft.err().contains("merged"), peft.err());
        CommandsTest.Result merged = CommandsTest.run("export", adapter.toString(), "--format", "merged", "--out",
                dir.resolve("a").toString());
        assertBadInput(merged, null);
        assertTrue(merged.err().contains("'adapter'") && merged.err().contains("no export format"), merged.err());
    }

    @Test
    void exportNeverOverwritesAFolderThatIsNotAnExport() throws IOException {
        Path occupied = Files.createDirectories(dir.resolve("occupied"));
        Files.writeString(occupied.resolve("notes.txt"), "mine");
        CommandsTest.Result r = CommandsTest.run("export", lora.toString(), "--format", "peft", "--out", occupied.toString());
        assertBadInput(r, occupied);
        assertEquals("mine", Files.readString(occupied.resolve("notes.txt")));
    }

    private static void assertBadInput(CommandsTest.Result r, Path named) {
        assertEquals(Main.EXIT_BAD_INPUT, r.exitCode(), r.out() + r.err());
        assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        if (named != null) {
            assertTrue(r.err().contains(named.toString()), "names " + named + ": " + r.err());
        }
    }

    /** A copy of a run folder with its adapter folder changed by {@code change}. */
    private static Path copyOf(Path run, String name, IoConsumer change) throws IOException {
        Path copy = dir.resolve("copies").resolve(name);
        Folders.copy(run, copy);
        change.accept(copy.resolve(ResultsLayout.ADAPTER_DIR));
        return copy;
    }

    @FunctionalInterface
    private interface IoConsumer {
        void accept(Path path) throws IOException;
    }

    private static void truncate(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    }

    private static void flipLastByte(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 1] ^= 1;
        Files.write(file, bytes);
    }
}
