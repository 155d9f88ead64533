package dev.greenlight.policy.evidence;

import dev.greenlight.policy.model.ReleaseType;
import java.time.Instant;
import java.util.Set;

/**
 * A freeze window declared at runtime (a {@code FreezeDeclared} event) rather than in a policy
 * file: while {@code from <= at < to} every stage of every release whose target {@code scope}
 * covers is HOLD, with the same override rules as a policy blackout — an approval in one of
 * {@code overrideRoles} lifts it, releases of one of {@code overrideTypes} are not frozen. The id is
 * the {@code FreezeDeclared} event's id, so a decision cites the freeze it is under; a lifted freeze
 * leaves the evidence.
 *
 * @param scope      the target pattern it covers ({@code dev.greenlight.identity.TargetPattern})
 * @param from       first frozen instant (inclusive)
 * @param to         end of the freeze (exclusive)
 * @param declaredBy canonical identity of who declared it
 */
public record Freeze(String id, String name, String scope, Instant from, Instant to, String reason,
                     String declaredBy, Instant declaredAt, Set<String> overrideRoles,
                     Set<ReleaseType> overrideTypes) implements EvidenceItem {

    public Freeze {
        overrideRoles = overrideRoles == null ? Set.of() : Set.copyOf(overrideRoles);
        overrideTypes = overrideTypes == null ? Set.of() : Set.copyOf(overrideTypes);
    }

    /** Whether {@code at} is inside the window {@code [from, to)}. */
    public boolean covers(Instant at) {
        return !at.isBefore(from) && at.isBefore(to);
    }
}
