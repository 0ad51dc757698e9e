package dev.surmbench.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run is named the same way by every command: its folder or its run.json. */
class RunFolderTest {
    @TempDir
    Path dir;

    @Test
    void aRunFolderAndItsRunJsonNameTheSameRun() throws Exception {
        Path run = Files.createDirectories(dir.resolve("results/smoke/runs/0123456789abcdef"));
        Files.writeString(run.resolve(ResultsLayout.RUN_JSON), "{}");
        RunFolder byFolder = RunFolder.resolve(run);
        RunFolder byFile = RunFolder.resolve(run.resolve("run.json"));
        assertEquals(byFolder, byFile);
        assertEquals(run.resolve("run.json"), byFolder.runJson());
        assertEquals(run.resolve("adapter"), byFile.adapterDir());
    }

    @Test
    void anythingElseIsOneLineNamingBothForms() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RunFolder.resolve(empty));
        assertEquals(empty + ": holds no run.json; name a run by its folder results/<suite>/runs/<id> or its run.json",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> RunFolder.resolve(dir.resolve("nope")));
        assertEquals(dir.resolve("nope") + ": no such file or folder; name a run by its folder results/<suite>/runs/<id> "
                + "or its run.json", e.getMessage());
    }
}
