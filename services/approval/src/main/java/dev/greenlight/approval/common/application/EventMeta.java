package dev.greenlight.approval.common.application;

import dev.greenlight.events.EventMetadata;
import dev.greenlight.platform.security.Actor;
import dev.greenlight.platform.web.IdempotentRequests;
import java.time.Clock;

/**
 * Metadata of a new fact stated by a person: its id, now, and the authenticated caller. The id is
 * fresh, or — when the request carries an {@code Idempotency-Key} — derived from caller and key, so
 * a retried command writes an event with the same id and consumers that deduplicate by event id
 * (the gate, this service's own views) apply it once, even after a restart or on another instance.
 */
public final class EventMeta {

    private EventMeta() {
    }

    public static EventMetadata of(Actor actor, Clock clock) {
        return EventMetadata.newBuilder()
                .setEventId(IdempotentRequests.nextEventId())
                .setOccurredAt(clock.instant())
                .setPrincipal(actor.name())
                .build();
    }
}
