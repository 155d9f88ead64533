package dev.greenlight.approval.approvals.domain;

import dev.greenlight.approval.common.domain.Permission;
import dev.greenlight.platform.security.Actor;
import dev.greenlight.identity.Person;

/**
 * Who may sign off what. A person speaks only for roles they hold, and never approves their own
 * release (four-eyes), whichever of their names (aliases, spelling) the release was registered under. Authors may reject their own release: withdrawing one's own work needs no
 * second pair of eyes, and a rejection can only make the gate stricter.
 */
public final class SignOffRules {

    public Permission maySignOff(Actor actor, SignOffRequest request, Person releaseAuthor) {
        if (!actor.hasRole(request.role())) {
            return Permission.refused(actor.name() + " does not hold role '" + request.role() + "'");
        }
        if (request.verdict() == Verdict.APPROVE && actor.person().sameAs(releaseAuthor)) {
            return Permission.refused("author may not approve own release (four-eyes): " + actor.name()
                    + " authored " + request.target() + "@" + request.version() + " (as " + releaseAuthor.name() + ")");
        }
        return Permission.GRANTED;
    }

    /** Only the person who gave a verdict may withdraw it. */
    public Permission mayRevoke(Actor actor, SignOff signOff) {
        if (!actor.isKnownAs(signOff.approver())) {
            return Permission.refused(actor.name() + " may not revoke approval " + signOff.approvalId()
                    + " given by " + signOff.approver() + ": only its approver may");
        }
        return Permission.GRANTED;
    }
}
