package dev.surmbench.report;

/**
 * The verdict of one comparison behind a claim.
 *
 * @param pair the comparison
 * @param verdict its verdict under the claim's rule
 * @param reason the rule branch that decided it, with the numbers
 */
public record ComparisonVerdict(PairComparison pair, Verdict verdict, String reason) {}
