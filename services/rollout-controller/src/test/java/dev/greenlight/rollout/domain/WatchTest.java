package dev.greenlight.rollout.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.policy.engine.GuardTrip;
import dev.greenlight.policy.model.GuardAction;
import dev.greenlight.policy.model.Policy;
import dev.greenlight.policy.model.ReleaseType;
import dev.greenlight.policy.model.Stage;
import dev.greenlight.policy.model.WatchGuard;
import dev.greenlight.policy.parser.PolicyParser;
import dev.greenlight.rollout.domain.RolloutEffect.CommandIssued;
import dev.greenlight.rollout.domain.RolloutEffect.Completed;
import dev.greenlight.rollout.domain.RolloutEffect.GuardActed;
import dev.greenlight.rollout.domain.RolloutEffect.KillRequested;
import dev.greenlight.rollout.domain.RolloutEffect.WatchEnded;
import dev.greenlight.rollout.domain.RolloutEffect.WatchStarted;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The post-promotion watch: once a release runs at the final stage (after the ramp, or at once for
 * direct and immediate releases) the policy's armed guards keep acting until the watch ends; only
 * then is the rollout complete. Both sides of the end, every release type, the Gate5 scenarios.
 */
class WatchTest {

    private static final Duration WEEK = Policies.STRATEGY_WATCH;
    private static final Duration MS = Duration.ofMillis(1);

    /** ict-qm 2.0.0 is stable (watched out); {@code version} of {@code type} went live through the policy. */
    private static RolloutScenario live(String version, ReleaseType type, Policy policy) {
        RolloutScenario s = new RolloutScenario("ict-qm")
                .register("2.0.0", ReleaseType.BUGFIX, policy).go("2.0.0", last(policy)).ackAll();
        s.after(policy.watch().forType(ReleaseType.BUGFIX).orElseThrow().duration());
        assertThat(s.state.stableVersion()).isEqualTo("2.0.0");
        s.register(version, type, policy);
        while (s.rollout(version).status() == RolloutStatus.PENDING
                || s.rollout(version).status() == RolloutStatus.AWAITING_GATE) {
            String next = s.rollout(version).nextStage().name();
            s.go(version, next).ackAll();
            s.after(s.rollout(version).stage().soak());
        }
        return s;
    }

    private static String last(Policy policy) {
        return policy.stages().get(policy.stages().size() - 1).name();
    }

    private static GuardTrip trip(RolloutScenario s, Policy policy, String guard, Instant actBy) {
        return new GuardTrip(Policies.guard(policy, last(policy), guard), guard + " breached", actBy, List.of("ev-1"));
    }

    private static GuardTrip tripNow(RolloutScenario s, Policy policy, String guard) {
        return trip(s, policy, guard, s.clock.instant());
    }

    @ParameterizedTest
    @EnumSource(ReleaseType.class)
    void everyReleaseTypeIsWatchedAfterPromotionWithTheArmedGuards(ReleaseType type) {
        RolloutScenario s = live("2.1.0", type, Policies.STRATEGY);

        Rollout rollout = s.rollout("2.1.0");
        assertThat(rollout.status()).isEqualTo(RolloutStatus.WATCHING);
        assertThat(rollout.traffic()).isEqualTo(100);
        WatchStarted started = s.emittedEver(WatchStarted.class).stream()
                .filter(w -> w.version().equals("2.1.0")).findFirst().orElseThrow();
        assertThat(started.stage()).isEqualTo("live-100");
        assertThat(started.until()).isEqualTo(rollout.watchUntil());
        assertThat(started.guards()).extracting(WatchGuard::guard)
                .containsExactly("live-errors", "unexpected-losses", "signal-divergence", "system-instability");
        assertThat(s.emittedEver(Completed.class)).extracting(Completed::version).doesNotContain("2.1.0");
        assertThat(s.state.stableVersion()).as("not stable before the watch ends").isEqualTo("2.0.0");
    }

