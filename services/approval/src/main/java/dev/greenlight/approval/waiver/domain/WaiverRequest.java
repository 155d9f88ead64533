package dev.greenlight.approval.waiver.domain;

import dev.greenlight.approval.common.domain.Fields;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A request to waive one criterion of one release. The rationale is mandatory: every bypass of a
 * gate must explain itself in the audit trail. {@code role} is optional when the caller holds
 * exactly one role that may waive.
 */
public record WaiverRequest(String target, String version, String criterion, String rationale,
                            Optional<String> role, Optional<Instant> expiresAt) {

    public WaiverRequest {
        Fields.target(target);
        Fields.version("version", version);
        Fields.name("criterion", criterion);
        Fields.text("rationale", rationale, 2000);
        Objects.requireNonNull(role, "role");
        role.ifPresent(r -> Fields.name("role", r));
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
