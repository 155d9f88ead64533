package dev.greenlight.approval.holds.domain;

import dev.greenlight.approval.common.domain.Permission;
import dev.greenlight.platform.security.Actor;
import java.util.Set;
import java.util.TreeSet;

/**
 * Stopping the line is cheap, restarting it is not — like the kill switch: anyone on call, in
 * engineering or operations, a release captain, a founder or a stop-the-line bot may place a
 * hold; only whoever placed it (the same identity, under any of their names) or the authority
 * role may lift it, so nobody can quietly undo somebody else's stop.
 */
public final class HoldRules {

    private final Set<String> placeRoles;
    private final String authorityRole;

    public HoldRules(Set<String> placeRoles, String authorityRole) {
        this.placeRoles = new TreeSet<>(placeRoles);
        this.authorityRole = authorityRole;
    }

    public Permission mayPlace(Actor actor) {
        return placeRoles.stream().anyMatch(actor::hasRole) ? Permission.GRANTED
                : Permission.refused(actor.name() + " holds none of the roles that may place a hold " + placeRoles);
    }

    public Permission mayLift(Actor actor, StandingHold hold) {
        if (actor.isKnownAs(hold.placedBy()) || actor.hasRole(authorityRole)) {
            return Permission.GRANTED;
        }
        return Permission.refused(actor.name() + " may not lift hold '" + hold.name() + "': only its owner "
                + hold.placedBy() + " or role '" + authorityRole + "' may");
    }
}
