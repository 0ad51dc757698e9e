package dev.surmbench.suite.run;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.surmbench.data.download.CacheDirs;
import dev.surmbench.data.text.EncodedText;
import dev.surmbench.model.ClassificationModel;
import dev.surmbench.model.WeightTensor;
import dev.surmbench.model.TensorSet;
import dev.surmbench.model.WeightLoadException;
import dev.surmbench.model.safetensors.SafeTensors;
import dev.surmbench.peft.BlockPaths;
import dev.surmbench.results.FolderLock;
import dev.surmbench.train.ResourceMeter;
import dev.surmbench.util.Sha256;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The frozen-prefix activation cache: the hidden states entering the first adapted layer are a pure
 * function of the backbone's prefix weights, the entry layer and the tokenised examples, so they are
 * computed once per (backbone, entry layer, example list) and reused by every method, seed and epoch
 * of a task — within an invocation from memory, across invocations (and by {@code replay} and shards)
 * from {@code <root>/<key>.safetensors} (root: {@code ~/.cache/surm-bench/activations}, moved by
 * {@code -Dsurm.cache.dir} / {@code SURM_CACHE_DIR}).
 *
 * <p><b>Exactness.</b> The prefix of an example depends on nothing but the example: examples are
 * grouped by exact token count (sorted by length, then by position in the list) into batches of up
 * to {@value #GROUP} without padding, and run in evaluation mode without autograd. Whether the states
 * come from the file, from memory, or are computed afresh with persistence off, they are the same
 * floats, so the cache never changes a result and deleting it changes nothing (a test runs the same
 * run each way and compares every loss and metric exactly). Computing the prefix inside each padded
 * training batch instead would not be equivalent to the last bit: PyTorch's CPU matrix products round
 * a row differently depending on the batch around it (measured: up to 8·10⁻⁶ absolute on BERT-base
 * hidden states), so the batch layout would leak into the numbers.
 *
 * <p><b>Key.</b> SHA-256 of: the backbone spec, the SHA-256 of every prefix parameter (names,
 * shapes, float bits: embeddings and layers below the entry), the entry layer, PyTorch's thread
 * count and version (their reductions round differently), and every example's token ids and types in
 * order. <b>Files</b> are written under a temporary name and renamed; a sidecar {@code <key>.json}
 * written after it records what the key covers and the file's SHA-256, both checked on every load (a
 * sidecar of another key or a file of another hash is reported, deleted and rebuilt). The check
 * catches damage and misplaced files, not a deliberate forgery (the cache is as trusted as the results
 * folder: see docs/results-integrity.md). A cache folder that cannot be written (full, read-only, a
 * file) is reported once and the process goes on without saving entries: the numbers do not depend on it.
 * An entry is built under its own lock file ({@code <key>.lock}): processes that need it at once wait
 * for the first and read its file.
 *
 * <p><b>Memory.</b> An entry holds real lengths only (tokens × d × 4 bytes; RTE on MiniLM ≈ 0.3 GB,
 * on BERT-base ≈ 0.6 GB). Entries stay in memory, least recently used first out, while they fit the
 * budget ({@value #DEFAULT_BUDGET_MB} MB unless {@code -Dsurm.activations.mb} says otherwise); an
 * entry above it is used and dropped, so each run reloads it from disk.
 */
public final class ActivationCache {
    /** Examples per prefix batch (all of one length, so none is padded). */
    static final int GROUP = 32;
    static final long DEFAULT_BUDGET_MB = 4096;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private final Path root;
    private final boolean persist;
    private final long budgetBytes;
    private final PrintStream log;
    private final LinkedHashMap<String, PrefixStates> memory = new LinkedHashMap<>(16, 0.75f, true);
    private final Map<String, String> weightHashes = new java.util.HashMap<>();
    /** Set when a write failed (a full disk, a file in the folder's place, a read-only folder): no more tries. */
    private boolean unwritable;

    /**
     * @param root folder of the cache files ({@code null}: the default above)
     * @param persist false: nothing is read from or written to disk (entries are computed in memory)
     * @param log where building and verification are reported
     */
    public ActivationCache(Path root, boolean persist, PrintStream log) {
        this.root = root != null ? root : CacheDirs.of("activations");
        this.persist = persist;
        this.budgetBytes = Long.getLong("surm.activations.mb", DEFAULT_BUDGET_MB) << 20;
        this.log = log;
    }

    public Path root() {
        return root;
    }

    /** The prefix states of {@code examples} entering layer {@code entryLayer} of {@code model}. */
    synchronized PrefixStates states(ClassificationModel model, int entryLayer, List<EncodedText> examples) {
        Map<String, Object> key = keyFields(model, entryLayer, examples);
        String id = hash(key).substring(0, 32);
        PrefixStates held = memory.get(id);
        if (held != null) {
            return held;
        }
        PrefixStates states = persist ? load(id, key) : null;
        if (states == null) {
            states = persist && !unwritable ? buildOnce(id, key, model, entryLayer, examples)
                    : build(id, model, entryLayer, examples);
        }
        if (states.bytes() <= budgetBytes) {
            memory.put(id, states);
            long held2 = memory.values().stream().mapToLong(PrefixStates::bytes).sum();
            var it = memory.entrySet().iterator();
            while (held2 > budgetBytes && it.hasNext()) {
                var eldest = it.next();
                if (!eldest.getKey().equals(id)) {
                    held2 -= eldest.getValue().bytes();
                    it.remove();
                }
            }
        }
        return states;
    }

    private PrefixStates build(String id, ClassificationModel model, int entryLayer, List<EncodedText> examples) {
        log.printf("activation cache: computing layers 0-%d for %d examples…%n", entryLayer - 1, examples.size());
        long start = System.nanoTime();
        PrefixStates states;
        try (ConsoleProgress progress = ConsoleProgress.ofExamples(log, "activation cache",
                log == System.out && ConsoleProgress.isInteractive())) {
            progress.started(examples.size());
            states = compute(model, entryLayer, examples, progress);
        }
        log.printf("activation cache: %d examples through layers 0-%d in %.0f s (%s)%n", examples.size(),
                entryLayer - 1, (System.nanoTime() - start) / 1e9, persist ? root.resolve(id + ".safetensors") : "memory only");
        return states;
    }

    /**
     * Builds and stores an entry under its own lock ({@code <key>.lock}, {@link FolderLock}): processes
     * that need the same entry at once ({@code run --jobs}, shards on one machine) wait for the first
     * one and read its file instead of computing it again.
     */
    private PrefixStates buildOnce(String id, Map<String, Object> key, ClassificationModel model, int entryLayer,
                                   List<EncodedText> examples) {
        long start = System.nanoTime();
        try (FolderLock lock = FolderLock.acquire(root, id + ".lock")) {
            PrefixStates built = load(id, key);
            if (built != null) {
                log.printf("activation cache: %s built by another process meanwhile (waited %.0f s)%n",
                        root.resolve(id + ".safetensors"), (System.nanoTime() - start) / 1e9);
                return built;
            }
            built = build(id, model, entryLayer, examples);
            store(id, key, built);
            return built;
        } catch (IOException e) {
            giveUpWriting(e);
            return build(id, model, entryLayer, examples);
        }
    }

    private Map<String, Object> keyFields(ClassificationModel model, int entryLayer, List<EncodedText> examples) {
        Map<String, Object> key = new TreeMap<>();
        key.put("backbone", model.source());
        key.put("entry_layer", entryLayer);
        key.put("prefix_weights_sha256", weightHashes.computeIfAbsent(model.source() + "@" + entryLayer,
                k -> prefixWeightsHash(model, entryLayer)));
        key.put("threads", ResourceMeter.threads());
        key.put("engine", ai.djl.engine.Engine.getInstance().getEngineName() + " "
                + ai.djl.engine.Engine.getInstance().getVersion());
        MessageDigest digest = Sha256.newDigest();
        ByteBuffer buf = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        for (EncodedText e : examples) {
            digest.update(buf.clear().putLong(e.length()).array());
            for (int i = 0; i < e.length(); i++) {
                digest.update(buf.clear().putLong(e.ids()[i]).array());
                digest.update(buf.clear().putLong(e.typeIds()[i]).array());
            }
        }
        key.put("examples", examples.size());
        key.put("examples_sha256", Sha256.hex(digest));
        return key;
    }

    /** SHA-256 over the names, shapes and float bits of the embeddings and the layers below {@code entryLayer}. */
    private static String prefixWeightsHash(ClassificationModel model, int entryLayer) {
        String encoder = model.config().prefix();
        MessageDigest digest = Sha256.newDigest();
        for (Map.Entry<String, Parameter> e : new TreeMap<>(BlockPaths.parameters(model.block())).entrySet()) {
            String path = e.getKey();
            boolean prefix = path.startsWith(encoder + ".embeddings.");
            for (int i = 0; i < entryLayer && !prefix; i++) {
                prefix = path.startsWith(encoder + ".encoder.layer." + i + ".");
            }
            if (prefix) {
                digest.update((path + e.getValue().getShape()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                digest.update(e.getValue().getArray().toByteBuffer());
            }
        }
        return Sha256.hex(digest);
    }

    /** Runs the prefix on groups of equal-length examples and lays the results out example by example. */
    private static PrefixStates compute(ClassificationModel model, int entryLayer, List<EncodedText> examples,
                                        ConsoleProgress progress) {
        int dim = model.config().hiddenSize();
        int[] lengths = examples.stream().mapToInt(EncodedText::length).toArray();
        int[] offsets = PrefixStates.offsetsOf(lengths);
        float[] data = new float[Math.toIntExact((long) (offsets.length == 0 ? 0 : offsets[offsets.length - 1]
                + lengths[lengths.length - 1]) * dim)];
        Integer[] order = new Integer[examples.size()];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.<Integer>comparingInt(i -> lengths[i]).thenComparingInt(i -> i));
        for (int start = 0; start < order.length; ) {
            int length = lengths[order[start]];
            int end = start;
            while (end < order.length && end - start < GROUP && lengths[order[end]] == length) {
                end++;
            }
            int rows = end - start;
            long[] ids = new long[rows * length];
            long[] types = new long[rows * length];
            long[] mask = new long[rows * length];
            Arrays.fill(mask, 1);
            for (int r = 0; r < rows; r++) {
                EncodedText e = examples.get(order[start + r]);
                System.arraycopy(e.ids(), 0, ids, r * length, length);
                System.arraycopy(e.typeIds(), 0, types, r * length, length);
            }
            try (NDManager scope = model.manager().newSubManager()) {
                Shape shape = new Shape(rows, length);
                NDArray hidden = model.hiddenStatesBefore(new NDList(scope.create(ids, shape), scope.create(types, shape),
                        scope.create(mask, shape)), entryLayer);
                float[] values = hidden.toFloatArray();
                for (int r = 0; r < rows; r++) {
                    System.arraycopy(values, r * length * dim, data, offsets[order[start + r]] * dim, length * dim);
                }
            }
            start = end;
            progress.step(end, Double.NaN, Double.NaN);
        }
        return new PrefixStates(dim, offsets, lengths, data);
    }

    private PrefixStates load(String id, Map<String, Object> key) {
        Path file = root.resolve(id + ".safetensors");
        Path sidecar = root.resolve(id + ".json");
        if (!Files.isRegularFile(file) || !Files.isRegularFile(sidecar)) {
            return null;
        }
        try {
            Map<?, ?> meta = JSON.readValue(sidecar.toFile(), Map.class);
            List<String> otherKey = key.entrySet().stream()
                    .filter(e -> !String.valueOf(e.getValue()).equals(String.valueOf(meta.get(e.getKey())))).map(Map.Entry::getKey)
                    .toList();
            if (!otherKey.isEmpty()) {
                log.printf("activation cache: %s records another entry (%s differ); rebuilding it%n", sidecar,
                        String.join(", ", otherKey));
                Files.deleteIfExists(sidecar);
                Files.deleteIfExists(file);
                return null;
            }
            String actual = Sha256.of(file);
            if (!actual.equals(meta.get("file_sha256"))) {
                log.printf("activation cache: %s has sha256 %s, its record says %s; rebuilding it%n", file, actual,
                        meta.get("file_sha256"));
                Files.deleteIfExists(sidecar);
                Files.deleteIfExists(file);
                return null;
            }
            TensorSet tensors = SafeTensors.read(file);
            WeightTensor hidden = tensors.require("hidden_states");
            float[] lengthValues = tensors.require("lengths").data();
            int[] lengths = new int[lengthValues.length];
            for (int i = 0; i < lengths.length; i++) {
                lengths[i] = (int) lengthValues[i];
            }
            return new PrefixStates((int) hidden.shape()[1], PrefixStates.offsetsOf(lengths), lengths, hidden.data());
        } catch (IOException | WeightLoadException | IllegalArgumentException e) {
            log.printf("activation cache: cannot use %s (%s); rebuilding it%n", file, e.getMessage());
            return null;
        }
    }

    private void store(String id, Map<String, Object> key, PrefixStates states) {
        try {
            Files.createDirectories(root);
            Path file = root.resolve(id + ".safetensors");
            float[] lengths = new float[states.size()];
            for (int i = 0; i < lengths.length; i++) {
                lengths[i] = states.lengths()[i]; // exact: lengths are far below 2^24
            }
            Map<String, WeightTensor> tensors = new LinkedHashMap<>();
            tensors.put("hidden_states", new WeightTensor(new long[] {states.data().length / states.dim(), states.dim()},
                    states.data()));
            tensors.put("lengths", new WeightTensor(new long[] {lengths.length}, lengths));
            // A name of this process's own, renamed into place: two processes building one entry never share a file.
            Path mine = root.resolve(id + ".safetensors.tmp-" + ProcessHandle.current().pid());
            SafeTensors.write(mine, tensors, Map.of("format", "surm-bench activation cache"));
            Files.move(mine, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            Map<String, Object> meta = new TreeMap<>(key);
            meta.put("file_sha256", Sha256.of(file));
            Path tmp = root.resolve(id + ".json.tmp-" + ProcessHandle.current().pid());
            JSON.writeValue(tmp.toFile(), meta);
            Files.move(tmp, root.resolve(id + ".json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            giveUpWriting(e);
        }
    }

    /** The cache folder cannot be written (full, read-only, a file): said once, then this process goes on without it. */
    private void giveUpWriting(IOException e) {
        unwritable = true;
        log.printf("activation cache: cannot write under %s (%s); going on without saving activations in this "
                + "process (results are the same, only slower); fix or move it with SURM_CACHE_DIR%n", root, cause(e));
    }

    /** Why the cache folder cannot be written, in words. */
    private String cause(IOException e) {
        if (Files.exists(root) && !Files.isDirectory(root)) {
            return "it is a file, not a folder";
        }
        if (Files.isDirectory(root) && !Files.isWritable(root)) {
            return "the folder is read-only";
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return e instanceof java.nio.file.FileSystemException f && f.getReason() != null ? f.getReason() : message;
    }

    private static String hash(Map<String, Object> key) {
        try {
            return Sha256.of(JSON.writeValueAsBytes(key));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The entry's files on disk, if any (for tests). */
    List<Path> files() throws IOException {
        List<Path> out = new ArrayList<>();
        if (Files.isDirectory(root)) {
            try (var s = Files.list(root)) {
                s.filter(p -> !p.getFileName().toString().contains(".tmp")).sorted().forEach(out::add);
            }
        }
        return out;
    }
}
