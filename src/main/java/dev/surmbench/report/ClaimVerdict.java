package dev.surmbench.report;

import java.util.List;

/**
 * A claim of the SURM paper judged on this suite's data.
 *
 * @param id short identifier ("claim-1")
 * @param title what the claim is about
 * @param quote the paper's wording (arXiv 2406.17740, abstract)
 * @param rule how the claim is interpreted and decided (shown in the report)
 * @param verdict the overall verdict
 * @param summary one sentence with the numbers behind the verdict
 * @param comparisons the comparisons that decided it
 */
public record ClaimVerdict(String id, String title, String quote, String rule, Verdict verdict, String summary,
        List<ComparisonVerdict> comparisons) {

    public ClaimVerdict {
        comparisons = List.copyOf(comparisons);
    }
}
