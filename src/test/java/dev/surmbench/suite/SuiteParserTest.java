package dev.surmbench.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Suite files: expansion, run ids, includes, sharding, and precise errors for malformed files. */
class SuiteParserTest {
    @TempDir
    Path dir;

    private static final String VALID = """
            name: demo
            version: 2
            defaults:
              epochs: 2
              train_limit: 64
            tasks: [rte, {task: mrpc, epochs: 1}]
            methods:
              - lora
              - method: circulant
                options: {alpha: 2.0}
              - method: lora
                label: lora-r4
                options: {rank: 4}
                learning_rate: 0.001
            seeds: [1, 2]
            """;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private Suite parse(String text) throws IOException {
        return SuiteParser.parse(write("suite.yaml", text), new TestCatalog());
    }

    @Test
    void expandsTasksTimesMethodsTimesSeedsInTheFilesOrder() throws IOException {
        Suite suite = parse(VALID);
        assertEquals("demo", suite.name());
        assertEquals(2, suite.version());
        assertEquals(2 * 3 * 2, suite.runs().size());
        RunSpec first = suite.runs().get(0);
        assertEquals(List.of("rte", "lora", 1L), List.of(first.task(), first.label(), first.seed()));
        assertEquals(List.of("rte lora 1", "rte lora 2", "rte circulant 1", "rte circulant 2", "rte lora-r4 1"),
                suite.runs().subList(0, 5).stream().map(r -> r.task() + " " + r.label() + " " + r.seed()).toList(),
                "tasks as listed, each task's methods as listed, then seeds");
        RunSpec mrpcLora4 = suite.runs().stream().filter(r -> r.task().equals("mrpc") && r.label().equals("lora-r4")).findFirst().orElseThrow();
        assertEquals(1, mrpcLora4.config().epochs(), "task override beats defaults");
        assertEquals(0.001, mrpcLora4.config().learningRate(), "method override");
        assertEquals(64, mrpcLora4.config().trainLimit());
        assertEquals(4, ((Number) mrpcLora4.methodOptions().get("rank")).intValue());
        assertEquals(suite.runs().size(), suite.runs().stream().map(RunSpec::runId).distinct().count());
    }

    @Test
    void runIdsAreStableAndChangeWithAnySetting() throws IOException {
        List<String> a = parse(VALID).runs().stream().map(RunSpec::runId).toList();
        List<String> b = parse(VALID).runs().stream().map(RunSpec::runId).toList();
        assertEquals(a, b);
        List<String> c = parse(VALID.replace("train_limit: 64", "train_limit: 65")).runs().stream().map(RunSpec::runId).toList();
        assertTrue(a.stream().noneMatch(c::contains), "every run depends on train_limit");
        List<String> renamed = parse(VALID.replace("name: demo", "name: other")).runs().stream().map(RunSpec::runId).toList();
        assertEquals(a, renamed, "the suite name does not change what a run computes");
    }

    @Test
    void includeGivesDefaultsThatThisFileOverridesPerKey() throws IOException {
        write("base.yaml", """
                name: base
                defaults: {epochs: 5, batch_size: 8}
                tasks: [rte]
                methods: [lora]
                seeds: [1]
                """);
        Suite suite = parse("""
                include: base.yaml
                name: child
                defaults: {epochs: 1}
                seeds: [7, 8]
                """);
        assertEquals("child", suite.name());
        assertEquals(2, suite.runs().size());
        assertEquals(1, suite.runs().get(0).config().epochs());
        assertEquals(8, suite.runs().get(0).config().batchSize());
    }

