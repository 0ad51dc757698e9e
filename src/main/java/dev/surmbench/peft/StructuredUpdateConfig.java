package dev.surmbench.peft;

import dev.surmbench.peft.core.StructureSpec;
import dev.surmbench.peft.core.StructuredOperator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A LoRA-style method: y = W·x + s·ΔW·dropout(x) with ΔW in the given structure (low-rank for
 * {@code lora}; circulant, Toeplitz, Kronecker, LDR for the SURM variants).
 */
public record StructuredUpdateConfig(
        String method, StructureSpec structure, double alpha, double dropout, List<String> targets)
        implements UpdateMethodConfig {

    public StructuredUpdateConfig {
        if (!(alpha > 0) || Double.isInfinite(alpha)) {
            throw new InvalidMethodConfigException(method, "alpha", "must be a positive number, got " + alpha);
        }
        MethodOptions.requireRange(method, "dropout", dropout, 0, 0.99);
        if (targets == null || targets.isEmpty()) {
            throw new InvalidMethodConfigException(method, "targets", "must name at least one module");
        }
        targets = List.copyOf(targets);
    }

    @Override
    public double scale() {
        return structure.scaleFor(alpha);
    }

    @Override
    public void checkShape(int inFeatures, int outFeatures) {
        structure.checkShape(method, inFeatures, outFeatures);
    }

    @Override
    public ParameterCount count(int inFeatures, int outFeatures) {
        return structure.count(inFeatures, outFeatures);
    }

    @Override
    public StructuredOperator create(int inFeatures, int outFeatures, long seed) {
        return structure.create(inFeatures, outFeatures, seed);
    }

    @Override
    public Map<String, Object> options() {
        Map<String, Object> out = new LinkedHashMap<>(structure.options());
        out.put("alpha", alpha);
        out.put("dropout", dropout);
        out.put("targets", targets);
        return out;
    }
}
