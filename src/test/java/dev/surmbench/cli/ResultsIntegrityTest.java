package dev.surmbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surmbench.report.RunFixtures;
import dev.surmbench.results.RunStatus;
import dev.surmbench.results.RunsCsv;
import dev.surmbench.util.Sha256;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The sweep of issue 25 ("nothing silent") through the real command line: results that disagree,
 * values that would pass a check silently, and messages that must name the culprit without echoing a
 * file that is not a suite. Each case asserts the exit code (2: the user's input), one line on stderr
 * naming the culprit (and, where a file is not ours, none of its content), no stack trace, and that
 * nothing already in the case's folder changed. {@code {w}} in a case's arguments is its folder.
 * Cases that need training or a file system fault are tested below the CLI: see
 * docs/results-integrity.md for the full list and where each is tested.
 */
class ResultsIntegrityTest {
    private static final String SUITE = "name: s\ntasks: [rte]\nmethods: [lora]\nseeds: [1]\n";
    private static final String BASELINE_HEADER = "source,backbone,task,method,label,metric,statistic,value,std,n,"
            + "trainable_params,train_examples_per_s,tolerance,min_throughput_ratio,citation,table,run_ids,git_commit,notes\n";
    private static final String DUPLICATE = "s-sst2-lora-s1";

    @TempDir
    Path root;

    /**
     * @param names substrings the one error line must hold ({@code {w}}: the case's folder)
     * @param never substrings it must not hold (a foreign file's content, class names)
     */
    record Case(String name, MalformedInputsTest.Setup setup, String args, List<String> names, List<String> never) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** The glue fixture plus a second, different row for run {@value #DUPLICATE} (accuracy 0.5 instead of 0.88). */
    private static RunFixtures disagreeing() {
        return RunFixtures.glue("s").add(DUPLICATE, "sst2", "lora", "lora", 1, RunStatus.COMPLETED, "", 0.5, 73_728, 50);
    }

    private static MalformedInputsTest.Setup file(String name, String text) {
        return w -> {
            Files.createDirectories(w.resolve(name).getParent());
            Files.writeString(w.resolve(name), text);
        };
    }

    private static MalformedInputsTest.Setup results() {
        return w -> RunFixtures.glue("s").write(w.resolve("res"));
    }

    static Stream<Case> cases() {
        List<String> none = List.of("dev.surmbench", "Exception");
        String dupNames = "run " + DUPLICATE + " has a different row at {w}/res/s/runs.csv:2 (differing columns: ";
        return Stream.of(
                // 1. two different rows for one run id: report, check and run refuse, naming file, id and columns
                new Case("1 report: runs.csv with two rows for one id", w -> disagreeing().write(w.resolve("res")),
                        "report {w}/res/s --no-baselines", List.of("{w}/res/s/runs.csv:26: " + dupNames, "best_value",
                                "metrics_best"), none),
                new Case("1 check: runs.csv with two rows for one id", w -> {
                    disagreeing().write(w.resolve("res"));
                    Files.writeString(w.resolve("b.csv"), BASELINE_HEADER);
                }, "check {w}/res/s --baseline {w}/b.csv", List.of("check: {w}/res/s/runs.csv:26: " + dupNames), none),
                new Case("1 run: resume over runs.csv with two rows for one id", w -> {
                    disagreeing().write(w.resolve("res"));
                    Files.writeString(w.resolve("s.yaml"), SUITE);
                }, "run {w}/s.yaml --out {w}/res", List.of("{w}/res/s/runs.csv:26: " + dupNames), none),
                // 2. merge of shard files that disagree: refused, nothing written
                new Case("2 merge: shards that disagree", w -> {
                    Path dir = Files.createDirectories(w.resolve("res/s"));
                    RunsCsv.write(dir.resolve("runs.shard-1-of-2.csv"), RunFixtures.glue("s").runs());
                    RunsCsv.write(dir.resolve("runs.shard-2-of-2.csv"), new RunFixtures("s")
                            .add(DUPLICATE, "sst2", "lora", "lora", 1, RunStatus.COMPLETED, "", 0.99, 73_728, 50).runs());
                }, "merge {w}/res/s", List.of("{w}/res/s/runs.shard-2-of-2.csv:2: run " + DUPLICATE
                        + " has a different row at {w}/res/s/runs.shard-1-of-2.csv:2 (differing columns: best_value"), none),
                // a baseline's reference rows that name one run differently
                new Case("1 baseline: two reference rows for one run id", w -> {
                    results().in(w);
                    Files.writeString(w.resolve("b.csv"), BASELINE_HEADER
                            + "reference,b,sst2,lora,,accuracy,mean,88,,3,,,,,,,r1,abc,\n"
                            + "reference,b,cola,lora,,mcc,mean,40,,3,,,,,,,r1,abc,\n");
                }, "check {w}/res/s --baseline {w}/b.csv", List.of("check: {w}/b.csv:3: run r1 has a different row at "
                        + "{w}/b.csv:2 (differing columns: task, metric, value)"), none),
                // 5. numbers that would pass any check
                new Case("5 check --throughput-ratio NaN", results(), "check {w}/res/s --baseline {w}/res/b.csv "
                        + "--throughput-ratio NaN", List.of("--throughput-ratio", "'NaN' is not a finite number"), none),
                new Case("5 check --throughput-ratio Infinity", results(), "check {w}/res/s --baseline {w}/res/b.csv "
                        + "--throughput-ratio Infinity", List.of("--throughput-ratio", "'Infinity' is not a finite number"), none),
                new Case("5 check --tolerance NaN", results(), "check {w}/res/s --baseline {w}/res/b.csv --tolerance NaN",
                        List.of("--tolerance", "'NaN' is not a finite number"), none),
                new Case("5 check --tolerance -Infinity", results(), "check {w}/res/s --baseline {w}/res/b.csv "
                        + "--tolerance -Infinity", List.of("--tolerance", "'-Infinity' is not a finite number"), none),
                // 6. a second YAML document
                new Case("6 suite with a second YAML document", file("s.yaml", SUITE + "---\nname: t\n"), "validate {w}/s.yaml",
                        List.of("{w}/s.yaml:6:1: a second YAML document"), none),
                // a YAML parser's complaint: its reason and the offending line once, not its context block
                new Case("targets: a YAML syntax error is one line", file("s.yaml", "name: s\ntasks: [rte\nmethods: [lora]\n"
                        + "seeds: [1]\n"), "validate {w}/s.yaml", List.of("{w}/s.yaml:", "not valid YAML: "), List.of("^")),
                // 7. merge with nothing to merge, --baselines-dir naming a file
                new Case("7 merge on an empty folder", w -> Files.createDirectories(w.resolve("res/s")), "merge {w}/res/s",
                        List.of("{w}/res/s: no shard files"), none),
                new Case("7 merge on a folder with runs.csv only", results(), "merge {w}/res/s",
                        List.of("{w}/res/s: no shard files"), none),
                new Case("7 report --baselines-dir on a file", w -> {
                    results().in(w);
                    Files.writeString(w.resolve("b.csv"), BASELINE_HEADER);
                }, "report {w}/res/s --baselines-dir {w}/b.csv", List.of("report: {w}/b.csv is a file, not a folder"), none),
                // 9. include of a file that is not a suite: refused without a word of it
                new Case("9 include of a file that is not a suite", w -> {
                    Files.writeString(w.resolve("shadow"), "root:*:19000:0:99999:7:::\ndaemon:*:19000:0:99999:7:::\n");
                    Files.writeString(w.resolve("s.yaml"), "include: shadow\n" + SUITE);
                }, "validate {w}/s.yaml", List.of("{w}/s.yaml:1:10: included file {w}/shadow is not a suite"),
                        List.of("root", "daemon", "19000")),
                new Case("9 include of a file that is not YAML", w -> {
                    Files.writeString(w.resolve("shadow"), "root: [x\n: secret-value\n");
                    Files.writeString(w.resolve("s.yaml"), "include: shadow\n" + SUITE);
                }, "validate {w}/s.yaml", List.of("{w}/s.yaml:1:10: included file {w}/shadow is not a suite"),
                        List.of("secret-value")),
                // 11. run.json with fields of the wrong type
                new Case("11 replay of a run.json with wrong types", file("run.json", "{\"config\": \"x\", \"epochs\": 3}"),
                        "replay {w}/run.json", List.of("{w}/run.json: field 'config' has the wrong type (expected an object)"),
                        List.of("dev.surmbench", "Cannot construct", "RunDocument")),
                new Case("11 replay of a run.json whose seed is text", file("run.json",
                        "{\"config\": {\"run_id\": \"a\", \"seed\": \"one\"}}"), "replay {w}/run.json",
                        List.of("{w}/run.json: field 'config.seed' has the wrong type (expected a whole number)"),
                        List.of("dev.surmbench", "java.lang")),
                // 12. binary --text-file; a suite name too long for a folder name
                new Case("12 encode --text-file on binary", w -> Files.write(w.resolve("in.bin"),
                        new byte[] {'o', 'k', '\n', (byte) 0xC3, 0x28, 0, 1}), "encode --backbone embedded:all-minilm-l6-v2 "
                        + "--text-file {w}/in.bin", List.of("{w}/in.bin:2:1: not UTF-8 text"), none),
                new Case("12 a 300-character suite name", file("s.yaml", SUITE.replace("name: s", "name: " + "n".repeat(300))),
                        "validate {w}/s.yaml", List.of("{w}/s.yaml:1:7: 'name' is 300 characters long", "at most 100"), none),
                new Case("12 a suite name of dots", file("s.yaml", SUITE.replace("name: s", "name: '..'")),
                        "validate {w}/s.yaml", List.of("{w}/s.yaml:1:7: 'name' '..' is not a usable folder name"), none));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void refusedWithOneLineNamingTheCulpritAndNothingChanged(Case c) throws Exception {
        Path w = Files.createDirectories(root.resolve(c.name().replaceAll("[^A-Za-z0-9]+", "-")));
        c.setup().in(w);
        Map<String, String> before = snapshot(w);
        MalformedInputsTest.Result r = MalformedInputsTest.run(w, c.args());
        String err = r.err();
        assertEquals(Main.EXIT_BAD_INPUT, r.code(), "exit code; out:\n" + r.out() + "\nerr:\n" + err);
        assertEquals(1, err.lines().count(), "one line:\n" + err);
        for (String name : c.names()) {
            String expected = name.replace("{w}", w.toString());
            assertTrue(err.contains(expected), "expected '" + expected + "' in:\n" + err);
        }
        for (String word : c.never()) {
            assertFalse(err.contains(word), "'" + word + "' must not be shown:\n" + err);
        }
        assertFalse((r.out() + err).contains("\tat "), "no stack trace");
        assertEquals(before, snapshot(w), "nothing already there changed, nothing was added");
    }

    /** Every file under {@code w} by relative path → SHA-256. */
    private static Map<String, String> snapshot(Path w) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(w)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.put(w.relativize(f).toString(), Sha256.of(f));
            }
        }
        return out;
    }

    static String text(Path file) throws Exception {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
