package dev.surmbench.peft;

import java.util.List;

/**
 * Everything parameter accounting needs to know about a backbone: its adaptable projections, its
 * adapter slots, and the sizes of its own weights. Built either from a live model ({@link
 * PeftInjector#sites}) or analytically from an architecture description, so that the two can be
 * checked against each other.
 *
 * @param linears adaptable projections in module order
 * @param adapterSlots residual adapter slots in module order
 * @param baseParameters all backbone scalars (head excluded)
 * @param baseBiasParameters backbone scalars in bias vectors, LayerNorm biases included (BitFit)
 */
public record AdaptationSites(
        List<LinearSite> linears, List<AdapterSite> adapterSlots, long baseParameters, long baseBiasParameters) {
    public AdaptationSites {
        linears = List.copyOf(linears);
        adapterSlots = List.copyOf(adapterSlots);
    }
}
