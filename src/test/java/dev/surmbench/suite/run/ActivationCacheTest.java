package dev.surmbench.suite.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import dev.surmbench.data.text.EncodedText;
import dev.surmbench.model.Backbones;
import dev.surmbench.model.ClassificationModel;
import dev.surmbench.model.WeightTensor;
import dev.surmbench.model.safetensors.SafeTensors;
import dev.surmbench.ops.NoGradient;
import dev.surmbench.results.FolderLock;
import dev.surmbench.results.ResultsLayout;
import dev.surmbench.results.RunJson;
import dev.surmbench.results.RunRecord;
import dev.surmbench.suite.DefaultCatalog;
import dev.surmbench.suite.RunSpec;
import dev.surmbench.suite.Suite;
import dev.surmbench.suite.SuiteParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The frozen-prefix cache changes no number: the same top-2-layer run (real MiniLM, real RTE data,
 * dropout on; lora, circulant, adapter and full) gives bit-identical per-epoch losses and metrics with the cache built, read back from
 * disk by a fresh process-level cache, and with persistence off; a damaged file is detected and
 * rebuilt to the same numbers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ActivationCacheTest {
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    @TempDir
    static Path dir;

    private Suite suite;

    @BeforeAll
    void parse() throws IOException {
        Path file = dir.resolve("prefix.yaml");
        Files.writeString(file, """
                name: prefix
                defaults:
                  adapt_layers: top-2
                  pooling: mean
                  dropout: 0.1
                  max_length: 64
                  batch_size: 8
                  eval_batch_size: 16
                  epochs: 2
                  learning_rate: 0.001
                  train_limit: 32
                  eval_limit: 16
                tasks: [rte]
                methods: [lora, circulant, adapter, full]
                seeds: [3]
                """);
        suite = SuiteParser.parse(file, new DefaultCatalog());
    }

    Stream<RunSpec> runs() {
        return suite.runs().stream();
    }

    private record Outcome(RunRecord record, List<Double> losses) {}

    private Outcome run(ActivationCache cache, RunSpec spec, String out) throws IOException {
        TrainingRunExecutor executor = new TrainingRunExecutor(Path.of("."), null, null, cache);
        SuiteRunner.Options options = new SuiteRunner.Options(dir.resolve(out), 1, 1, false, QUIET, false);
        ResultsLayout layout = ResultsLayout.of(dir.resolve(out), suite.name());
        RunRecord record = executor.execute(suite, spec, layout, options);
        JsonNode doc = RunJson.readTree(layout.runJson(spec.runId()));
        List<Double> losses = new ArrayList<>();
        doc.path("epochs").forEach(e -> losses.add(e.path("train_loss").asDouble()));
        return new Outcome(record, losses);
    }

    private static void assertSameNumbers(Outcome expected, Outcome actual, String what) {
        assertTrue(actual.record().completed(), what + ": " + actual.record().statusDetail());
        assertEquals(expected.losses(), actual.losses(), what + ": per-epoch training losses");
        assertEquals(expected.record().metricsBest(), actual.record().metricsBest(), what + ": best-epoch metrics");
        assertEquals(expected.record().metricsLast(), actual.record().metricsLast(), what + ": last-epoch metrics");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runs")
    void theCacheChangesNoNumber(RunSpec spec) throws IOException {
        Path files = dir.resolve("cache-" + spec.runId());
        Outcome built = run(new ActivationCache(files, true, QUIET), spec, "built");
        assertEquals(2, Files.list(files).filter(p -> p.toString().endsWith(".safetensors")).count(),
                "one entry for the training subset, one for the dev subset");
        Outcome reread = run(new ActivationCache(files, true, QUIET), spec, "reread");
        Outcome memoryOnly = run(new ActivationCache(dir.resolve("unused"), false, QUIET), spec, "memory");
        assertTrue(built.losses().size() == 2 && built.record().completed(), built.record().statusDetail());
        assertSameNumbers(built, reread, "states read back from disk");
        assertSameNumbers(built, memoryOnly, "states computed without persistence");
        assertTrue(Files.notExists(dir.resolve("unused")), "persistence off writes nothing");
    }

    @Test
    void aDamagedFileIsDetectedAndRebuiltToTheSameNumbers() throws IOException {
        RunSpec spec = suite.runs().stream().filter(r -> r.method().equals("lora") && r.task().equals("rte")).findFirst()
                .orElseThrow();
        Path files = dir.resolve("damaged");
        Outcome first = run(new ActivationCache(files, true, QUIET), spec, "first");
        Path entry = Files.list(files).filter(p -> p.toString().endsWith(".safetensors")).sorted().findFirst().orElseThrow();
        try (FileChannel ch = FileChannel.open(entry, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(new byte[] {0x7f, 0x7f, 0x7f, 0x7f}), Files.size(entry) - 64);
        }
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Outcome again = run(new ActivationCache(files, true, new PrintStream(log, true)), spec, "again");
        assertTrue(log.toString().contains(entry + " has sha256"), log.toString());
        assertTrue(log.toString().contains("rebuilding it"), log.toString());
        assertSameNumbers(first, again, "after the rebuild");
    }

    private RunSpec lora() {
        return suite.runs().stream().filter(r -> r.method().equals("lora")).findFirst().orElseThrow();
    }

    /** An entry's files copied over another entry's names (sidecar hash and file agree) is another key's: rebuilt. */
    @Test
    void anEntryUnderAnotherKeysNameIsDetectedAndRebuilt() throws IOException {
        RunSpec spec = lora();
        Path files = dir.resolve("swapped");
        Outcome first = run(new ActivationCache(files, true, QUIET), spec, "swap-first");
        List<Path> entries = Files.list(files).filter(p -> p.toString().endsWith(".safetensors")).sorted().toList();
        assertEquals(2, entries.size());
        String a = entries.get(0).getFileName().toString().replace(".safetensors", "");
        String b = entries.get(1).getFileName().toString().replace(".safetensors", "");
        Files.copy(files.resolve(a + ".safetensors"), files.resolve(b + ".safetensors"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(files.resolve(a + ".json"), files.resolve(b + ".json"), StandardCopyOption.REPLACE_EXISTING);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Outcome again = run(new ActivationCache(files, true, new PrintStream(log, true)), spec, "swap-again");
        assertTrue(log.toString().contains(files.resolve(b + ".json") + " records another entry ("), log.toString());
        assertSameNumbers(first, again, "after the rebuild");
    }

    /** SURM_CACHE_DIR naming a file (or a full or read-only folder): one line, and the run goes on without the cache. */
    @Test
    void anUnwritableCacheFolderIsReportedOnceAndTheRunGoesOnWithoutIt() throws IOException {
        RunSpec spec = lora();
        Path notAFolder = Files.writeString(dir.resolve("cache-is-a-file"), "x");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Outcome without = run(new ActivationCache(notAFolder, true, new PrintStream(log, true)), spec, "unwritable");
        Outcome memoryOnly = run(new ActivationCache(dir.resolve("unused-2"), false, QUIET), spec, "unwritable-memory");
        assertSameNumbers(memoryOnly, without, "a run without a writable cache");
        String expected = "activation cache: cannot write under " + notAFolder + " (it is a file, not a folder); going on "
                + "without saving activations";
        assertTrue(log.toString().contains(expected), log.toString());
        assertEquals(1, log.toString().lines().filter(l -> l.contains("cannot write under")).count(), "said once:\n" + log);
    }

    @Test
    void theSuffixFedWithCachedStatesGivesTheLogitsOfTheWholeEncoder() {
        try (ClassificationModel model = Backbones.classification("embedded:all-minilm-l6-v2", 2, 5);
                NDManager scope = model.manager().newSubManager()) {
            long[] ids = {101, 2023, 2003, 1037, 3231, 102};
            EncodedText text = new EncodedText(ids, new long[ids.length]);
            Shape shape = new Shape(1, ids.length);
            NDArray whole;
            try (NoGradient off = NoGradient.enter()) {
                whole = model.forward(new NDList(scope.create(ids, shape), scope.create(new long[ids.length], shape),
                        scope.create(new long[] {1, 1, 1, 1, 1, 1}, shape)), false);
            }
            PrefixStates states = new ActivationCache(null, false, QUIET).states(model, 4, List.of(text));
            float[] hidden = new float[ids.length * states.dim()];
            states.copyInto(0, hidden, 0, ids.length);
            model.enterAt(4);
            NDArray suffix;
            try (NoGradient off = NoGradient.enter()) {
                suffix = model.forward(new NDList(scope.create(hidden, new Shape(1, ids.length, states.dim())),
                        scope.create(new long[] {1, 1, 1, 1, 1, 1}, shape)), false);
            }
            assertArrayEquals(whole.toFloatArray(), suffix.toFloatArray(), 0f,
                    "one example alone: the prefix is the same computation either way");
        }
    }

    /**
     * A cache in {@code files} logging to {@code log}, the model it builds with, the examples' states computed by
     * one process in memory ({@code alone}) and the entry's slices; names the entry's slice files.
     */
    private record Slicing(ClassificationModel model, List<EncodedText> examples, Path files, ActivationCache cache,
                           ByteArrayOutputStream log, PrefixStates alone, PrefixSlices slices, String entry)
            implements AutoCloseable {

        static Slicing of(List<EncodedText> examples, Path files) {
            ClassificationModel model = Backbones.classification("embedded:all-minilm-l6-v2", 2, 5);
            PrefixStates alone = new ActivationCache(null, false, QUIET).states(model, 4, examples);
            ByteArrayOutputStream log = new ByteArrayOutputStream();
            ActivationCache cache = new ActivationCache(files, true, new PrintStream(log, true));
            return new Slicing(model, examples, files, cache, log, alone, PrefixSlices.of(examples, alone.dim(),
                    ActivationCache.GROUP, ActivationCache.SLICES), cache.entryId(model, 4, examples));
        }

        /** Slice {@code s}'s file with {@code suffix} ({@code .safetensors}: its part file; {@code .lock}: its lock). */
        Path slice(int s, String suffix) {
            return files.resolve(entry + ".slice-" + s + "-of-" + slices.count() + suffix);
        }

        /** The entry as the cache gives it (loading, building or sharing the build). */
        PrefixStates states() {
            return cache.states(model, 4, examples);
        }

        @Override
        public void close() {
            model.close();
        }
    }

    /**
     * Another process holds slice 0 of an entry (another thread holding its lock: {@link FolderLock}
     * excludes threads as it excludes processes) and writes its part file: this cache computes every
     * other slice, waits for that one, reads it, and the entry is the same floats as one process
     * computing it alone; the part files and slice locks are gone afterwards and the entry loads again.
     */
    @Test
    void anEntryBuiltTogetherWithAnotherProcessIsTheSameFloats() throws Exception {
        try (Slicing fixture = Slicing.of(PrefixSlicesTest.examples(300, 40, 5), dir.resolve("shared"))) {
            PrefixSlices slices = fixture.slices();
            int n = slices.count();
            CountDownLatch held = new CountDownLatch(1);
            ExecutorService other = Executors.newSingleThreadExecutor();
            try {
                Future<Boolean> otherSawTheRest = other.submit(() -> {
                    Path lockFile = fixture.slice(0, ".lock");
                    try (FolderLock lock = FolderLock.acquire(lockFile.getParent(), lockFile.getFileName().toString())) {
                        held.countDown();
                        SafeTensors.write(fixture.slice(0, ".safetensors"), Map.of("hidden_states", new WeightTensor(
                                new long[] {slices.tokens(0) * fixture.alone().dim()},
                                slices.extract(0, fixture.alone().data()))), Map.of());
                        // let go once the cache has computed every other slice, so that it waits for this one
                        long deadline = System.nanoTime() + 120_000_000_000L;
                        boolean rest = false;
                        while (!rest && System.nanoTime() < deadline) {
                            rest = java.util.stream.IntStream.range(1, n)
                                    .allMatch(s -> Files.exists(fixture.slice(s, ".safetensors")));
                            Thread.sleep(20);
                        }
                        return rest;
                    }
                });
                held.await();
                PrefixStates together = fixture.states();
                assertTrue(otherSawTheRest.get(), "the cache computed slices 1.." + (n - 1) + " while slice 0 was held");
                assertArrayEquals(fixture.alone().lengths(), together.lengths());
                assertArrayEquals(fixture.alone().data(), together.data(), 0f,
                        "the same floats, slice 0 from the other's part file");
                assertTrue(fixture.log().toString().contains((n - 1) + " of " + n + " slices computed here"),
                        fixture.log().toString());
            } finally {
                other.shutdownNow();
            }
            List<String> left = fixture.cache().files().stream().map(p -> p.getFileName().toString())
                    .filter(f -> f.contains(".slice-")).toList();
            assertEquals(List.of(), left, "part files and slice locks deleted once the entry is stored");
            PrefixStates reread = new ActivationCache(fixture.files(), true, QUIET)
                    .states(fixture.model(), 4, fixture.examples());
            assertArrayEquals(fixture.alone().data(), reread.data(), 0f, "the stored entry");
        }
    }

    /** A part file of another size (left by other code, or damaged) is reported and its slice computed again. */
    @Test
    void aPartFileOfTheWrongSizeIsComputedAgain() throws Exception {
        try (Slicing fixture = Slicing.of(PrefixSlicesTest.examples(120, 30, 9), dir.resolve("bad-part"))) {
            int n = fixture.slices().count();
            Path part = fixture.slice(0, ".safetensors");
            Files.createDirectories(fixture.files());
            SafeTensors.write(part, Map.of("hidden_states", new WeightTensor(new long[] {5}, new float[5])), Map.of());
            PrefixStates built = fixture.states();
            assertArrayEquals(fixture.alone().data(), built.data(), 0f);
            assertTrue(fixture.log().toString().contains("cannot use " + part), fixture.log().toString());
            assertTrue(fixture.log().toString().contains(n + " of " + n + " slices computed here"), fixture.log().toString());
        }
    }
}
