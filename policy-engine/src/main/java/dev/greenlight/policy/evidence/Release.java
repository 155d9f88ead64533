package dev.greenlight.policy.evidence;

import dev.greenlight.policy.model.ReleaseType;

/**
 * The release being gated, as last registered. The revision binds checks and approvals to the
 * exact code reviewed.
 */
public record Release(String id, String target, String version, ReleaseType type, String revision, String author)
        implements EvidenceItem {
}
