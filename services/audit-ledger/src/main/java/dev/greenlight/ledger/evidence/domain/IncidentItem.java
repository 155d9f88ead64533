package dev.greenlight.ledger.evidence.domain;

import java.time.Instant;

/**
 * A target-wide event during the release's lifetime that an auditor must see next to it: kill switch
 * activated or released, alert fired or resolved.
 */
public record IncidentItem(Instant at, String kind, String description, Source source) {
}
