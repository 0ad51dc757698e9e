package dev.surmbench.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surmbench.model.TinyCheckpoints;
import dev.surmbench.report.RunFixtures;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * The sweep of malformed inputs a user can hand the CLI — suites, data, weights, baselines, results —
 * each run through the real command line: the exit code, and one clear line naming the file (and line)
 * with no stack trace. {@code {w}} in a case's arguments is its own scratch folder.
 */
class MalformedInputsTest {
    private static final String SUITE = "name: s\ntasks: [rte]\nmethods: [lora]\nseeds: [1]\n";

    @TempDir
    Path root;

    /** Writes a case's files into its folder. */
    @FunctionalInterface
    interface Setup {
        void in(Path w) throws Exception;
    }

    /** Where the message is expected: stderr (errors) or stdout (what was checked). */
    enum Where { ERR, OUT }

    record Case(String name, Setup setup, String args, int exit, Where where, String message) {
        @Override
        public String toString() {
            return name;
        }
    }

    record Result(int code, String out, String err) {}

    static Result run(Path w, String args) {
        CommandLine cli = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        String[] argv = Arrays.stream(args.split(" ")).map(a -> a.replace("{w}", w.toString())).toArray(String[]::new);
        int code = cli.execute(argv);
        return new Result(code, out.toString(), err.toString());
    }

    private static Setup file(String name, String text) {
        return w -> write(w.resolve(name), text.getBytes(StandardCharsets.UTF_8));
    }

    private static Setup bytes(String name, byte[] content) {
        return w -> write(w.resolve(name), content);
    }

    private static void write(Path file, byte[] content) throws Exception {
        Files.createDirectories(file.getParent());
        Files.write(file, content);
    }

