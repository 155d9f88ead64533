package dev.greenlight.approval.approvals.domain;

import dev.greenlight.approval.common.domain.Fields;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a reviewer asks to record: their verdict on one release in one role. Construction
 * validates every field, so an invalid request cannot reach the rules and nothing is published.
 * The reviewer is deliberately not part of it: it is always the authenticated caller.
 */
public record SignOffRequest(String target, String version, String role, Verdict verdict,
                             Optional<String> comment, Optional<Instant> expiresAt) {

    public SignOffRequest {
        Fields.target(target);
        Fields.version("version", version);
        Fields.name("role", role);
        Fields.require("verdict", verdict != null, "is required, APPROVE or REJECT");
        Objects.requireNonNull(comment, "comment");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
