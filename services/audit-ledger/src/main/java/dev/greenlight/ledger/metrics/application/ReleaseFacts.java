package dev.greenlight.ledger.metrics.application;

import dev.greenlight.events.AlertFired;
import dev.greenlight.events.AlertSeverity;
import dev.greenlight.events.DeploymentApplied;
import dev.greenlight.events.DeploymentCommand;
import dev.greenlight.events.DeploymentStatus;
import dev.greenlight.events.ReleaseRegistered;
import dev.greenlight.events.RollbackTriggered;
import dev.greenlight.events.RolloutCompleted;
import dev.greenlight.events.RolloutStepCompleted;
import dev.greenlight.events.RolloutStepStarted;
import dev.greenlight.ledger.metrics.domain.ReleaseFact;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;

/**
 * Reads the release facts out of recorded events. Times are the events' own {@code meta.occurredAt}
 * (an alert: {@code startsAt}), not when the ledger recorded them, so a ledger that caught up late
 * still measures lead times as they happened. A deployment report names only its command's sequence,
 * so the commands seen so far are remembered to learn the version and traffic share it applied.
 */
final class ReleaseFacts {

    /** Full Avro names of the events facts are read from. */
    static final Set<String> TYPES = Set.of(DeploymentCommand.getClassSchema().getFullName(),
            DeploymentApplied.getClassSchema().getFullName(), ReleaseRegistered.getClassSchema().getFullName(),
            RolloutStepStarted.getClassSchema().getFullName(), RolloutStepCompleted.getClassSchema().getFullName(),
            RolloutCompleted.getClassSchema().getFullName(), RollbackTriggered.getClassSchema().getFullName(),
            AlertFired.getClassSchema().getFullName());

    private final Map<String, DeploymentCommand> commands = new HashMap<>();
    /** Reports recorded before their command (the writer interleaves source topics as it polls them). */
    private final Map<String, List<DeploymentApplied>> waiting = new HashMap<>();

    /** The facts {@code event} contributes: usually none or one; a command also releases reports that waited for it. */
    List<ReleaseFact> of(SpecificRecord event) {
        if (event instanceof DeploymentCommand command) {
            String key = key(command.getTarget(), command.getSequence());
            commands.put(key, command);
            List<ReleaseFact> released = new ArrayList<>();
            waiting.getOrDefault(key, List.of()).forEach(report -> applied(report, command).ifPresent(released::add));
            waiting.remove(key);
            return released;
        }
        if (event instanceof DeploymentApplied report) {
            DeploymentCommand command = commands.get(key(report.getTarget(), report.getSequence()));
            if (command == null) {
                waiting.computeIfAbsent(key(report.getTarget(), report.getSequence()), k -> new ArrayList<>())
                        .add(report);
                return List.of();
            }
            return applied(report, command).stream().toList();
        }
        return single(event).stream().toList();
    }

    private static Optional<ReleaseFact> applied(DeploymentApplied applied, DeploymentCommand command) {
        if (applied.getStatus() != DeploymentStatus.APPLIED) {
            return Optional.empty();
        }
        return Optional.of(new ReleaseFact.TrafficShifted(applied.getMeta().getEventId(), applied.getTarget(),
                command.getVersion(), command.getTrafficPercent(), applied.getMeta().getOccurredAt(), true));
    }

    private static Optional<ReleaseFact> single(SpecificRecord event) {
        if (event instanceof ReleaseRegistered r) {
            return Optional.of(new ReleaseFact.Registered(r.getMeta().getEventId(), r.getTarget(), r.getVersion(),
                    r.getMeta().getOccurredAt()));
        }
        if (event instanceof RolloutStepStarted s) {
            return Optional.of(new ReleaseFact.TrafficShifted(s.getMeta().getEventId(), s.getTarget(), s.getVersion(),
                    s.getTrafficPercent(), s.getMeta().getOccurredAt(), false));
        }
        if (event instanceof RolloutStepCompleted c) {
            return Optional.of(new ReleaseFact.TrafficShifted(c.getMeta().getEventId(), c.getTarget(), c.getVersion(),
                    c.getTrafficPercent(), c.getMeta().getOccurredAt(), true));
        }
        if (event instanceof RolloutCompleted c) {
            return Optional.of(new ReleaseFact.RolloutFinished(c.getMeta().getEventId(), c.getTarget(), c.getVersion(),
                    c.getTrafficPercent(), c.getMeta().getOccurredAt()));
        }
        if (event instanceof RollbackTriggered r) {
            return Optional.of(new ReleaseFact.RolledBack(r.getMeta().getEventId(), r.getTarget(), r.getVersion(),
                    r.getAction().name(), r.getGuard(), r.getMeta().getOccurredAt()));
        }
        if (event instanceof AlertFired a && a.getSeverity() == AlertSeverity.PAGE) {
            return Optional.of(new ReleaseFact.PageAlert(a.getMeta().getEventId(), a.getTarget(), a.getFingerprint(),
                    a.getStartsAt()));
        }
        return Optional.empty();
    }

    private static String key(String target, long sequence) {
        return target + "#" + sequence;
    }
}
