package dev.surmbench.peft;

import dev.surmbench.peft.core.ResidualBranch;
import java.util.Set;

/** An adapter method: h ← h + f(h) at the Houlsby positions it names. */
public interface AdapterMethodConfig extends MethodConfig {

    Set<AdapterPosition> positions();

    /** Scalars one adapter of width {@code features} trains. */
    ParameterCount count(int features);

    /** A freshly initialised branch, zero at init; all randomness from {@code seed}. */
    ResidualBranch create(int features, long seed);

    @Override
    default ParameterCount count(AdaptationSites sites) {
        ParameterCount total = ParameterCount.ZERO;
        for (AdapterSite site : sites.adapterSlots()) {
            if (positions().contains(site.position())) {
                total = total.plus(count(site.features()));
            }
        }
        return total;
    }
}
