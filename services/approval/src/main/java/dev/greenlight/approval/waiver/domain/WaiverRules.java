package dev.greenlight.approval.waiver.domain;

import dev.greenlight.approval.common.domain.Permission;
import dev.greenlight.identity.Person;
import dev.greenlight.platform.failures.InvalidFieldException;
import dev.greenlight.platform.security.Actor;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The coarse waiver rule enforced at the door: the caller must hold a role that may waive at all,
 * and may not waive for their own release. Which role may waive which criterion is the policy's
 * {@code waivableBy}, checked by the gate-evaluator when it evaluates the release.
 */
public final class WaiverRules {

    private final Set<String> waiverRoles;

    public WaiverRules(Set<String> waiverRoles) {
        this.waiverRoles = new TreeSet<>(waiverRoles);
    }

    /**
     * The role the waiver is granted in: the requested one, or the caller's only waiving role.
     * Empty when the caller holds none (a refusal, decided by {@link #mayWaive}).
     */
    public Optional<String> roleFor(Actor actor, WaiverRequest request) {
        if (request.role().isPresent()) {
            return request.role();
        }
        List<String> held = waiverRoles.stream().filter(actor::hasRole).toList();
        if (held.size() > 1) {
            throw new InvalidFieldException("role", "is required: you hold several roles that may waive " + held);
        }
        return held.stream().findFirst();
    }

    public Permission mayWaive(Actor actor, Optional<String> role, WaiverRequest request, Person releaseAuthor) {
        if (role.isEmpty()) {
            return Permission.refused(actor.name() + " holds none of the roles that may waive " + waiverRoles);
        }
        if (!actor.hasRole(role.get())) {
            return Permission.refused(actor.name() + " does not hold role '" + role.get() + "'");
        }
        if (!waiverRoles.contains(role.get())) {
            return Permission.refused("role " + role.get() + " may not waive " + request.criterion()
                    + ": roles that may waive are " + waiverRoles);
        }
        if (actor.person().sameAs(releaseAuthor)) {
            return Permission.refused("author may not waive for own release (four-eyes): " + actor.name()
                    + " authored " + request.target() + "@" + request.version());
        }
        return Permission.GRANTED;
    }

    /**
     * Withdrawing a waiver only makes the gate stricter, so besides its grantor any holder of a
     * role that may waive may do it (e.g. a founder ending a release captain's bypass).
     */
    public Permission mayRevoke(Actor actor, GrantedWaiver waiver) {
        if (actor.person().knownAs(waiver.grantedBy()) || waiverRoles.stream().anyMatch(actor::hasRole)) {
            return Permission.GRANTED;
        }
        return Permission.refused(actor.name() + " may not revoke waiver " + waiver.waiverId() + " granted by "
                + waiver.grantedBy() + ": only its grantor or a holder of " + waiverRoles + " may");
    }
}
