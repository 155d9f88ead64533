package dev.greenlight.gate.decision.domain;

import dev.greenlight.events.EventMetadata;
import dev.greenlight.events.HoldLifted;
import dev.greenlight.events.HoldPlaced;
import java.time.Instant;

/** Hold events as the approval service writes them, for the gate's tests. */
public final class HoldEvents {

    private HoldEvents() {
    }

    public static HoldPlaced placed(String eventId, String holdId, String name, String pattern, String by,
                                    Instant at) {
        return HoldPlaced.newBuilder().setMeta(meta(eventId, by, at)).setTarget(pattern).setHoldId(holdId)
                .setName(name).setReason("incident INC-7 under investigation").setPlacedBy(by).build();
    }

    public static HoldLifted lifted(String eventId, HoldPlaced hold, String by, Instant at) {
        return HoldLifted.newBuilder().setMeta(meta(eventId, by, at)).setTarget(hold.getTarget())
                .setHoldId(hold.getHoldId()).setName(hold.getName()).setLiftedBy(by).setReason("resolved").build();
    }

    private static EventMetadata meta(String eventId, String by, Instant at) {
        return EventMetadata.newBuilder().setEventId(eventId).setOccurredAt(at).setPrincipal(by).build();
    }
}