    @Test
    void theSuiteHashCoversTheFilesItIncludes() throws IOException {
        String base = "name: base\ndefaults: {epochs: 5}\ntasks: [rte]\nmethods: [lora]\nseeds: [1]\n";
        String child = "include: base.yaml\nname: child\n";
        write("base.yaml", base);
        Suite first = parse(child);
        // sha256 of the bytes of the suite, then of each file it includes: cat suite.yaml base.yaml | sha256sum
        assertEquals(dev.surmbench.util.Sha256.of((child + base).getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                first.sha256());
        write("base.yaml", base.replace("epochs: 5", "epochs: 6"));
        Suite second = parse(child);
        assertTrue(!first.sha256().equals(second.sha256()), "an edited included file changes the suite's hash");
        Suite alone = parse(base);
        assertEquals(dev.surmbench.util.Sha256.of(dir.resolve("suite.yaml")), alone.sha256(),
                "without includes: the file's own hash, as before");
    }

    @Test
    void shardsPartitionTheRunsStably() throws IOException {
        Suite suite = parse(VALID);
        Set<String> union = new HashSet<>();
        int total = 0;
        for (int i = 1; i <= 3; i++) {
            List<RunSpec> shard = suite.shard(i, 3);
            total += shard.size();
            shard.forEach(r -> union.add(r.runId()));
            assertEquals(shard, parse(VALID).shard(i, 3));
        }
        assertEquals(suite.runs().size(), total);
        assertEquals(suite.runs().size(), union.size());
        assertThrows(IllegalArgumentException.class, () -> suite.shard(4, 3));
    }

    @Test
    void adaptLayersIsCanonicalLabelledAndLeavesOtherRunIdsAlone() throws IOException {
        String tail = "tasks: [rte]\nmethods: [lora, full]\nseeds: [1]\n";
        Suite plain = parse("name: x\n" + tail);
        Suite all = parse("name: x\ndefaults: {adapt_layers: all}\n" + tail);
        Suite listed = parse("name: x\ndefaults: {adapt_layers: [5, 4]}\n" + tail);
        Suite top = parse("name: x\ndefaults: {adapt_layers: top-2}\n" + tail);
        assertEquals(plain.runs().stream().map(RunSpec::runId).toList(), all.runs().stream().map(RunSpec::runId).toList(),
                "'all' is the built-in default and keeps the ids of runs recorded before the setting existed");
        assertNotEquals(plain.runs().get(0).runId(), listed.runs().get(0).runId(), "a selection is part of the id");
        assertEquals("4,5", listed.runs().get(0).settings().get("adapt_layers"));
        assertEquals("top-2", top.runs().get(0).settings().get("adapt_layers"));
        assertEquals(List.of("lora (layers 4–5)", "full (layers 4–5)"), listed.runs().stream().map(RunSpec::label).toList());
        assertEquals(List.of("lora (top 2 layers)", "full (top 2 layers)"), top.runs().stream().map(RunSpec::label).toList());
        assertEquals(List.of("lora", "full"), plain.runs().stream().map(RunSpec::label).toList());
    }

    static Stream<Arguments> malformed() {
        String tail = "tasks: [rte]\nmethods: [lora]\nseeds: [1]\n";
        return Stream.of(
                Arguments.of("unknown top-level key", "name: x\nmethod: [lora]\n" + tail, "2:1", "unknown key 'method'; allowed: defaults"),
                Arguments.of("unknown setting", "name: x\ndefaults:\n  learnig_rate: 0.1\n" + tail, "3:3", "unknown setting 'learnig_rate'; allowed: backbone"),
                Arguments.of("wrong type", "name: x\ndefaults:\n  epochs: three\n" + tail, "3:11", "'epochs' must be a whole number, got text 'three'"),
                Arguments.of("out of range", "name: x\ndefaults:\n  warmup_ratio: 1.5\n" + tail, "3:17", "'warmup_ratio' must be in [0.0, 1.0], got 1.5"),
                Arguments.of("unknown save value", "name: x\ndefaults:\n  save: always\n" + tail, "3:9", "'save' must be one of adapter, auto, merged, none, got 'always'"),
                Arguments.of("unknown task", "name: x\ntasks: [rte, rtee]\nmethods: [lora]\nseeds: [1]\n", "2:14", "unknown task 'rtee'; known: cola, mrpc"),
                Arguments.of("unknown method", "name: x\ntasks: [rte]\nmethods: [lora2]\nseeds: [1]\n", "3:11", "unknown method; known: full, linear-probe"),
                Arguments.of("option out of range", "name: x\ntasks: [rte]\nmethods:\n  - method: lora\n    options: {rank: 0}\nseeds: [1]\n", "5:21", "option 'rank': must be in [1, 4096], got 0"),
                Arguments.of("unknown option", "name: x\ntasks: [rte]\nmethods:\n  - method: lora\n    options: {rnak: 4}\nseeds: [1]\n", "5:15", "unknown option; allowed: alpha, dropout, rank, targets"),
                Arguments.of("impossible combination", "name: x\ntasks: [rte]\nmethods:\n  - method: kronecker\n    options: {rank: 5}\nseeds: [1]\n", "4:5", "rank 5 must divide both dimensions of the 384x384 projection"),
                Arguments.of("duplicate seed", "name: x\ntasks: [rte]\nmethods: [lora]\nseeds: [1, 1]\n", "4:12", "seed 1 is listed twice"),
                Arguments.of("missing seeds", "name: x\ntasks: [rte]\nmethods: [lora]\n", "1:1", "missing required key 'seeds'"),
                Arguments.of("bad YAML", "name: x\ntasks: [rte\nmethods: [lora]\n", "3:", "not valid YAML"),
                Arguments.of("duplicate label", "name: x\ntasks: [rte]\nmethods: [lora, {method: lora, options: {rank: 4}}]\nseeds: [1]\n", "3:17", "share the label 'lora'"),
                Arguments.of("unknown backbone", "name: x\ndefaults: {backbone: 'embedded:nope'}\n" + tail, "2:22", "unknown backbone 'embedded:nope'"),
                Arguments.of("missing include", "include: base.yaml\nname: x\n" + tail, "1:10", "does not exist"),
                Arguments.of("duplicate key", "name: x\nname: y\n" + tail, "2:1", "key 'name' appears twice"),
                Arguments.of("adapt_layers beyond the encoder", "name: x\ndefaults: {adapt_layers: [4, 6]}\n" + tail, "3:9",
                        "adapt_layers: layer 6 does not exist; the encoder has layers 0–5 (backbone embedded:all-minilm-l6-v2)"),
                Arguments.of("adapt_layers not a selection", "name: x\ndefaults: {adapt_layers: bottom}\n" + tail, "2:26",
                        "adapt_layers must be 'all', 'top-N' or a list of layer indices like [4, 5], got 'bottom'"),
                Arguments.of("adapt_layers with a name in the list", "name: x\ndefaults: {adapt_layers: [4, q]}\n" + tail, "2:30",
                        "'adapt_layers' lists layer indices (whole numbers from 0), got text 'q'"),
                Arguments.of("validation not whole", "name: x\ndefaults: {validation: 2.5}\n" + tail, "2:24",
                        "validation must be a fraction below 1 or a whole count, got 2.5"),
                Arguments.of("tuning without validation", "name: x\ntune: {seeds: [1]}\n" + tail, "2:7",
                        "tuning chooses on a validation split, and rte/lora has none: set 'validation'"),
                Arguments.of("descending grid", "name: x\ndefaults: {validation: 0.1}\ntune: {learning_rate: {grid: [0.1, 0.01]}}\n"
                        + tail, "3:23", "a learning-rate grid must be strictly ascending"),
                Arguments.of("grid of words", "name: x\ndefaults: {validation: 0.1}\ntune: {learning_rate: {log_range: [low, high]}}\n"
                        + tail, "3:35", "every rate must be a number"),
                Arguments.of("unknown trial rank", "name: x\ndefaults: {validation: 0.1}\ntune: {rank: accuracy}\n"
                        + tail, "3:14", "'tune.rank' is headline (the validation headline metric, higher is better) or loss"),
                Arguments.of("rank for an unknown task", "name: x\ndefaults: {validation: 0.1}\ntune: {rank: {default: loss, stsb: headline}}\n"
                        + tail, "3:14", "'tune.rank' names the task 'stsb', which is no task of this suite (rte)"),
                Arguments.of("full budget for an unknown task", "name: x\ndefaults: {validation: 0.1}\ntune: {full_budget: [cola]}\n"
                        + tail, "3:21", "'tune.full_budget' names the task 'cola', which is no task of this suite (rte)"),
                Arguments.of("full budget not a list", "name: x\ndefaults: {validation: 0.1}\ntune: {full_budget: rte}\n"
                        + tail, "3:21", "'tune.full_budget' is a non-empty list of tasks whose trials are full final runs"),
                Arguments.of("tune for an unknown method", "name: x\ndefaults: {validation: 0.1}\ntune: {methods: {lorra: {epochs: 1}}}\n"
                        + tail, "3:25", "'tune.methods' names 'lorra', which is no method label"),
                Arguments.of("override of an unknown cell", "name: x\noverrides: [{task: rte, method: adapter, epochs: 1}]\n" + tail,
                        "2:13", "'overrides' names rte/adapter, which is no task/method cell"),
                Arguments.of("override with a bad setting", "name: x\noverrides: [{task: rte, method: lora, epoch: 1}]\n" + tail,
                        "2:39", "unknown setting 'epoch'"),
                Arguments.of("bad target", "name: x\ntasks: [rte]\nmethods:\n  - method: lora\n    options: {targets: [q_proj]}\nseeds: [1]\n", "4:5", "target 'q_proj' matches no adaptable module"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void malformedSuiteNamesFileLineColumnAndTheFix(String title, String text, String position, String message) throws IOException {
        Path file = write("bad.yaml", text);
        SuiteException e = assertThrows(SuiteException.class, () -> SuiteParser.parse(file, new TestCatalog()));
        String expectedPrefix = file.toString() + ":" + position;
        assertTrue(e.getMessage().contains(expectedPrefix), title + ": expected position " + position + " in\n" + e.getMessage());
        assertTrue(e.getMessage().contains(message), title + ": expected '" + message + "' in\n" + e.getMessage());
    }

    @Test
    void allProblemsAreReportedTogether() throws IOException {
        Path file = write("bad.yaml", "name: x\ndefaults: {epochs: 0, batch_size: -1}\ntasks: [nope]\nmethods: [lora]\nseeds: [1]\n");
        SuiteException e = assertThrows(SuiteException.class, () -> SuiteParser.parse(file, new TestCatalog()));
        assertEquals(3, e.problems().size(), e.getMessage());
    }

    @Test
    void includeCycleIsReported() throws IOException {
        write("a.yaml", "include: b.yaml\nname: a\n");
        write("b.yaml", "include: a.yaml\nname: b\n");
        SuiteException e = assertThrows(SuiteException.class, () -> SuiteParser.parse(dir.resolve("a.yaml"), new TestCatalog()));
        assertTrue(e.getMessage().contains("include cycle"), e.getMessage());
        assertNotEquals(0, e.problems().size());
    }
}
