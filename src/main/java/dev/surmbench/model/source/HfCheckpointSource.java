package dev.surmbench.model.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.surmbench.model.Architecture;
import dev.surmbench.model.BackboneConfig;
import dev.surmbench.model.BackboneSource;
import dev.surmbench.model.Pooling;
import dev.surmbench.model.TensorSet;
import dev.surmbench.model.WeightLoadException;
import dev.surmbench.model.bert.BertConfig;
import dev.surmbench.model.safetensors.SafeTensors;
import dev.surmbench.model.vit.VitConfig;
import dev.surmbench.util.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code hf:<dir>}: a Hugging Face checkpoint folder with {@code config.json} ({@code model_type}
 * "bert" or "vit"), {@code model.safetensors} and, for text, {@code tokenizer.json} (or a
 * {@code vocab.txt} from which an equivalent BERT tokenizer is built). Tensor names may carry the
 * task model's {@code bert.}/{@code vit.} prefix or not; legacy {@code LayerNorm.gamma/beta} names
 * are read as {@code weight/bias} and int64 {@code position_ids} buffers are skipped. Sharded checkpoints and
 * {@code pytorch_model.bin} are not supported and say so.
 */
public final class HfCheckpointSource implements BackboneSource {
    public static final String CONFIG = "config.json";
    public static final String WEIGHTS = "model.safetensors";
    public static final String TOKENIZER = "tokenizer.json";
    public static final String VOCAB = "vocab.txt";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> HASHES = new ConcurrentHashMap<>();

    private final String spec;
    private final Path dir;
    private BackboneConfig config;

    public HfCheckpointSource(String spec, Path dir) {
        this.spec = spec;
        this.dir = dir;
    }

    @Override
    public String spec() {
        return spec;
    }

    public Path dir() {
        return dir;
    }

    @Override
    public synchronized BackboneConfig config() {
        if (config == null) {
            Path file = dir.resolve(CONFIG);
            JsonNode json = readJson(file);
            String type = json.path("model_type").asText("");
            config = switch (type) {
                case "bert" -> BertConfig.fromJson(json, file.toString());
                case "vit" -> VitConfig.fromJson(json, file.toString());
                default -> throw new WeightLoadException(file.toString(), null, "model_type '" + type + "' is not supported (bert, vit)");
            };
        }
        return config;
    }

    @Override
    public Optional<String> unavailable() {
        for (String file : List.of(CONFIG, WEIGHTS)) {
            if (!Files.isRegularFile(dir.resolve(file))) {
                return Optional.of("backbone " + spec + ": no " + file + " in " + dir + "; an hf: folder holds config.json "
                        + "and model.safetensors (+ tokenizer.json for text), as save_pretrained writes them");
            }
        }
        return Optional.empty();
    }

    @Override
    public TensorSet weights() {
        Path file = dir.resolve(WEIGHTS);
        if (!Files.isRegularFile(file)) {
            String hint = Files.exists(dir.resolve(WEIGHTS + ".index.json")) ? "sharded checkpoints are not supported"
                    : Files.exists(dir.resolve("pytorch_model.bin")) ? "pytorch_model.bin is not supported; convert it to safetensors"
                    : "file not found";
            throw new WeightLoadException(file.toString(), null, hint);
        }
        TensorSet tensors = legacyLayerNormNames(SafeTensors.read(file));
        return tensors.stripPrefix(config().family() == Architecture.Family.BERT ? "bert" : "vit");
    }

    /**
     * The hash of {@code model.safetensors}, remembered per path, size and modification time (a
     * suite reads the same checkpoint in every run).
     */
    @Override
    public Map<String, String> weightsSha256() {
        Path file = dir.resolve(WEIGHTS);
        try {
            String key = file.toAbsolutePath() + "|" + Files.size(file) + "|" + Files.getLastModifiedTime(file).toMillis();
            return Map.of(file.toString(), HASHES.computeIfAbsent(key, k -> Sha256.of(file)));
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new WeightLoadException(file.toString(), null, "cannot hash: " + e.getMessage(), e);
        }
    }

    /** Renames legacy {@code LayerNorm.gamma|beta} to {@code weight|bias}, as transformers does on load. */
    static TensorSet legacyLayerNormNames(TensorSet t) {
        java.util.Map<String, dev.surmbench.model.WeightTensor> out = new java.util.LinkedHashMap<>();
        for (var e : t.tensors().entrySet()) {
            String name = e.getKey();
            if (name.contains("LayerNorm.") || name.contains("layernorm")) {
                name = name.endsWith(".gamma") ? name.substring(0, name.length() - 6) + ".weight"
                        : name.endsWith(".beta") ? name.substring(0, name.length() - 5) + ".bias" : name;
            }
            if (out.put(name, e.getValue()) != null) {
                throw new WeightLoadException(t.file(), e.getKey(), "clashes with '" + name + "'");
            }
        }
        return new TensorSet(t.file(), out);
    }

    /**
     * How the checkpoint's head pools tokens, as {@link HfCheckpointWriter} records it ({@value
     * HfCheckpointWriter#POOLING_KEY}); first-token pooling (transformers') when not recorded.
     */
    public Pooling pooling() {
        Path file = dir.resolve(CONFIG);
        String name = readJson(file).path(HfCheckpointWriter.POOLING_KEY).asText(Pooling.CLS.userName());
        try {
            return Pooling.fromName(name);
        } catch (IllegalArgumentException e) {
            throw new WeightLoadException(file.toString(), null, HfCheckpointWriter.POOLING_KEY + ": " + e.getMessage());
        }
    }

    @Override
    public Optional<Path> tokenizer() {
        if (config().family() != Architecture.Family.BERT) {
            return Optional.empty();
        }
        Path tokenizer = dir.resolve(TOKENIZER);
        if (Files.isRegularFile(tokenizer)) {
            return Optional.of(tokenizer);
        }
        Path vocab = dir.resolve(VOCAB);
        if (Files.isRegularFile(vocab)) {
            try {
                Path tc = dir.resolve("tokenizer_config.json");
                boolean lower = !Files.isRegularFile(tc) || readJson(tc).path("do_lower_case").asBoolean(true);
                return Optional.of(BertTokenizerJson.materialize(Files.readAllBytes(vocab), lower, "vocab-tokenizer.json"));
            } catch (IOException e) {
                throw new WeightLoadException(vocab.toString(), null, "cannot read: " + e.getMessage(), e);
            }
        }
        return Optional.empty();
    }

    private static JsonNode readJson(Path file) {
        try {
            if (Files.size(file) > 16L * 1024 * 1024) {
                throw new WeightLoadException(file.toString(), null, "JSON file is implausibly large");
            }
            JsonNode n = JSON.readTree(file.toFile());
            if (n == null || !n.isObject()) {
                throw new WeightLoadException(file.toString(), null, "not a JSON object");
            }
            return n;
        } catch (IOException e) {
            throw WeightLoadException.cannotRead(file.toString(), e);
        }
    }
}
