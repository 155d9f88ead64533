package dev.greenlight.rollout.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.policy.model.ReleaseType;
import dev.greenlight.rollout.domain.RolloutEffect.CommandIssued;
import dev.greenlight.rollout.domain.RolloutEffect.ObligationCreated;
import dev.greenlight.rollout.domain.RolloutEffect.ObligationOverdue;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Hotfixes skip the ramp but owe a post-mortem in 24 h and a proper release in 48 h. */
class HotfixTest {

    private static RolloutScenario hotfixLive() {
        return new RolloutScenario("ict-qm")
                .register("2.1.1-hotfix.1", ReleaseType.HOTFIX, Policies.STRATEGY)
                .go("2.1.1-hotfix.1", "live-100");
    }

    @Test
    void goesStraightToTheLiveStageAndCreatesBothObligations() {
        RolloutScenario s = hotfixLive();

        assertThat(s.emitted(CommandIssued.class)).extracting(CommandIssued::traffic).containsExactly(100);
        assertThat(s.emitted(ObligationCreated.class)).containsExactly(
                new ObligationCreated("2.1.1-hotfix.1", ObligationKind.POST_MORTEM,
                        RolloutScenario.START.plus(Duration.ofHours(24))),
                new ObligationCreated("2.1.1-hotfix.1", ObligationKind.PROPER_RELEASE,
                        RolloutScenario.START.plus(Duration.ofHours(48))));
    }

    @Test
    void overdueObligationsAreReportedOnceEach() {
        RolloutScenario s = hotfixLive().ackAll();

        s.after(Duration.ofHours(24));
        assertThat(s.emitted(ObligationOverdue.class)).extracting(ObligationOverdue::kind)
                .containsExactly(ObligationKind.POST_MORTEM);
        s.after(Duration.ofHours(24)).after(Duration.ofHours(1));

        assertThat(s.emittedEver(ObligationOverdue.class)).extracting(ObligationOverdue::kind)
                .containsExactly(ObligationKind.POST_MORTEM, ObligationKind.PROPER_RELEASE);
    }

    @Test
    void aProperReleaseCompletingInTimeFulfilsTheReleaseObligation() {
        RolloutScenario s = hotfixLive().ackAll()
                .register("2.1.2", ReleaseType.BUGFIX, Policies.STRATEGY).go("2.1.2", "live-100").ackAll();

        s.after(Duration.ofHours(50));

        assertThat(s.emittedEver(ObligationOverdue.class)).extracting(ObligationOverdue::kind)
                .containsExactly(ObligationKind.POST_MORTEM);
        assertThat(s.state.obligations()).filteredOn(Obligation::fulfilled).extracting(Obligation::kind)
                .containsExactly(ObligationKind.PROPER_RELEASE);
    }

    @Test
    void aPublishedPostMortemFulfilsItsObligationSoItNeverGoesOverdue() {
        RolloutScenario s = hotfixLive().ackAll().after(Duration.ofHours(6));
        s.when(state -> s.machine.postMortemPublished(state, "2.1.1-hotfix.1")).after(Duration.ofHours(20));

        assertThat(s.emittedEver(ObligationOverdue.class)).isEmpty();
        assertThat(s.state.obligations()).filteredOn(Obligation::fulfilled).extracting(Obligation::kind)
                .containsExactly(ObligationKind.POST_MORTEM);
    }

    @Test
    void aPostMortemOfAnotherVersionFulfilsNothing() {
        RolloutScenario s = hotfixLive().ackAll();
        s.when(state -> s.machine.postMortemPublished(state, "2.1.0"));

        assertThat(s.state.obligations()).noneMatch(Obligation::fulfilled);
    }
}
