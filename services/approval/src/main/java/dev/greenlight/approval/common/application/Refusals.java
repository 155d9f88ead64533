package dev.greenlight.approval.common.application;

import dev.greenlight.events.ActionRefused;
import dev.greenlight.platform.security.Actor;
import java.time.Clock;
import org.springframework.stereotype.Service;

/**
 * Records a refused attempt before it is answered, so the audit ledger shows who tried what and
 * why, not only what succeeded. If the refusal cannot be stored the caller gets 503, not 403:
 * an attempt must never be refused silently.
 */
@Service
public class Refusals {

    private final RefusalEvents events;
    private final Clock clock;

    public Refusals(RefusalEvents events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /**
     * Publishes an {@code ActionRefused} and returns the exception to throw.
     *
     * @param action upper snake case, e.g. APPROVE, WAIVE, KILL_SWITCH_DEACTIVATE
     * @param version null for target-wide actions
     */
    public NotPermittedException refuse(Actor actor, String target, String version, String action, String reason) {
        events.publish(ActionRefused.newBuilder()
                .setMeta(EventMeta.of(actor, clock))
                .setTarget(target)
                .setVersion(version)
                .setAction(action)
                .setAttemptedBy(actor.name())
                .setReason(reason)
                .build());
        return new NotPermittedException(reason);
    }
}
