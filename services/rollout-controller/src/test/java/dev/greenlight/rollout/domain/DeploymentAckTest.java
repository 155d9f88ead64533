package dev.greenlight.rollout.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.policy.model.ReleaseType;
import dev.greenlight.rollout.domain.RolloutEffect.CommandUnacknowledged;
import dev.greenlight.rollout.domain.RolloutEffect.Paused;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Deployers' reports: acknowledgement, failure and silence. */
class DeploymentAckTest {

    private static RolloutScenario onPaper() {
        return new RolloutScenario("ict-qm").register("2.1.0", ReleaseType.STRATEGY, Policies.STRATEGY)
                .go("2.1.0", "paper");
    }

    @Test
    void aCommandNotAcknowledgedInTimeRaisesOneAlert() {
        RolloutScenario s = onPaper();

        s.after(Duration.ofMinutes(4));
        assertThat(s.emitted(CommandUnacknowledged.class)).isEmpty();
        s.after(Duration.ofMinutes(1));
        assertThat(s.emitted(CommandUnacknowledged.class)).extracting(CommandUnacknowledged::sequence)
                .containsExactly(1L);
        s.after(Duration.ofMinutes(10));

        assertThat(s.emittedEver(CommandUnacknowledged.class)).hasSize(1);
    }

    @Test
    void anAcknowledgedCommandRaisesNoAlert() {
        RolloutScenario s = onPaper().ackAll();

        s.after(Duration.ofHours(1));

        assertThat(s.emittedEver(CommandUnacknowledged.class)).isEmpty();
        assertThat(s.state.pendingCommands()).isEmpty();
    }

    @Test
    void aFailedDeploymentPausesTheRollout() {
        RolloutScenario s = onPaper();

        s.when(st -> s.machine.deploymentReported(st, 1, false, "paper engine unreachable"));

        assertThat(s.rollout("2.1.0").status()).isEqualTo(RolloutStatus.PAUSED);
        assertThat(s.emitted(Paused.class).get(0).reason()).contains("paper engine unreachable");
    }

    @Test
    void reportsForUnknownOrAlreadyAcknowledgedSequencesAreIgnored() {
        RolloutScenario s = onPaper().ackAll();
        TargetState before = s.state;

        s.when(st -> s.machine.deploymentReported(st, 1, true, null))
                .when(st -> s.machine.deploymentReported(st, 42, false, "?"));

        assertThat(s.state).isEqualTo(before);
    }
}
