package dev.greenlight.approval.common.application;

import dev.greenlight.events.EventMetadata;
import dev.greenlight.platform.security.Actor;
import java.time.Clock;
import java.util.UUID;

/** Metadata of a new fact stated by a person: a fresh id, now, and the authenticated caller. */
public final class EventMeta {

    private EventMeta() {
    }

    public static EventMetadata of(Actor actor, Clock clock) {
        return EventMetadata.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(clock.instant())
                .setPrincipal(actor.name())
                .build();
    }
}
