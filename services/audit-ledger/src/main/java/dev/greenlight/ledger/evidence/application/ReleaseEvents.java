package dev.greenlight.ledger.evidence.application;

import dev.greenlight.events.AlertFired;
import dev.greenlight.events.AlertResolved;
import dev.greenlight.events.DeploymentApplied;
import dev.greenlight.events.DeploymentCommand;
import dev.greenlight.events.KillSwitchActivated;
import dev.greenlight.events.KillSwitchDeactivated;
import dev.greenlight.events.ReleaseRegistered;
import dev.greenlight.evidence.EvidenceFold;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/**
 * The recorded events that concern one release, in ledger order, each once.
 *
 * <p>Which events: those of the release's target that name its version; {@code DeploymentApplied}
 * (which names no version) when it answers one of the release's deployment commands; and the
 * target-wide events that name no version — alerts, kill switch, version-less metrics and on-call
 * acknowledgements — recorded during the release's lifetime: from its registration until the next
 * registration of another version of the target, by the ledger's own {@code recordedAt} (one clock).
 * A re-published event (same {@code meta.eventId}) counts once, citing its first entry.
 */
record ReleaseEvents(CitedEvent registration, List<CitedEvent> events) {

    private static final Comparator<CitedEvent> LEDGER_ORDER = Comparator
            .comparing((CitedEvent e) -> e.source().recordedAt())
            .thenComparingInt(e -> e.source().ledgerPartition())
            .thenComparingLong(e -> e.source().sequence());

    static Optional<ReleaseEvents> select(String target, String version, List<CitedEvent> targetEvents) {
        List<CitedEvent> ordered = new ArrayList<>(targetEvents.stream()
                .filter(e -> target.equals(EvidenceFold.target(e.event()))).toList());
        ordered.sort(LEDGER_ORDER);
        Optional<CitedEvent> registration = ordered.stream()
                .filter(e -> e.event() instanceof ReleaseRegistered r && version.equals(r.getVersion())).findFirst();
        if (registration.isEmpty()) {
            return Optional.empty();
        }
        Instant from = registration.get().source().recordedAt();
        Instant until = ordered.stream()
                .filter(e -> e.event() instanceof ReleaseRegistered r && !version.equals(r.getVersion()))
                .map(e -> e.source().recordedAt()).filter(at -> at.isAfter(from)).findFirst().orElse(Instant.MAX);
        Set<String> commandIds = new HashSet<>();
        Map<String, CitedEvent> byId = new LinkedHashMap<>();
        for (CitedEvent cited : ordered) {
            SpecificRecord event = cited.event();
            if (event instanceof DeploymentCommand command && version.equals(command.getVersion())) {
                commandIds.add(command.getCommandId());
            }
            Instant at = cited.source().recordedAt();
            boolean inLifetime = !at.isBefore(from) && at.isBefore(until);
            boolean concerns = version.equals(versionOf(event)) && !(event instanceof ReleaseRegistered)
                    || event instanceof DeploymentApplied applied && commandIds.contains(applied.getCommandId())
                    || versionOf(event) == null && targetWide(event) && inLifetime;
            if (concerns || cited == registration.get()) {
                byId.putIfAbsent(EvidenceFold.eventId(event), cited);
            }
        }
        return Optional.of(new ReleaseEvents(registration.get(), List.copyOf(byId.values())));
    }

    ReleaseRegistered release() {
        return (ReleaseRegistered) registration.event();
    }

    /** The release's events of one type, in ledger order. */
    <T extends SpecificRecord> List<Cited<T>> all(Class<T> type) {
        List<Cited<T>> matching = new ArrayList<>();
        for (CitedEvent cited : events) {
            if (type.isInstance(cited.event())) {
                matching.add(new Cited<>(cited.source(), type.cast(cited.event())));
            }
        }
        return matching;
    }

    /** The event with this {@code meta.eventId}, if the release has it. */
    Optional<CitedEvent> byEventId(String eventId) {
        return events.stream().filter(e -> EvidenceFold.eventId(e.event()).equals(eventId)).findFirst();
    }

    private static boolean targetWide(SpecificRecord event) {
        return event instanceof AlertFired || event instanceof AlertResolved || event instanceof KillSwitchActivated
                || event instanceof KillSwitchDeactivated || event.getSchema().getField("version") != null;
    }

    /** The {@code version} field of an event that has one (null when absent or unset). */
    static String versionOf(SpecificRecord event) {
        Schema.Field field = event.getSchema().getField("version");
        return field == null ? null : (String) event.get(field.pos());
    }
}
