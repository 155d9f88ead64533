package dev.greenlight.approval.killswitch.domain;

import dev.greenlight.approval.common.domain.Permission;
import dev.greenlight.platform.security.Actor;
import java.util.Set;
import java.util.TreeSet;

/**
 * Stopping is cheap, resuming is not: anyone on call or in engineering may pull the switch the
 * moment something looks wrong, but only the authority role may declare it safe to release again.
 */
public final class KillSwitchRules {

    private final Set<String> activateRoles;
    private final String authorityRole;

    public KillSwitchRules(Set<String> activateRoles, String authorityRole) {
        this.activateRoles = new TreeSet<>(activateRoles);
        this.authorityRole = authorityRole;
    }

    public Permission mayFlip(Actor actor, KillSwitchAction action) {
        if (action == KillSwitchAction.ACTIVATE) {
            return activateRoles.stream().anyMatch(actor::hasRole) ? Permission.GRANTED
                    : Permission.refused(actor.name() + " holds none of the roles that may activate the kill switch "
                            + activateRoles);
        }
        return actor.hasRole(authorityRole) ? Permission.GRANTED
                : Permission.refused(actor.name() + " may not deactivate the kill switch: only role '"
                        + authorityRole + "' may");
    }
}