    /** {@code text} with the byte 0xFF in place of the first '@' (never valid in UTF-8). */
    private static byte[] badByte(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < b.length; i++) {
            if (b[i] == '@') {
                b[i] = (byte) 0xFF;
                break;
            }
        }
        return b;
    }

    private static Setup results(String runsCsvTail) {
        return w -> {
            Path dir = RunFixtures.glue("s").write(w.resolve("res"));
            Files.writeString(dir.resolve("runs.csv"), runsCsvTail, java.nio.file.StandardOpenOption.APPEND);
        };
    }

    private static Setup baseline(byte[] content) {
        return w -> {
            RunFixtures.glue("s").write(w.resolve("res"));
            write(w.resolve("b.csv"), content);
        };
    }

    private static Setup bert(String file, byte[] content) {
        return w -> {
            TinyCheckpoints.bertFolder(w.resolve("bert"), 1, true);
            write(w.resolve("bert").resolve(file), content);
            Files.writeString(w.resolve("in.txt"), "the cat sat\n");
        };
    }

    private static final String BASELINE_HEADER = "source,backbone,task,method,label,metric,statistic,value,std,n,"
            + "trainable_params,train_examples_per_s,tolerance,min_throughput_ratio,citation,table,run_ids,git_commit,notes\n";

    static Stream<Case> cases() {
        String run = "run {w}/s.yaml --out {w}/out";
        String encode = "encode --backbone hf:{w}/bert --text-file {w}/in.txt";
        return Stream.of(
                // suites
                new Case("suite: unknown task", file("s.yaml", SUITE.replace("[rte]", "[rte, nosuch]")), run, 2, Where.ERR,
                        "{w}/s.yaml:2:14: unknown task 'nosuch'; known: "),
                new Case("suite: a task twice", file("s.yaml", SUITE.replace("[rte]", "[rte, sst2, rte]")), run, 2,
                        Where.ERR, "{w}/s.yaml:2:20: task rte is listed twice; list each task once"),
                new Case("suite: YAML alias", file("s.yaml", SUITE.replace("tasks: [rte]", "tasks: *t")), run, 2,
                        Where.ERR, "{w}/s.yaml:2:8: YAML alias '*t' is not supported: write the value out in full"),
                new Case("suite: YAML anchor", file("s.yaml", SUITE.replace("tasks: [rte]", "tasks: &t [rte]")),
                        "validate {w}/s.yaml", 2, Where.ERR, "{w}/s.yaml:2:8: YAML anchor '&t' is not supported"),
                new Case("suite: not UTF-8 on line 3", bytes("s.yaml", badByte("name: s\ntasks: [rte]\nmethods: [lora] #@\nseeds: [1]\n")),
                        run, 2, Where.ERR, "{w}/s.yaml:3:18: not UTF-8: a byte here is not part of a UTF-8 character"),
                new Case("suite: larger than 1 MiB", bytes("s.yaml", (SUITE + "#" + "x".repeat(1 << 20)).getBytes(StandardCharsets.UTF_8)),
                        run, 2, Where.ERR, "{w}/s.yaml:1:1: the file is larger than 1048576 bytes (1 MiB)"),
                new Case("suite: a 900 kB line", file("s.yaml", SUITE + "description: " + "x".repeat(900_000) + "\n"), run, 2,
                        Where.ERR, "{w}/s.yaml:5:4097: the line is 900013 characters long; a suite line may be at most 4096"),
                new Case("suite: missing include", file("s.yaml", "include: base.yaml\n" + SUITE), run, 2, Where.ERR,
                        "{w}/s.yaml:1:10: included file {w}/base.yaml does not exist"),
                new Case("suite: empty", file("s.yaml", ""), run, 2, Where.ERR, "{w}/s.yaml:1:1: the file is empty"),
                // data
                new Case("data: verify with files missing", w -> Files.createDirectories(w.resolve("glue")),
                        "data verify --glue-dir {w}/glue --images-dir {w}/img", 1, Where.OUT, "MISSING   {w}/glue/CoLA/dev.tsv"),
                new Case("data: not UTF-8 on line 3", bytes("glue/RTE/train.tsv",
                        badByte("index\tsentence1\tsentence2\tlabel\n0\ta\tb\tentailment\n1\tc @\td\tentailment\n")),
                        "data list --glue-dir {w}/glue --images-dir {w}/img", 0, Where.OUT,
                        "problem: {w}/glue/RTE/train.tsv:3: not valid UTF-8 at column 5"),
                // weights
                new Case("weights: empty tokenizer.json", bert("tokenizer.json", new byte[0]), encode, 2, Where.ERR,
                        "{w}/bert/tokenizer.json: the file is empty; restore the backbone's tokenizer.json"),
                new Case("weights: tokenizer.json not JSON", bert("tokenizer.json", "{\n \"model\": [1,\n".getBytes(StandardCharsets.UTF_8)),
                        encode, 2, Where.ERR, "{w}/bert/tokenizer.json:3:1: not valid JSON"),
                new Case("weights: truncated safetensors", bert("model.safetensors", new byte[] {8, 0, 0, 0}), encode, 2,
                        Where.ERR, "{w}/bert/model.safetensors"),
                new Case("weights: config.json not JSON", bert("config.json", "{\"model_type\": ".getBytes(StandardCharsets.UTF_8)),
                        encode, 2, Where.ERR, "{w}/bert/config.json: not valid JSON at line 1, column 16: Unexpected end-of-input"),
                // baselines
                new Case("baseline: text after a quoted cell", baseline((BASELINE_HEADER + "\"reference\"x,b\n").getBytes(StandardCharsets.UTF_8)),
                        "check {w}/res/s --baseline {w}/b.csv", 2, Where.ERR, "check: {w}/b.csv:2: field 'csv': not valid CSV: "
                        + "Invalid character between encapsulated token and delimiter"),
                new Case("baseline: unterminated quote", baseline((BASELINE_HEADER + "reference,\"b\n").getBytes(StandardCharsets.UTF_8)),
                        "report {w}/res/s --baseline {w}/b.csv", 2, Where.ERR, "report: {w}/b.csv:2: field 'csv': not valid CSV: "
                        + "(startline 2) EOF reached before encapsulated token finished"),
                new Case("baseline: not UTF-8 on line 3", baseline(badByte(BASELINE_HEADER + "# a comment\n@ b\n")),
                        "report {w}/res/s --baseline {w}/b.csv", 2, Where.ERR, "report: {w}/b.csv:3: field 'encoding': not UTF-8 at column 1"),
                new Case("baseline: no such file", baseline(new byte[0]), "check {w}/res/s --baseline {w}/none.csv", 2,
                        Where.ERR, "check: {w}/none.csv:0: field 'file': no such baseline file"),
                // results
                new Case("results: report on a damaged runs.csv", results("\"x\"y,s\n"), "report {w}/res/s --no-baselines", 2,
                        Where.ERR, "report: {w}/res/s/runs.csv:26: field 'csv': not valid CSV: Invalid character"),
                new Case("results: check on a damaged runs.csv", results("\"x\"y,s\n"), "check {w}/res/s --baseline {w}/res/s/runs.csv",
                        2, Where.ERR, "check: {w}/res/s/runs.csv:26: field 'csv': not valid CSV: Invalid character"),
                new Case("results: merge with a damaged shard", w -> {
                    Path dir = RunFixtures.glue("s").write(w.resolve("res"));
                    Files.writeString(dir.resolve("runs.shard-1-of-2.csv"), "run_id\n\"a");
                }, "merge {w}/res/s", 2, Where.ERR, "{w}/res/s/runs.shard-1-of-2.csv:2: field 'csv': not valid CSV"),
                new Case("results: runs.csv not UTF-8 on line 4", w -> {
                    Path dir = RunFixtures.glue("s").write(w.resolve("res"));
                    List<String> lines = Files.readAllLines(dir.resolve("runs.csv"));
                    lines.set(3, lines.get(3).replace("abc1234", "abc@234"));
                    Files.write(dir.resolve("runs.csv"), badByte(String.join("\n", lines) + "\n"));
                }, "report {w}/res/s --no-baselines", 2, Where.ERR, "report: {w}/res/s/runs.csv:4: field 'encoding': not UTF-8"),
                new Case("results: another header", file("res/s/runs.csv", "run_id,suite\n1,s\n"), "report {w}/res/s --no-baselines",
                        2, Where.ERR, "report: {w}/res/s/runs.csv:1: field 'header': columns [run_id, suite] differ"),
                new Case("results: replay of a non-JSON run.json", file("run.json", "{\"config\": {"), "replay {w}/run.json", 2,
                        Where.ERR, "{w}/run.json:1:13: not valid JSON"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void malformedInputGivesOneClearLineAndItsExitCode(Case c) throws Exception {
        Path w = Files.createDirectories(root.resolve(c.name().replaceAll("[^A-Za-z0-9]+", "-")));
        c.setup().in(w);
        Result r = run(w, c.args());
        String expected = c.message().replace("{w}", w.toString());
        String text = c.where() == Where.ERR ? r.err() : r.out();
        assertEquals(c.exit(), r.code(), "exit code; out:\n" + r.out() + "\nerr:\n" + r.err());
        assertTrue(text.contains(expected), "expected '" + expected + "' in:\n" + text + "\nerr:\n" + r.err());
        assertFalse((r.out() + r.err()).contains("\tat "), "no stack trace:\n" + r.err());
        if (c.exit() == Main.EXIT_BAD_INPUT) {
            assertEquals(1, r.err().lines().count(), "one line:\n" + r.err());
            assertTrue(r.err().startsWith(expected.substring(0, Math.min(expected.length(), 20))), r.err());
        }
    }

    @Test
    void runOnADamagedRunsCsvExitsTwoAndLeavesItIntact() throws Exception {
        Path w = root;
        Files.writeString(w.resolve("s.yaml"), SUITE);
        Path rows = w.resolve("out/s/runs.csv");
        RunFixtures.glue("s").write(w.resolve("out"));
        Files.writeString(rows, "\"x\"y,1\n", java.nio.file.StandardOpenOption.APPEND);
        byte[] before = Files.readAllBytes(rows);
        Result r = run(w, "run {w}/s.yaml --out {w}/out");
        assertEquals(Main.EXIT_BAD_INPUT, r.code(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith(rows + ":26: field 'csv': not valid CSV: Invalid character between encapsulated "
                + "token and delimiter"), r.err());
        assertTrue(r.err().strip().endsWith("(the file is written by surm-bench; restore it from a shard or delete the row "
                + "to re-run it)"), r.err());
        assertArrayEquals(before, Files.readAllBytes(rows));
    }

    /** Oversized suites are refused before they are parsed: in milliseconds, not the minute a parser needs. */
    @Test
    void oversizedSuitesAreRefusedInMilliseconds() throws Exception {
        Path big = root.resolve("big.yaml");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.write(SUITE.getBytes(StandardCharsets.UTF_8));
            f.setLength(50L << 20);
        }
        Path longLine = root.resolve("long.yaml");
        Files.writeString(longLine, SUITE + "description: " + "y".repeat(1_000_000) + "\n");
        Result[] results = new Result[2];
        assertTimeoutPreemptively(Duration.ofMillis(1000), () -> {
            results[0] = run(root, "validate {w}/big.yaml");
            results[1] = run(root, "validate {w}/long.yaml");
        });
        assertEquals(Main.EXIT_BAD_INPUT, results[0].code());
        assertTrue(results[0].err().startsWith(big + ":1:1: the file is larger than 1048576 bytes"), results[0].err());
        assertEquals(Main.EXIT_BAD_INPUT, results[1].code());
        assertTrue(results[1].err().startsWith(longLine + ":5:4097: the line is 1000013 characters long"), results[1].err());
    }
}
