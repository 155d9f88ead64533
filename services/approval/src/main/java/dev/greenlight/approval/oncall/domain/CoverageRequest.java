package dev.greenlight.approval.oncall.domain;

import dev.greenlight.approval.common.domain.Fields;
import java.time.Instant;
import java.util.Optional;

/**
 * An on-call engineer's promise to cover a deployment window {@code [windowStart, windowEnd)} of a
 * target (one version, or any when absent). A window already over covers nothing and is refused.
 */
public record CoverageRequest(String target, Optional<String> version, Instant windowStart, Instant windowEnd) {

    public CoverageRequest {
        Fields.target(target);
        version.ifPresent(v -> Fields.version("version", v));
        Fields.require("windowStart", windowStart != null, "is required");
        Fields.require("windowEnd", windowEnd != null, "is required");
        Fields.require("windowEnd", windowEnd.isAfter(windowStart), "must be after windowStart");
    }

    /** Checks the window against the present: it must not be over, nor absurdly far ahead. */
    public CoverageRequest validAt(Instant now) {
        Fields.require("windowEnd", windowEnd.isAfter(now), "must be in the future");
        Fields.notTooFar("windowEnd", windowEnd, now);
        return this;
    }
}