    @Test
    void aDirectReleaseIsWatchedFromTheMomentItsCommandIsApplied() {
        RolloutScenario s = live("2.1.1", ReleaseType.BUGFIX, Policies.STRATEGY);

        assertThat(s.rollout("2.1.1").watchUntil()).isEqualTo(s.clock.instant().plus(WEEK));
    }

    @ParameterizedTest
    @EnumSource(ReleaseType.class)
    void aTripOneMillisecondBeforeTheEndRollsBackToTheVersionItReplaced(ReleaseType type) {
        RolloutScenario s = live("2.1.0", type, Policies.STRATEGY);
        Instant end = s.rollout("2.1.0").watchUntil();
        s.after(Duration.between(s.clock.instant(), end).minus(MS));

        s.trip("2.1.0", tripNow(s, Policies.STRATEGY, "live-errors"));

        assertThat(s.rollout("2.1.0").status()).isEqualTo(RolloutStatus.ROLLED_BACK);
        CommandIssued command = s.emitted(CommandIssued.class).get(0);
        assertThat(command.version()).isEqualTo("2.1.0");
        assertThat(command.traffic()).isZero();
        assertThat(command.previousVersion()).isEqualTo("2.0.0");
        GuardActed acted = s.emitted(GuardActed.class).get(0);
        assertThat(acted.action()).isEqualTo(GuardAction.ROLLBACK);
        assertThat(acted.watchUntil()).isEqualTo(end);
        assertThat(acted.restoredVersion()).isEqualTo("2.0.0");
        assertThat(s.emitted(WatchEnded.class)).extracting(WatchEnded::outcome).containsExactly(WatchOutcome.ROLLED_BACK);
        assertThat(s.state.stableVersion()).isEqualTo("2.0.0");
    }

    @ParameterizedTest
    @EnumSource(ReleaseType.class)
    void aTripOneMillisecondAfterTheEndDoesNothingAndTheRolloutCompletes(ReleaseType type) {
        RolloutScenario s = live("2.1.0", type, Policies.STRATEGY);
        Instant end = s.rollout("2.1.0").watchUntil();
        s.clock.advance(Duration.between(s.clock.instant(), end).plus(MS));  // no tick in between

        s.trip("2.1.0", tripNow(s, Policies.STRATEGY, "live-errors"));

        assertThat(s.emitted(CommandIssued.class)).isEmpty();
        assertThat(s.emitted(GuardActed.class)).isEmpty();
        assertThat(s.emitted(WatchEnded.class)).extracting(WatchEnded::outcome).containsExactly(WatchOutcome.PASSED);
        assertThat(s.emitted(Completed.class)).containsExactly(new Completed("2.1.0", "live-100", 100));
        assertThat(s.rollout("2.1.0").status()).isEqualTo(RolloutStatus.COMPLETED);
        assertThat(s.state.stableVersion()).isEqualTo("2.1.0");
    }

    @Test
    void theWatchEndsAtItsEndInstantOnATick() {
        RolloutScenario s = live("2.1.0", ReleaseType.CONFIG, Policies.STRATEGY);

        s.after(WEEK.minus(MS));
        assertThat(s.rollout("2.1.0").status()).isEqualTo(RolloutStatus.WATCHING);
        assertThat(s.effects).isEmpty();
        s.after(MS);

        assertThat(s.rollout("2.1.0").status()).isEqualTo(RolloutStatus.COMPLETED);
        assertThat(s.effects).hasExactlyElementsOfTypes(WatchEnded.class, Completed.class);
    }

