package dev.surmbench.peft.adapter;

import dev.surmbench.peft.AdapterMethodConfig;
import dev.surmbench.peft.AdapterPosition;
import dev.surmbench.peft.InvalidMethodConfigException;
import dev.surmbench.peft.MethodOptions;
import dev.surmbench.peft.ParameterCount;
import dev.surmbench.peft.core.ResidualBranch;
import dev.surmbench.peft.core.StructureSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A SURM adapter (the authors' form): h ← h + GELU(S·dropout(h)) + bias, S a d×d structured matrix
 * that is zero at initialisation, bias trainable and zero-initialised.
 */
public record StructuredAdapterConfig(
        String method, StructureSpec structure, double dropout, Set<AdapterPosition> positions)
        implements AdapterMethodConfig {

    public StructuredAdapterConfig {
        MethodOptions.requireRange(method, "dropout", dropout, 0, 0.99);
        if (positions == null || positions.isEmpty()) {
            throw new InvalidMethodConfigException(method, "positions", "must name attention, ffn or both");
        }
        positions = Set.copyOf(positions);
    }

    @Override
    public ParameterCount count(int features) {
        return structure.count(features, features).plus(ParameterCount.of(features));
    }

    @Override
    public ResidualBranch create(int features, long seed) {
        structure.checkShape(method, features, features);
        return new StructuredAdapter(structure.create(features, features, seed), features, (float) dropout);
    }

    @Override
    public Map<String, Object> options() {
        Map<String, Object> out = new LinkedHashMap<>(structure.options());
        out.remove("block"); // an adapter's S is one d×d block: not an option of the adapter forms
        out.put("dropout", dropout);
        out.put("positions", positionNames(positions));
        return out;
    }

    static List<String> positionNames(Set<AdapterPosition> positions) {
        Set<String> names = new TreeSet<>();
        positions.forEach(p -> names.add(p.userName()));
        return List.copyOf(names);
    }
}
