package dev.surmbench.model;

import dev.surmbench.model.source.EmbeddedMiniLmSource;
import dev.surmbench.model.source.HfCheckpointSource;
import dev.surmbench.model.source.HfHubSource;
import dev.surmbench.model.source.MavenBertBaseSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where pretrained encoder weights come from, selected by a string in suites and on the command
 * line. A source gives the encoder's config, its float32 tensors under canonical Hugging Face
 * names (see {@link TensorSet}) and, for text encoders, a {@code tokenizer.json}. Reading weights
 * is deferred to {@link #weights()}; {@link #parse} only checks the spec.
 */
public interface BackboneSource {

    /** The forms {@link #parse} accepts, for error messages and help. */
    List<String> KNOWN_FORMS = List.of(
            "embedded:all-minilm-l6-v2",
            "maven:bert-base-uncased",
            "hf:<checkpoint-dir> (config.json + model.safetensors [+ tokenizer.json])",
            "hf:<org>/<name>[@revision] (Hugging Face hub, cached)");

    /** The spec this source was parsed from. */
    String spec();

    /** The encoder geometry. */
    BackboneConfig config();

    /** The encoder's tensors under canonical names; reads (and may download) the weights. */
    TensorSet weights();

    /** A Hugging Face {@code tokenizer.json} for text encoders; empty for images. */
    Optional<Path> tokenizer();

    /**
     * The SHA-256 (lowercase hex) of each file or archive entry {@link #weights()} reads, by the name
     * weight errors use for it (a path, or {@code classpath:…}/{@code jar!/entry}), for provenance.
     */
    Map<String, String> weightsSha256();

    /**
     * The preflight's question, asked before anything trains: can this source give its weights here?
     * Empty when it can (or may: a hub repo not yet cached is downloaded when a run reads it), else one
     * line naming what is missing, where it looked and the fix. Reads no weights.
     */
    default Optional<String> unavailable() {
        return Optional.empty();
    }

    /** Parses a source spec; an unknown one is an {@link IllegalArgumentException} listing the known forms. */
    static BackboneSource parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw unknown(spec);
        }
        int colon = spec.indexOf(':');
        String kind = colon < 0 ? "" : spec.substring(0, colon);
        String rest = colon < 0 ? "" : spec.substring(colon + 1);
        switch (kind) {
            case "embedded" -> {
                if (rest.equals(EmbeddedMiniLmSource.NAME)) {
                    return new EmbeddedMiniLmSource();
                }
            }
            case "maven" -> {
                if (rest.equals(MavenBertBaseSource.NAME)) {
                    return new MavenBertBaseSource();
                }
            }
            case "hf" -> {
                if (rest.isEmpty()) {
                    break;
                }
                Path dir = Path.of(rest);
                if (Files.isDirectory(dir)) {
                    return new HfCheckpointSource(spec, dir);
                }
                if (Pattern.matches("[A-Za-z0-9][\\w.-]*/[\\w.-]+(@[\\w./-]+)?", rest) && !rest.startsWith(".")) {
                    return HfHubSource.of(spec, rest);
                }
                throw new IllegalArgumentException("backbone '" + spec + "': '" + rest
                        + "' is neither an existing checkpoint directory nor a hub repo id <org>/<name>[@revision]");
            }
            default -> { }
        }
        throw unknown(spec);
    }

    private static IllegalArgumentException unknown(String spec) {
        return new IllegalArgumentException("unknown backbone '" + spec + "'; known forms: " + String.join(", ", KNOWN_FORMS));
    }
}
