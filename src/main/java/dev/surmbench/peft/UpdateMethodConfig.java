package dev.surmbench.peft;

import dev.surmbench.peft.core.StructuredOperator;
import java.util.List;

/**
 * A LoRA-style method: y = W·x + s·ΔW·dropout(x) on every projection its targets match, with ΔW in
 * a structured form. The analytic count sums {@link #count(int, int)} over the matched sites.
 */
public interface UpdateMethodConfig extends MethodConfig {

    /** Target module names (suffixes of module paths, or {@code re:} regexes). */
    List<String> targets();

    /** The factor s multiplying ΔW. */
    double scale();

    /** Dropout on the update's input. */
    double dropout();

    /** Rejects a projection shape this method cannot adapt, naming the option to change. */
    void checkShape(int inFeatures, int outFeatures);

    /** Scalars this method trains on one in→out projection. */
    ParameterCount count(int inFeatures, int outFeatures);

    /** A freshly initialised ΔW for one projection; all randomness from {@code seed}. */
    StructuredOperator create(int inFeatures, int outFeatures, long seed);

    @Override
    default ParameterCount count(AdaptationSites sites) {
        ParameterCount total = ParameterCount.ZERO;
        for (LinearSite site : TargetMatcher.select(method(), targets(), sites.linears(), LinearSite::path)) {
            total = total.plus(count(site.inFeatures(), site.outFeatures()));
        }
        return total;
    }
}
