package dev.surmbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --threads} and {@code --jobs} of no sense are one line and exit 2, before anything trains. */
class ThreadsOptionTest {
    @TempDir
    Path dir;

    @Test
    void aThreadCountThatIsNoCountIsBadInput() throws Exception {
        Files.writeString(dir.resolve("s.yaml"), "name: s\ntasks: [rte]\nmethods: [lora]\nseeds: [1]\n");
        MalformedInputsTest.Result r = MalformedInputsTest.run(dir, "run {w}/s.yaml --out {w}/out --threads zero");
        assertEquals(2, r.code());
        assertEquals("--threads zero: not a thread count; give a positive integer, or auto for the CPUs this process "
                + "may use", r.err().strip());
        MalformedInputsTest.Result jobs = MalformedInputsTest.run(dir, "run {w}/s.yaml --out {w}/out --jobs 0");
        assertEquals(2, jobs.code());
        assertEquals("--jobs 0: must be at least 1", jobs.err().strip());
        assertEquals(false, Files.exists(dir.resolve("out")), "nothing ran");
    }
}
