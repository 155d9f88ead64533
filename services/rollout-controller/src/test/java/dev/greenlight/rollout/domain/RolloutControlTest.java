package dev.greenlight.rollout.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.policy.model.Policy;
import dev.greenlight.policy.model.ReleaseType;
import dev.greenlight.policy.model.RolloutControl;
import dev.greenlight.rollout.domain.RolloutEffect.CommandIssued;
import dev.greenlight.rollout.domain.RolloutEffect.Paused;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Who may steer a rollout by hand (the policy's rollout control, defaults when it has none): a CI
 * publisher may do nothing, on call may pause, resume and abort, promotion on GO is for release
 * captains and founders, and the override without GO is the founder's, never the release author's.
 */
class RolloutControlTest {

    static final Actor CI = new Actor("ci", Set.of("publisher"));
    static final Actor ON_CALL = new Actor("erin", Set.of("on-call", "engineer"));
    static final Actor ENGINEER = new Actor("alice", Set.of("engineer"));
    static final Actor CAPTAIN = new Actor("dave", Set.of("release-captain"));

    /** ict-qm: 2.0.0 stable, 2.1.0 live on paper (traffic 0), authored by fay, the founder. */
    private static RolloutScenario onPaperAuthoredBy(String author) {
        return new RolloutScenario("ict-qm")
                .register("2.0.0", ReleaseType.BUGFIX, Policies.STRATEGY).go("2.0.0", "live-100").ackAll()
                .register("2.1.0", ReleaseType.STRATEGY, Policies.STRATEGY, author).go("2.1.0", "paper").ackAll();
    }

    private static void refused(RefusalReason reason, Executable command) {
        assertThatThrownBy(command::execute).isInstanceOfSatisfying(RolloutRefusedException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }

    @Test
    void givenACiPublisher_whenItPausesResumesAbortsOrPromotes_thenEachIsRefusedAndNothingChanges() {
        RolloutScenario s = onPaperAuthoredBy("alice");
        TargetState before = s.state;

        refused(RefusalReason.NOT_PERMITTED, () -> s.machine.pause(s.state, "2.1.0", CI, "ci says so"));
        refused(RefusalReason.NOT_PERMITTED, () -> s.machine.resume(s.state, "2.1.0", CI, "ci says so"));
        refused(RefusalReason.NOT_PERMITTED, () -> s.machine.abort(s.state, "2.1.0", CI, "ci says so"));
        refused(RefusalReason.NOT_PERMITTED, () -> s.machine.promote(s.state, "2.1.0", CI, "ci says so"));
        // Even without a reason the missing authority is what is refused (and recorded).
        refused(RefusalReason.NOT_PERMITTED, () -> s.machine.pause(s.state, "2.1.0", CI, null));
        assertThat(s.state).isEqualTo(before);
    }

    @Test
    void givenOnCall_whenItPausesResumesAndAborts_thenEachApplies_butItMayNotPromote() {
        RolloutScenario s = onPaperAuthoredBy("alice");

        s.when(st -> s.machine.pause(st, "2.1.0", ON_CALL, "pager noise, holding"));
        assertThat(s.emitted(Paused.class)).singleElement().extracting(Paused::actor).isEqualTo("erin");
        s.when(st -> s.machine.resume(st, "2.1.0", ON_CALL, "noise explained"));
        assertThat(s.rollout("2.1.0").status()).isEqualTo(RolloutStatus.STAGE_LIVE);
        refused(RefusalReason.NOT_PERMITTED, () -> s.machine.promote(s.state, "2.1.0", ON_CALL, "looks fine"));
        s.when(st -> s.machine.abort(st, "2.1.0", ON_CALL, "bad fills"));
        assertThat(s.rollout("2.1.0").status()).isEqualTo(RolloutStatus.ROLLED_BACK);
    }

    @Test
    void givenAnEngineer_whenItPauses_thenItApplies_butResumeAndAbortAreRefused() {
        RolloutScenario s = onPaperAuthoredBy("alice");

        s.when(st -> s.machine.pause(st, "2.1.0", ENGINEER, "something is off"));

        refused(RefusalReason.NOT_PERMITTED, () -> s.machine.resume(s.state, "2.1.0", ENGINEER, "fine now"));
        refused(RefusalReason.NOT_PERMITTED, () -> s.machine.abort(s.state, "2.1.0", ENGINEER, "give up"));
    }

    @Test
    void givenAGo_whenAReleaseCaptainPromotes_thenTrafficMoves_butWithoutGoTheCaptainIsRefused() {
        RolloutScenario s = onPaperAuthoredBy("alice").after(Duration.ofDays(4));
        refused(RefusalReason.NOT_APPROVED, () -> s.machine.promote(s.state, "2.1.0", CAPTAIN, "please"));

        s.when(st -> s.machine.pause(st, "2.1.0", CAPTAIN, "wait for the GO")).go("2.1.0", "live-25")
                .when(st -> s.machine.resume(st, "2.1.0", CAPTAIN, "GO recorded"))
                .when(st -> s.machine.promote(st, "2.1.0", CAPTAIN, "on GO"));

        assertThat(s.rollout("2.1.0").traffic()).isEqualTo(25);
    }

    @Test
    void givenTheAuthorHoldsTheOverrideRole_whenTheyPromoteWithoutGo_thenTheyAreRefused() {
        RolloutScenario s = onPaperAuthoredBy("Fay ");

        refused(RefusalReason.NOT_PERMITTED, () -> s.machine.promote(s.state, "2.1.0", RolloutScenario.FOUNDER,
                "my own release, trust me"));

        assertThat(s.emittedEver(CommandIssued.class)).noneMatch(c -> c.traffic() == 25);
    }

    @Test
    void givenAnotherFounder_whenTheyPromoteWithoutGo_thenTheOverrideApplies() {
        RolloutScenario s = onPaperAuthoredBy("alice");

        s.when(st -> s.machine.promote(st, "2.1.0", RolloutScenario.FOUNDER, "market event"));

        assertThat(s.emitted(CommandIssued.class).get(0).reason()).contains("override");
    }

    @Test
    void givenAPolicyWithItsOwnRolloutControl_thenItsRolesApplyToRolloutsRegisteredUnderIt() {
        Policy strict = withControl(Policies.STRATEGY, new RolloutControl(Set.of("operations"), Set.of("operations"),
                Set.of("operations"), Set.of("operations"), Set.of("cto")));
        RolloutScenario s = new RolloutScenario("ict-qm")
                .register("2.1.0", ReleaseType.STRATEGY, strict, "alice").go("2.1.0", "paper").ackAll();

        refused(RefusalReason.NOT_PERMITTED, () -> s.machine.pause(s.state, "2.1.0", ON_CALL, "hold"));
        refused(RefusalReason.NOT_PERMITTED, () -> s.machine.promote(s.state, "2.1.0", RolloutScenario.FOUNDER,
                "override"));
        s.when(st -> s.machine.promote(st, "2.1.0", new Actor("chris", Set.of("cto")), "board decision"));
        assertThat(s.rollout("2.1.0").traffic()).isEqualTo(25);
    }

    private static Policy withControl(Policy p, RolloutControl control) {
        return new Policy(p.name(), p.version(), p.description(), p.governs(), p.stages(), p.defaults(),
                p.contentHash(), control);
    }
}
