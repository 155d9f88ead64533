package dev.greenlight.approval.common.application;

import dev.greenlight.events.ActionRefused;
import dev.greenlight.events.EventMetadata;
import dev.greenlight.platform.failures.NotPermittedException;
import dev.greenlight.platform.refusals.RefusalThrottle;
import dev.greenlight.platform.security.Actor;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Records a refused attempt before it is answered, so the audit ledger shows who tried what and
 * why, not only what succeeded. If the refusal cannot be stored the caller gets 503, not 403:
 * an attempt must never be refused silently. At most the {@link RefusalThrottle}'s share per caller
 * and minute is recorded — beyond it the caller is still refused, but cannot flood the ledger.
 */
@Service
public class Refusals {

    private final RefusalEvents events;
    private final RefusalThrottle throttle;
    private final Clock clock;

    public Refusals(RefusalEvents events, RefusalThrottle throttle, Clock clock) {
        this.events = events;
        this.throttle = throttle;
        this.clock = clock;
    }

    /**
     * Publishes an {@code ActionRefused} and returns the exception to throw.
     *
     * @param action upper snake case, e.g. APPROVE, WAIVE, KILL_SWITCH_DEACTIVATE
     * @param version null for target-wide actions
     */
    public NotPermittedException refuse(Actor actor, String target, String version, String action, String reason) {
        if (!throttle.admit(actor.name())) {
            return new NotPermittedException(reason);
        }
        // A fresh id, never the request's idempotency-derived one: that belongs to the fact the
        // request asks for, should a retry later be allowed.
        events.publish(ActionRefused.newBuilder()
                .setMeta(EventMetadata.newBuilder().setEventId(UUID.randomUUID().toString())
                        .setOccurredAt(clock.instant()).setPrincipal(actor.name()).build())
                .setTarget(target)
                .setVersion(version)
                .setAction(action)
                .setAttemptedBy(actor.name())
                .setReason(reason)
                .build());
        return new NotPermittedException(reason);
    }
}
