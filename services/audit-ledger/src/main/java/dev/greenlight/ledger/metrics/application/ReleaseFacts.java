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
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;

/**
 * Reads the release facts out of recorded events. Times are the events' own {@code meta.occurredAt}
 * (an alert: {@code startsAt}), not when the ledger recorded them, so a ledger that caught up late
 * still measures lead times as they happened. A deployment report names only its command's sequence,
 * so the commands seen so far are remembered to learn the version and traffic share it applied.
 */
final class ReleaseFacts {

    private final Map<String, DeploymentCommand> commands = new HashMap<>();

    Optional<ReleaseFact> of(SpecificRecord event) {
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
        if (event instanceof DeploymentCommand command) {
            commands.put(key(command.getTarget(), command.getSequence()), command);
            return Optional.empty();
        }
        if (event instanceof DeploymentApplied applied) {
            DeploymentCommand command = commands.get(key(applied.getTarget(), applied.getSequence()));
            if (command == null || applied.getStatus() != DeploymentStatus.APPLIED) {
                return Optional.empty();
            }
            return Optional.of(new ReleaseFact.TrafficShifted(applied.getMeta().getEventId(), applied.getTarget(),
                    command.getVersion(), command.getTrafficPercent(), applied.getMeta().getOccurredAt(), true));
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
