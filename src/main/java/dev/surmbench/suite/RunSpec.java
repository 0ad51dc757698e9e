package dev.surmbench.suite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.surmbench.util.Sha256;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * One fully resolved run of a suite. Its id is a hash of everything that determines its numbers
 * (task, method and options, seed, every identity-bearing setting: {@link RunSettings#identity}) —
 * not of the suite's name or file, nor of execution details — so re-running skips finished runs and
 * any changed setting that can change the numbers makes a new id.
 *
 * @param settings resolved settings by key (see {@link RunSettings}); read them typed through {@link #config()}
 */
public record RunSpec(String suite, String task, String method, String label, Map<String, Object> methodOptions,
                      long seed, Map<String, Object> settings) {

    private static final ObjectMapper CANONICAL = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    public RunSpec {
        methodOptions = java.util.Collections.unmodifiableMap(new TreeMap<>(methodOptions));
        settings = java.util.Collections.unmodifiableMap(new TreeMap<>(settings));
    }

    /** The canonical JSON of the identity-bearing fields. */
    public String canonicalJson() {
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("task", task);
        identity.put("method", method);
        identity.put("options", methodOptions);
        identity.put("seed", seed);
        identity.put("settings", RunSettings.identity(settings));
        try {
            return CANONICAL.writeValueAsString(identity);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise run spec", e);
        }
    }

    /** First 16 hex digits of the SHA-256 of {@link #canonicalJson()}. */
    public String runId() {
        return Sha256.of(canonicalJson()).substring(0, 16);
    }

    /** The settings typed ({@link ResolvedSettings#of}): what running the spec reads. */
    public ResolvedSettings config() {
        return ResolvedSettings.of(settings);
    }

    /** The options as JSON text, for results rows. */
    public String optionsJson() {
        try {
            return CANONICAL.writeValueAsString(methodOptions);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
