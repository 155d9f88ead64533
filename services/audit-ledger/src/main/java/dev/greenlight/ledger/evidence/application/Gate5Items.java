package dev.greenlight.ledger.evidence.application;

import dev.greenlight.events.AlertFired;
import dev.greenlight.events.AlertResolved;
import dev.greenlight.events.CheckReported;
import dev.greenlight.events.DeploymentApplied;
import dev.greenlight.events.DeploymentCommand;
import dev.greenlight.events.KillSwitchActivated;
import dev.greenlight.events.KillSwitchDeactivated;
import dev.greenlight.events.RollbackTriggered;
import dev.greenlight.events.RolloutAborted;
import dev.greenlight.events.RolloutStepCompleted;
import dev.greenlight.events.RolloutStepStarted;
import dev.greenlight.evidence.CheckDetailsFold;
import dev.greenlight.ledger.evidence.domain.CheckItem;
import dev.greenlight.ledger.evidence.domain.DeploymentItem;
import dev.greenlight.ledger.evidence.domain.Gate5Evidence;
import dev.greenlight.ledger.evidence.domain.IncidentItem;
import dev.greenlight.ledger.evidence.domain.RollbackItem;
import dev.greenlight.ledger.evidence.domain.RolloutStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Gate5 playbook's "Evidence Recording" list from the ledger: CI run URLs of the checks, lane
 * results with their output summaries ({@code lane:*} checks, as {@code policies/gate5-release-validation.yaml}
 * names them), the deployment revision with every command and its applied report, the smoke check,
 * the replay gate, rollbacks and the incidents (kill switch, alerts) of the release's lifetime.
 */
final class Gate5Items {

    static final String LANE_PREFIX = "lane:";
    static final String SMOKE_CHECK = "smoke-check";
    static final String REPLAY_GATE = "replay-gate";

    private Gate5Items() {
    }

    static Gate5Evidence of(ReleaseEvents release) {
        List<CheckItem> checks = Facts.latestChecks(release).values().stream().map(Gate5Items::check).toList();
        return new Gate5Evidence(checks,
                checks.stream().filter(c -> c.name().startsWith(LANE_PREFIX)).toList(),
                release.release().getRevision(),
                Facts.check(release, SMOKE_CHECK).map(Gate5Items::check).orElse(null),
                Facts.check(release, REPLAY_GATE).map(Gate5Items::check).orElse(null),
                rollout(release), deployments(release), rollbacks(release), incidents(release));
    }

    private static CheckItem check(Cited<CheckReported> cited) {
        CheckReported c = cited.event();
        return new CheckItem(c.getName(), c.getStatus().name(), c.getUrl(), c.getSummary(), c.getRevision(),
                c.getCompletedAt(), cited.source(), CheckDetailsFold.of(c));
    }

    private static List<RolloutStep> rollout(ReleaseEvents release) {
        List<Cited<RolloutStepCompleted>> completions = release.all(RolloutStepCompleted.class);
        List<RolloutStep> steps = new ArrayList<>();
        for (Cited<RolloutStepStarted> started : release.all(RolloutStepStarted.class)) {
            RolloutStepStarted s = started.event();
            Optional<Cited<RolloutStepCompleted>> completed = completions.stream()
                    .filter(c -> c.event().getStage().equals(s.getStage())
                            && !c.source().recordedAt().isBefore(started.source().recordedAt()))
                    .findFirst();
            steps.add(new RolloutStep(s.getStage(), s.getTrafficPercent(), s.getMeta().getOccurredAt(), s.getSoakUntil(),
                    completed.map(c -> c.event().getMeta().getOccurredAt()).orElse(null), started.source(),
                    completed.map(Cited::source).orElse(null)));
        }
        return steps;
    }

    private static List<DeploymentItem> deployments(ReleaseEvents release) {
        List<Cited<DeploymentApplied>> reports = release.all(DeploymentApplied.class);
        List<DeploymentItem> items = new ArrayList<>();
        for (Cited<DeploymentCommand> cited : release.all(DeploymentCommand.class)) {
            DeploymentCommand c = cited.event();
            Optional<Cited<DeploymentApplied>> applied = reports.stream()
                    .filter(r -> r.event().getCommandId().equals(c.getCommandId())).reduce((a, b) -> b);
            items.add(new DeploymentItem(c.getCommandId(), c.getSequence(), c.getTrafficPercent(), c.getReason(),
                    c.getMeta().getOccurredAt(), cited.source(),
                    applied.map(a -> a.event().getStatus().name()).orElse(null),
                    applied.map(a -> a.event().getAppliedBy()).orElse(null),
                    applied.map(a -> a.event().getMessage()).orElse(null),
                    applied.map(Cited::source).orElse(null)));
        }
        return items;
    }

    private static List<RollbackItem> rollbacks(ReleaseEvents release) {
        List<RollbackItem> items = new ArrayList<>();
        for (CitedEvent cited : release.events()) {
            if (cited.event() instanceof RollbackTriggered r) {
                items.add(new RollbackItem(r.getMeta().getOccurredAt(), r.getStage(), r.getAction().name(), r.getGuard(),
                        null, r.getObserved(), r.getThreshold(), r.getReason(), r.getRestoredVersion(), cited.source()));
            } else if (cited.event() instanceof RolloutAborted a) {
                items.add(new RollbackItem(a.getMeta().getOccurredAt(), a.getStage(), "ABORT", null, a.getAbortedBy(),
                        null, null, a.getReason(), a.getRestoredVersion(), cited.source()));
            }
        }
        return items;
    }

    private static List<IncidentItem> incidents(ReleaseEvents release) {
        List<IncidentItem> items = new ArrayList<>();
        for (CitedEvent cited : release.events()) {
            if (cited.event() instanceof KillSwitchActivated k) {
                items.add(new IncidentItem(k.getMeta().getOccurredAt(), "kill switch activated",
                        k.getReason() + " (by " + k.getActivatedBy() + ", " + k.getSource() + ")", cited.source()));
            } else if (cited.event() instanceof KillSwitchDeactivated k) {
                items.add(new IncidentItem(k.getMeta().getOccurredAt(), "kill switch released",
                        k.getReason() + " (by " + k.getDeactivatedBy() + ", " + k.getSource() + ")", cited.source()));
            } else if (cited.event() instanceof AlertFired a) {
                items.add(new IncidentItem(a.getStartsAt(), "alert fired",
                        a.getSeverity() + " " + a.getAlertName() + " (" + a.getFingerprint() + ")", cited.source()));
            } else if (cited.event() instanceof AlertResolved a) {
                items.add(new IncidentItem(a.getEndsAt(), "alert resolved",
                        a.getSeverity() + " " + a.getAlertName() + " (" + a.getFingerprint() + ")", cited.source()));
            }
        }
        return items;
    }
}
