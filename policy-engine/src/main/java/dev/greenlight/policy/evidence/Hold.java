package dev.greenlight.policy.evidence;

import java.time.Instant;

/**
 * A named hold that stands over a release: someone stopped the line for its target (or a pattern
 * covering it, or everything). While it stands every stage of the release is HOLD with the hold as
 * reason; it cannot be waived, only lifted by its owner or the hold authority (which removes it from
 * the evidence). The id is the {@code HoldPlaced} event's id, so a decision cites the hold it is under.
 *
 * @param scope    the target pattern it was placed on ({@code dev.greenlight.identity.TargetPattern})
 * @param placedBy canonical identity of its owner
 */
public record Hold(String id, String name, String scope, String reason, String placedBy, Instant placedAt)
        implements EvidenceItem {
}
