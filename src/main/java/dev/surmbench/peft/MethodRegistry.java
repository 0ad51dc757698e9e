package dev.surmbench.peft;

import dev.surmbench.peft.adapter.BottleneckAdapterConfig;
import dev.surmbench.peft.circulant.CirculantStructure;
import dev.surmbench.peft.kronecker.KroneckerStructure;
import dev.surmbench.peft.ldr.LdrStructure;
import dev.surmbench.peft.lora.LowRankStructure;
import dev.surmbench.peft.selective.SelectiveConfig;
import dev.surmbench.peft.toeplitz.ToeplitzStructure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every method users can name, in the order {@code surm-bench list} shows them. */
public final class MethodRegistry {
    private static final Map<String, PeftMethod> METHODS = new LinkedHashMap<>();

    static {
        for (PeftMethod m : List.of(
                SelectiveConfig.FULL, SelectiveConfig.LINEAR_PROBE, SelectiveConfig.BITFIT,
                LowRankStructure.UPDATE, BottleneckAdapterConfig.ADAPTER,
                CirculantStructure.UPDATE, ToeplitzStructure.UPDATE, KroneckerStructure.UPDATE, LdrStructure.UPDATE,
                CirculantStructure.ADAPTER, ToeplitzStructure.ADAPTER, KroneckerStructure.ADAPTER, LdrStructure.ADAPTER)) {
            METHODS.put(m.name(), m);
        }
    }

    private MethodRegistry() {}

    public static List<PeftMethod> all() {
        return new ArrayList<>(METHODS.values());
    }

    public static List<String> names() {
        return new ArrayList<>(METHODS.keySet());
    }

    /** The method by its user-facing name; the error lists every name. */
    public static PeftMethod get(String name) {
        PeftMethod m = METHODS.get(name);
        if (m == null) {
            throw new InvalidMethodConfigException(name, "method", "unknown method; known: " + String.join(", ", METHODS.keySet()));
        }
        return m;
    }

    /** Parses a method with options, e.g. from a suite entry. */
    public static MethodConfig parse(String name, Map<String, ?> options) {
        return get(name).parse(options);
    }
}
