package dev.greenlight.ledger.metrics.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.events.AlertFired;
import dev.greenlight.events.AlertSeverity;
import dev.greenlight.events.DeploymentApplied;
import dev.greenlight.events.DeploymentCommand;
import dev.greenlight.events.DeploymentStatus;
import dev.greenlight.events.EventMetadata;
import dev.greenlight.ledger.metrics.domain.ReleaseFact;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Recorded events become release facts whatever order the ledger interleaved their topics in. */
class ReleaseFactsTest {

    private static final Instant COMMANDED = Instant.parse("2026-01-05T09:00:00Z");
    private static final Instant APPLIED = Instant.parse("2026-01-05T09:05:00Z");

    private final ReleaseFacts facts = new ReleaseFacts();

    private static DeploymentCommand command(int percent) {
        return DeploymentCommand.newBuilder().setMeta(new EventMetadata("cmd", COMMANDED, "rollout-controller"))
                .setTarget("ict-qm").setCommandId("c-1").setVersion("1.2.0").setTrafficPercent(percent)
                .setReason("stage live-100").setSequence(7).build();
    }

    private static DeploymentApplied report(DeploymentStatus status) {
        return DeploymentApplied.newBuilder().setMeta(new EventMetadata("rep", APPLIED, "deployer"))
                .setTarget("ict-qm").setCommandId("c-1").setSequence(7).setAppliedBy("local-deployer")
                .setStatus(status).build();
    }

    private static final ReleaseFact FULL_TRAFFIC = new ReleaseFact.TrafficShifted("rep", "ict-qm", "1.2.0", 100,
            APPLIED, true);

    @Test
    void anAppliedReportShiftsTheTrafficItsCommandAsked() {
        assertThat(facts.of(command(100))).isEmpty();

        assertThat(facts.of(report(DeploymentStatus.APPLIED))).containsExactly(FULL_TRAFFIC);
    }

    @Test
    void aReportRecordedBeforeItsCommandCountsWhenTheCommandArrives() {
        assertThat(facts.of(report(DeploymentStatus.APPLIED))).isEmpty();

        assertThat(facts.of(command(100))).containsExactly(FULL_TRAFFIC);
    }

    @Test
    void aFailedDeploymentShiftsNothing() {
        facts.of(command(100));

        assertThat(facts.of(report(DeploymentStatus.FAILED))).isEmpty();
    }

    @Test
    void onlyPagesAreIncidentCandidates() {
        AlertFired.Builder alert = AlertFired.newBuilder().setMeta(new EventMetadata("a", APPLIED, "alertmanager"))
                .setTarget("ict-qm").setFingerprint("f").setAlertName("ErrorBudgetBurn").setStartsAt(COMMANDED);

        List<ReleaseFact> page = facts.of(alert.setSeverity(AlertSeverity.PAGE).build());
        List<ReleaseFact> warning = facts.of(alert.setSeverity(AlertSeverity.WARNING).build());

        assertThat(page).containsExactly(new ReleaseFact.PageAlert("a", "ict-qm", "f", COMMANDED));
        assertThat(warning).isEmpty();
    }
}
