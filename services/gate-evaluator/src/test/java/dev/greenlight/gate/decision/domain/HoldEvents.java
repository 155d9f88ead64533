package dev.greenlight.gate.decision.domain;

import dev.greenlight.events.EventMetadata;
import dev.greenlight.events.FreezeDeclared;
import dev.greenlight.events.FreezeLifted;
import dev.greenlight.events.HoldLifted;
import dev.greenlight.events.HoldPlaced;
import java.time.Instant;
import java.util.List;

/** Hold and freeze events as the approval service writes them, for the gate's tests. */
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

    public static FreezeDeclared declared(String eventId, String freezeId, String name, String pattern, String by,
                                          Instant at, Instant from, Instant to, List<String> overrideRoles,
                                          List<String> overrideTypes) {
        return FreezeDeclared.newBuilder().setMeta(meta(eventId, by, at)).setTarget(pattern).setFreezeId(freezeId)
                .setName(name).setReason("quarter close").setDeclaredBy(by).setFrom(from).setTo(to)
                .setOverrideRoles(overrideRoles).setOverrideReleaseTypes(overrideTypes).build();
    }

    public static FreezeLifted lifted(String eventId, FreezeDeclared freeze, String by, Instant at) {
        return FreezeLifted.newBuilder().setMeta(meta(eventId, by, at)).setTarget(freeze.getTarget())
                .setFreezeId(freeze.getFreezeId()).setName(freeze.getName()).setLiftedBy(by).setReason("cancelled")
                .build();
    }

    private static EventMetadata meta(String eventId, String by, Instant at) {
        return EventMetadata.newBuilder().setEventId(eventId).setOccurredAt(at).setPrincipal(by).build();
    }
}