    @Test
    void aGuardWhoseDeadlineFallsAfterTheWatchEndNeverActs() {
        RolloutScenario s = live("2.1.0", ReleaseType.STRATEGY, Policies.STRATEGY);
        s.after(WEEK.minus(Duration.ofHours(1)));
        GuardTrip divergence = trip(s, Policies.STRATEGY, "signal-divergence", s.clock.instant().plus(Duration.ofHours(24)));

        s.trip("2.1.0", divergence);
        assertThat(s.effects).isEmpty();
        s.after(Duration.ofHours(1)).trip("2.1.0", divergence);

        assertThat(s.emittedEver(GuardActed.class)).isEmpty();
        assertThat(s.rollout("2.1.0").status()).isEqualTo(RolloutStatus.COMPLETED);
    }

    /** The final stage has live-errors, instability and page; the watch arms live-errors and page (as KILL), hotfixes only page. */
    private static final Policy ONE_ARMED = new PolicyParser().parse("one-armed.yaml", """
            name: one-armed
            version: "1"
            watch:
              duration: 2d
              guards: [live-errors, {name: page, action: KILL}]
              releaseTypes:
                HOTFIX: {duration: 4d, guards: [{name: page, action: KILL}]}
            stages:
              - name: live
                traffic: 100
                guards:
                  - {name: live-errors, when: {metric: live_errors_total, comparator: ">", threshold: 3}, action: ROLLBACK}
                  - {name: instability, when: {alert: WARNING}, action: ROLLBACK}
                  - {name: page, when: {alert: PAGE}, action: ROLLBACK}
            """);

    @Test
    void aGuardNotArmedForTheWatchDoesNothing() {
        RolloutScenario s = live("2.1.0", ReleaseType.BUGFIX, ONE_ARMED);

        s.trip("2.1.0", tripNow(s, ONE_ARMED, "instability"));

        assertThat(s.effects).isEmpty();
        assertThat(s.rollout("2.1.0").status()).isEqualTo(RolloutStatus.WATCHING);
    }

    @Test
    void thePerTypeWatchAppliesAndAnArmedGuardTakesTheWatchsAction() {
        RolloutScenario s = live("2.1.1-hotfix.1", ReleaseType.HOTFIX, ONE_ARMED);
        assertThat(s.rollout("2.1.1-hotfix.1").watchUntil()).isEqualTo(s.clock.instant().plus(Duration.ofDays(4)));

        s.trip("2.1.1-hotfix.1", tripNow(s, ONE_ARMED, "live-errors"));
        assertThat(s.effects).as("live-errors is not armed for hotfixes").isEmpty();
        s.trip("2.1.1-hotfix.1", tripNow(s, ONE_ARMED, "page"));

        assertThat(s.emitted(GuardActed.class)).extracting(GuardActed::action).containsExactly(GuardAction.KILL);
        assertThat(s.emitted(KillRequested.class)).hasSize(1);
        assertThat(s.state.killed()).isTrue();
        assertThat(s.emitted(WatchEnded.class)).extracting(WatchEnded::outcome).containsExactly(WatchOutcome.KILLED);
        assertThat(s.rollout("2.1.1-hotfix.1").status()).isEqualTo(RolloutStatus.KILLED);
    }

    @Test
    void gate5ScenarioA_aContractRegressionAfterPromotionHoldsTheRelease() {
        RolloutScenario s = live("3.4.0", ReleaseType.STRATEGY, Policies.GATE5);
        assertThat(s.rollout("3.4.0").status()).isEqualTo(RolloutStatus.WATCHING);

        s.after(Duration.ofHours(3)).trip("3.4.0", tripNow(s, Policies.GATE5, "contract-regression"));

        assertThat(s.rollout("3.4.0").status()).isEqualTo(RolloutStatus.PAUSED);
        assertThat(s.emitted(CommandIssued.class)).isEmpty();
        assertThat(s.emitted(GuardActed.class)).extracting(GuardActed::action).containsExactly(GuardAction.PAUSE);
        s.after(Duration.ofDays(2));
        assertThat(s.rollout("3.4.0").status()).as("held past the watch's end, not completed").isEqualTo(RolloutStatus.PAUSED);
        assertThat(s.state.stableVersion()).isEqualTo("2.0.0");

        s.when(st -> s.machine.resume(st, "3.4.0", RolloutScenario.ALICE, "contract fixed, gates re-run"));

        assertThat(s.rollout("3.4.0").status()).isEqualTo(RolloutStatus.COMPLETED);
        assertThat(s.state.stableVersion()).isEqualTo("3.4.0");
    }

