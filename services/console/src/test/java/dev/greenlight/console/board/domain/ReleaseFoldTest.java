package dev.greenlight.console.board.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fold of one release, given what the console saw, when a fact arrives, then what the view shows. */
class ReleaseFoldTest {

    static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    static ReleaseAnnounced registered(String target, String version) {
        return new ReleaseAnnounced(target, version, "MINOR", "alice", "abc123", "ict-release", T0);
    }

    static StageDecided decided(String target, String version, String stage, String outcome, String status,
            List<Pending> pending, Instant at) {
        return new StageDecided(target, version, stage, outcome, "d-" + stage + "-" + at.toEpochMilli(),
                List.of(new Criterion("auditor-approval", "approval", status, true, null, null,
                        "missing approval: auditor", List.of("e-1"))),
                "PASS".equals(status) ? List.of() : List.of("auditor-approval"), pending, at.plusSeconds(3600),
                "ict-release", "sha256:aa", at);
    }

    static ReleaseView fold(ReleaseView view, ConsoleEvent... events) {
        for (ConsoleEvent event : events) {
            view = ReleaseFold.apply(view, event);
        }
        return view;
    }

    static ReleaseView empty() {
        return ReleaseView.unknown("ict-qm", "2.1.0", T0);
    }

    @Test
    void aRegisteredReleaseWaitingForAnAuditorIsOnHoldAndNamesWhoMustAct() {
        ReleaseView view = fold(empty(), registered("ict-qm", "2.1.0"),
                decided("ict-qm", "2.1.0", "canary", "HOLD", "PENDING",
                        List.of(new Pending("auditor-approval", "missing approval: auditor", List.of("auditor"), null)),
                        T0.plusSeconds(60)));

        assertThat(view.type()).isEqualTo("MINOR");
        assertThat(view.author()).isEqualTo("alice");
        assertThat(view.stage()).isEqualTo("canary");
        assertThat(view.lastOutcome()).isEqualTo("HOLD");
        assertThat(view.currentStageView().pendingOn()).extracting(Pending::who).containsExactly("auditor");
        assertThat(view.currentStageView().nextReviewAt()).isEqualTo(T0.plusSeconds(3660));
        assertThat(view.policyHash()).isEqualTo("sha256:aa");
    }

    @Test
    void aLaterVerdictOnTheSameStageReplacesTheEarlierOne_otherStagesStay() {
        ReleaseView view = fold(empty(), registered("ict-qm", "2.1.0"),
                decided("ict-qm", "2.1.0", "canary", "HOLD", "PENDING", List.of(), T0.plusSeconds(60)),
                decided("ict-qm", "2.1.0", "production", "HOLD", "PENDING", List.of(), T0.plusSeconds(61)),
                decided("ict-qm", "2.1.0", "canary", "GO", "PASS", List.of(), T0.plusSeconds(120)));

        assertThat(view.stages()).extracting(StageView::stage).containsExactly("canary", "production");
        assertThat(view.stageView("canary").outcome()).isEqualTo("GO");
        assertThat(view.stageView("canary").criteria().get(0).status()).isEqualTo("PASS");
        assertThat(view.stageView("production").outcome()).isEqualTo("HOLD");
    }

    @Test
    void rolloutStepsMoveTrafficAndTheKillSwitchIsMarkedThenTrafficDropsToZero() {
        ReleaseView ramping = fold(empty(), registered("ict-qm", "2.1.0"),
                new TrafficMoved("ict-qm", "2.1.0", "canary", TrafficMoved.Kind.STEP_STARTED, 5, null, null,
                        T0.plusSeconds(100)),
                new TrafficMoved("ict-qm", "2.1.0", "canary", TrafficMoved.Kind.STEP_STARTED, 25, null, null,
                        T0.plusSeconds(200)));
        assertThat(ramping.trafficPercent()).isEqualTo(25);
        assertThat(ramping.rolloutState()).isEqualTo("ramping");

        ReleaseView killed = fold(ramping,
                new KillSwitchFlipped("ict-qm", true, "erin", "page alert", T0.plusSeconds(300)),
                new TrafficMoved("ict-qm", "2.1.0", "canary", TrafficMoved.Kind.PAUSED, 0, "kill-switch", "kill switch",
                        T0.plusSeconds(301)));

        assertThat(killed.trafficPercent()).isZero();
        assertThat(killed.rolloutState()).isEqualTo("killed");
        assertThat(killed.timeline()).extracting(TimelinePoint::percent).containsExactly(5, 25, 25, 0);
        assertThat(killed.timeline()).filteredOn(TimelinePoint::marked).extracting(TimelinePoint::kind)
                .containsExactly(TrafficMoved.Kind.KILL, TrafficMoved.Kind.PAUSED);
        assertThat(killed.timeline().get(2).label()).contains("erin", "page alert");
    }

    @Test
    void aRollbackWithoutAShareTakesTheReleaseToZero_andAnAbortEndsItsFlight() {
        ReleaseView rolledBack = fold(empty(), registered("ict-qm", "2.1.0"),
                new TrafficMoved("ict-qm", "2.1.0", "canary", TrafficMoved.Kind.STEP_STARTED, 10, null, null, T0),
                new TrafficMoved("ict-qm", "2.1.0", "canary", TrafficMoved.Kind.ROLLBACK, null, "guard error-rate",
                        "5xx above 2%", T0.plusSeconds(10)));
        assertThat(rolledBack.trafficPercent()).isZero();
        assertThat(rolledBack.rolloutState()).isEqualTo("rolled back");
        assertThat(rolledBack.inFlight()).isTrue();

        ReleaseView aborted = ReleaseFold.apply(rolledBack, new TrafficMoved("ict-qm", "2.1.0", "canary",
                TrafficMoved.Kind.ABORTED, 0, "dave", "bad build", T0.plusSeconds(20)));
        assertThat(aborted.inFlight()).isFalse();
    }

    @Test
    void peoplesSignOffsAreKeptWithWhoAndWhen_andAReRegistrationKeepsTheHistory() {
        PersonActed approval = new PersonActed("ict-qm", "2.1.0", "APPROVE", "auditor", "bob", null, "AUD-1",
                T0.plusSeconds(50));
        ReleaseView view = fold(empty(), registered("ict-qm", "2.1.0"), approval,
                new ReleaseAnnounced("ict-qm", "2.1.0", "MINOR", "alice", "def456", null, T0.plusSeconds(90)));

        assertThat(view.people()).containsExactly(approval);
        assertThat(view.revision()).isEqualTo("def456");
        assertThat(view.policy()).as("a re-registration without a policy keeps the known one").isEqualTo("ict-release");
        assertThat(view.registeredAt()).isEqualTo(T0);
    }

    @Test
    void aFactTheReleaseDoesNotShowLeavesItUnchanged() {
        ReleaseView before = fold(empty(), registered("ict-qm", "2.1.0"));
        ReleaseView after = ReleaseFold.apply(before,
                new KillSwitchFlipped("ict-qm", false, "dave", "fixed", T0.plusSeconds(5)));
        assertThat(after).isSameAs(before);
    }
}
