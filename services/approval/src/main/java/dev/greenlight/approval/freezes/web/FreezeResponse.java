package dev.greenlight.approval.freezes.web;

import dev.greenlight.approval.freezes.domain.StandingFreeze;
import java.time.Instant;
import java.util.List;

/** A freeze as the API shows it; {@code eventId} is the {@code FreezeDeclared} (or, when lifting, the {@code FreezeLifted}). */
record FreezeResponse(String freezeId, String name, String target, String reason, String declaredBy, Instant from,
                      Instant to, List<String> overrideRoles, List<String> overrideReleaseTypes, Instant declaredAt,
                      boolean lifted, String eventId) {

    static FreezeResponse standing(StandingFreeze freeze) {
        return of(freeze, false, freeze.eventId());
    }

    static FreezeResponse lifted(StandingFreeze freeze, String eventId) {
        return of(freeze, true, eventId);
    }

    private static FreezeResponse of(StandingFreeze f, boolean lifted, String eventId) {
        return new FreezeResponse(f.freezeId(), f.name(), f.target(), f.reason(), f.declaredBy(), f.from(), f.to(),
                f.overrideRoles().stream().sorted().toList(), f.overrideReleaseTypes().stream().sorted().toList(),
                f.declaredAt(), lifted, eventId);
    }
}
