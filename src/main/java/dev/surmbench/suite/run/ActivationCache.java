package dev.surmbench.suite.run;

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
 * Processes that need an entry at once ({@code run --jobs}, tuning workers) build it together: each
 * computes the slices no other process holds and reads the others' ({@link #buildShared}), so no
 * worker idles while another builds; the slices are cut along the groups above, so the entry is the same
 * floats however many processes shared it (a test compares them exactly).
 *
 * <p><b>Memory.</b> An entry holds real lengths only (tokens × d × 4 bytes; RTE on MiniLM ≈ 0.3 GB,
 * on BERT-base ≈ 0.6 GB). Entries stay in memory, least recently used first out, while they fit the
 * budget ({@value #DEFAULT_BUDGET_MB} MB unless {@code -Dsurm.activations.mb} says otherwise); an
 * entry above it is used and dropped, so each run reloads it from disk.
 */
public final class ActivationCache {
    /** Examples per prefix batch (all of one length, so none is padded). */
    static final int GROUP = 32;
    /** Slices an entry is cut into for building ({@link #buildShared}): even shares for two to eight processes. */
    static final int SLICES = 8;
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
        String id = idOf(key);
        PrefixStates held = memory.get(id);
        if (held != null) {
            return held;
        }
        PrefixStates states = persist ? load(id, key) : null;
        if (states == null) {
            states = persist && !unwritable ? buildShared(id, key, model, entryLayer, examples)
                    : build(model, entryLayer, examples);
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

    /** Computes an entry in this process alone, in memory (persistence off, or a cache folder that cannot be written). */
    private PrefixStates build(ClassificationModel model, int entryLayer, List<EncodedText> examples) {
        log.printf("activation cache: computing layers 0-%d for %d examples…%n", entryLayer - 1, examples.size());
        long start = System.nanoTime();
        PrefixSlices slices = PrefixSlices.of(examples, model.config().hiddenSize(), GROUP, 1);
        float[] data = slices.newData();
        try (ConsoleProgress progress = progress(examples.size())) {
            for (int s = 0; s < slices.count(); s++) {
                slices.compute(s, model, entryLayer, data, done -> progress.step(done, Double.NaN, Double.NaN));
            }
        }
        log.printf("activation cache: %d examples through layers 0-%d in %.0f s (memory only)%n", examples.size(),
                entryLayer - 1, (System.nanoTime() - start) / 1e9);
        return slices.states(data);
    }

    private ConsoleProgress progress(int examples) {
        ConsoleProgress progress = ConsoleProgress.ofExamples(log, "activation cache",
                log == System.out && ConsoleProgress.isInteractive());
        progress.started(examples);
        return progress;
    }

    /**
     * Builds and stores an entry together with every process that needs it at once ({@code run --jobs},
     * tuning workers, shards on one machine). The entry is cut into at most {@value #SLICES} slices of
     * equal token counts ({@link PrefixSlices}), each with its own lock ({@code <key>.slice-<s>-of-<n>.lock},
     * {@link FolderLock}). A process first computes every slice whose lock no other process holds and
     * writes it to its part file ({@code <key>.slice-<s>-of-<n>.safetensors}), then waits on the locks of
     * the others and reads their part files, and puts the entry together; the first to take the entry's
     * own lock stores it, and part files and slice locks are deleted. Each slice is computed once, by
     * whichever process took it, and the floats are those of one process computing everything
     * ({@link PrefixSlices}). A part file that a killed process left is used (written under a temporary
     * name and renamed, it is whole); one of the wrong size is computed again.
     */
    private PrefixStates buildShared(String id, Map<String, Object> key, ClassificationModel model, int entryLayer,
                                     List<EncodedText> examples) {
        long start = System.nanoTime();
        PrefixSlices slices = PrefixSlices.of(examples, model.config().hiddenSize(), GROUP, SLICES);
        float[] data = slices.newData();
        boolean[] filled = new boolean[slices.count()];
        int here = 0;
        log.printf("activation cache: computing layers 0-%d for %d examples in %d slices, shared with any process "
                + "that needs them…%n", entryLayer - 1, examples.size(), slices.count());
        try {
            try (ConsoleProgress progress = progress(examples.size())) {
                int done = 0;
                for (boolean wait : new boolean[] {false, true}) {
                    for (int s = 0; s < slices.count(); s++) {
                        if (filled[s]) {
                            continue;
                        }
                        String slice = sliceName(id, s, slices.count());
                        try (FolderLock lock = wait ? FolderLock.acquire(root, slice + ".lock")
                                : FolderLock.tryAcquire(root, slice + ".lock")) {
                            if (lock == null) {
                                continue; // another process is computing it: read it in the second pass
                            }
                            if (!readPart(root.resolve(slice + ".safetensors"), slices, s, data)) {
                                PrefixStates stored = Files.isRegularFile(root.resolve(id + ".safetensors")) ? load(id, key) : null;
                                if (stored != null) {
                                    log.printf("activation cache: %s stored by another process meanwhile (waited %.0f s, "
                                            + "%d of %d slices computed here)%n", root.resolve(id + ".safetensors"),
                                            (System.nanoTime() - start) / 1e9, here, slices.count());
                                    return stored;
                                }
                                int before = done;
                                slices.compute(s, model, entryLayer, data, n -> progress.step(before + n, Double.NaN, Double.NaN));
                                writePart(root.resolve(slice + ".safetensors"), slices.extract(s, data));
                                here++;
                            }
                            filled[s] = true;
                            done += slices.examples(s);
                            progress.step(done, Double.NaN, Double.NaN);
                        }
                    }
                }
            }
            PrefixStates states = slices.states(data);
            try (FolderLock lock = FolderLock.acquire(root, id + ".lock")) {
                if (!Files.isRegularFile(root.resolve(id + ".safetensors"))) {
                    store(id, key, states);
                }
                for (int s = 0; s < slices.count(); s++) {
                    Files.deleteIfExists(root.resolve(sliceName(id, s, slices.count()) + ".safetensors"));
                    Files.deleteIfExists(root.resolve(sliceName(id, s, slices.count()) + ".lock"));
                }
            }
            log.printf("activation cache: %d examples through layers 0-%d in %.0f s (%s; %d of %d slices computed here)%n",
                    examples.size(), entryLayer - 1, (System.nanoTime() - start) / 1e9, root.resolve(id + ".safetensors"),
                    here, slices.count());
            return states;
        } catch (IOException e) {
            giveUpWriting(e);
            return build(model, entryLayer, examples);
        }
    }

    /** Fills slice {@code s} of {@code data} from its part file; false when there is none (or not of the slice's size). */
    private boolean readPart(Path part, PrefixSlices slices, int s, float[] data) {
        if (!Files.isRegularFile(part)) {
            return false;
        }
        try {
            slices.insert(s, SafeTensors.read(part).require("hidden_states").data(), data);
            return true;
        } catch (WeightLoadException | IllegalArgumentException e) {
            log.printf("activation cache: cannot use %s (%s); computing it again%n", part, e.getMessage());
            return false;
        }
    }

    private static void writePart(Path part, float[] states) throws IOException {
        writeInPlace(part, Map.of("hidden_states", new WeightTensor(new long[] {states.length}, states)),
                "surm-bench activation cache slice");
    }

    /**
     * Writes {@code tensors} to {@code file} under a name of this process's own, renamed into place: two processes
     * writing one file never share it, and a reader sees the whole file or none (entries are too large for
     * {@code AtomicFiles}' in-memory bytes).
     */
    private static void writeInPlace(Path file, Map<String, WeightTensor> tensors, String format) throws IOException {
        Path mine = file.resolveSibling(file.getFileName() + ".tmp-" + ProcessHandle.current().pid());
        SafeTensors.write(mine, tensors, Map.of("format", format));
        Files.move(mine, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** The file name stem of slice {@code s} of {@code n} of entry {@code id}: its part file and lock add suffixes. */
    private static String sliceName(String id, int s, int n) {
        return id + ".slice-" + s + "-of-" + n;
    }

    /** The file name stem of the entry for these examples (for tests). */
    String entryId(ClassificationModel model, int entryLayer, List<EncodedText> examples) {
        return idOf(keyFields(model, entryLayer, examples));
    }

    private static String idOf(Map<String, Object> key) {
        return hash(key).substring(0, 32);
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
            writeInPlace(file, tensors, "surm-bench activation cache");
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
