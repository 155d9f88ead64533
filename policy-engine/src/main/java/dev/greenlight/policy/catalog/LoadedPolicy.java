package dev.greenlight.policy.catalog;

import dev.greenlight.policy.model.Policy;

/**
 * A parsed policy together with the text it was parsed from: the text is what gets recorded
 * ({@code PolicyActivated}), so the ledger can hand any decision's policy back by hash.
 *
 * @param source where it was loaded from, for logs and errors
 */
public record LoadedPolicy(Policy policy, String text, String source) {
}
