package dev.greenlight.approval.freezes.domain;

import dev.greenlight.approval.common.domain.Permission;
import dev.greenlight.platform.security.Actor;
import java.util.Set;
import java.util.TreeSet;

/**
 * A runtime freeze stops the line like a hold, only scheduled: the hold-placing roles may declare
 * one, and only whoever declared it (the same identity, under any of their names) or the hold
 * authority role may lift it, so nobody quietly ends somebody else's freeze.
 */
public final class FreezeRules {

    private final Set<String> declareRoles;
    private final String authorityRole;

    public FreezeRules(Set<String> declareRoles, String authorityRole) {
        this.declareRoles = new TreeSet<>(declareRoles);
        this.authorityRole = authorityRole;
    }

    public Permission mayDeclare(Actor actor) {
        return declareRoles.stream().anyMatch(actor::hasRole) ? Permission.GRANTED
                : Permission.refused(actor.name() + " holds none of the roles that may declare a freeze " + declareRoles);
    }

    public Permission mayLift(Actor actor, StandingFreeze freeze) {
        if (actor.isKnownAs(freeze.declaredBy()) || actor.hasRole(authorityRole)) {
            return Permission.GRANTED;
        }
        return Permission.refused(actor.name() + " may not lift freeze '" + freeze.name() + "': only its declarer "
                + freeze.declaredBy() + " or role '" + authorityRole + "' may");
    }
}