    @Test
    void gate5ScenarioB_anSloBreachAfterPromotionRollsBack() {
        RolloutScenario s = live("3.4.0", ReleaseType.BUGFIX, Policies.GATE5);

        s.after(Duration.ofHours(23)).trip("3.4.0", tripNow(s, Policies.GATE5, "slo-breach"));

        assertThat(s.rollout("3.4.0").status()).isEqualTo(RolloutStatus.ROLLED_BACK);
        assertThat(s.emitted(CommandIssued.class)).extracting(CommandIssued::traffic, CommandIssued::previousVersion)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0, "2.0.0"));
    }

    @Test
    void aNewerReleaseDeployedDuringTheWatchSupersedesIt() {
        RolloutScenario s = live("2.1.0", ReleaseType.BUGFIX, Policies.STRATEGY);

        s.register("2.2.0", ReleaseType.STRATEGY, Policies.STRATEGY).go("2.2.0", "paper");

        assertThat(s.emitted(WatchEnded.class)).extracting(WatchEnded::version, WatchEnded::outcome)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("2.1.0", WatchOutcome.SUPERSEDED));
        assertThat(s.rollout("2.1.0").status()).isEqualTo(RolloutStatus.COMPLETED);
        assertThat(s.state.stableVersion()).as("what a rollback of 2.2.0 restores").isEqualTo("2.1.0");
    }

    @Test
    void anAbortDuringTheWatchEndsItAndRestoresThePreviousVersion() {
        RolloutScenario s = live("2.1.0", ReleaseType.HOTFIX, Policies.STRATEGY);

        s.when(st -> s.machine.abort(st, "2.1.0", RolloutScenario.ALICE, "customer reports"));

        assertThat(s.emitted(WatchEnded.class)).extracting(WatchEnded::outcome).containsExactly(WatchOutcome.ROLLED_BACK);
        assertThat(s.emitted(CommandIssued.class)).extracting(CommandIssued::previousVersion).containsExactly("2.0.0");
    }

    @Test
    void theKillSwitchEndsTheWatchAndAResumeWatchesAnew() {
        RolloutScenario s = live("2.1.0", ReleaseType.BUGFIX, Policies.STRATEGY);

        s.when(st -> s.machine.killActivated(st, "ops"));
        assertThat(s.emitted(WatchEnded.class)).extracting(WatchEnded::outcome).containsExactly(WatchOutcome.KILLED);
        s.when(st -> s.machine.killDeactivated(st, "safe"))
                .when(st -> s.machine.resume(st, "2.1.0", RolloutScenario.ALICE, "back")).ackAll();

        assertThat(s.rollout("2.1.0").status()).isEqualTo(RolloutStatus.WATCHING);
        assertThat(s.rollout("2.1.0").watchUntil()).isEqualTo(s.clock.instant().plus(WEEK));
    }

    @Test
    void aPolicyWithoutAWatchCompletesAtOnceAsBefore() {
        Stage live = ONE_ARMED.stages().get(0);
        Policy unwatched = new Policy("plain", "1", "", ONE_ARMED.governs(), List.of(live), ONE_ARMED.defaults(),
                "hash-plain");
        RolloutScenario s = new RolloutScenario("ict-qm").register("1.0.0", ReleaseType.BUGFIX, unwatched)
                .go("1.0.0", "live").ackAll();

        assertThat(s.rollout("1.0.0").status()).isEqualTo(RolloutStatus.COMPLETED);
        assertThat(s.emittedEver(WatchStarted.class)).isEmpty();
    }
}
