package dev.greenlight.approval.oncall.domain;

import dev.greenlight.approval.common.domain.Permission;
import dev.greenlight.platform.security.Actor;

/** Only someone on the on-call rota can promise to answer pages during a deployment window. */
public final class CoverageRules {

    public static final String ON_CALL = "on-call";

    public Permission mayAcknowledge(Actor actor) {
        return actor.hasRole(ON_CALL) ? Permission.GRANTED
                : Permission.refused(actor.name() + " does not hold role '" + ON_CALL + "'");
    }
}
