package dev.greenlight.approval.freezes.domain;

import java.time.Instant;
import java.util.Set;

/**
 * A runtime freeze window as the approval service knows it from the holds topic: who declared it is
 * what lifting is checked against, never anything the lifting request says.
 *
 * @param eventId the {@code FreezeDeclared} event's id (the gate cites the freeze by it)
 */
public record StandingFreeze(String freezeId, String name, String target, String reason, String declaredBy,
                             Instant from, Instant to, Set<String> overrideRoles, Set<String> overrideReleaseTypes,
                             Instant declaredAt, String eventId) {

    public StandingFreeze {
        overrideRoles = Set.copyOf(overrideRoles);
        overrideReleaseTypes = Set.copyOf(overrideReleaseTypes);
    }
}
