package dev.greenlight.console.board.domain;

import static dev.greenlight.console.board.domain.ReleaseFoldTest.T0;
import static dev.greenlight.console.board.domain.ReleaseFoldTest.decided;
import static dev.greenlight.console.board.domain.ReleaseFoldTest.registered;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The partitioned projection, pure: given what the read model holds, when a fact of an owned
 * partition arrives, then the read-model records to write. Each instance's board is the read model
 * ({@link Projection#put}), so these records are all an instance needs to show a release.
 */
class PartitionProjectorTest {

    static TrafficMoved step(String target, String version, int percent, long secondsAfterT0) {
        return new TrafficMoved(target, version, "live-10", TrafficMoved.Kind.STEP_STARTED, percent, null, null,
                T0.plusSeconds(secondsAfterT0));
    }

    static TrafficMoved completed(String target, String version, long secondsAfterT0) {
        return new TrafficMoved(target, version, "live-100", TrafficMoved.Kind.COMPLETED, 100, null, null,
                T0.plusSeconds(secondsAfterT0));
    }

    /** What every instance would show after reading {@code records} from the read model. */
    static Projection board(Projection readModel, List<ReadModelRecord> records) {
        records.forEach(readModel::put);
        return readModel;
    }

    @Test
    void aFactBecomesTheReleasesViewInTheReadModel() {
        Projection readModel = new Projection();
        PartitionProjector projector = new PartitionProjector(readModel);

        List<ReadModelRecord> out = projector.apply("greenlight.releases-1", 7, registered("ict-qm", "2.1.0"));

        assertThat(out).extracting(ReadModelRecord::key).containsExactly("release/ict-qm@2.1.0");
        assertThat(out.get(0).release().positions()).containsEntry("greenlight.releases-1", 7L);
        assertThat(board(readModel, out).release("ict-qm@2.1.0")).hasValueSatisfying(v ->
                assertThat(v.type()).isEqualTo("MINOR"));
    }

    @Test
    void aFactHandedAgainAfterACrashWritesNothing_theTimelineCountsEachStepOnce() {
        Projection readModel = new Projection();
        PartitionProjector projector = new PartitionProjector(readModel);
        board(readModel, projector.apply("greenlight.releases-1", 7, registered("ict-qm", "2.1.0")));
        board(readModel, projector.apply("greenlight.rollouts-1", 3, step("ict-qm", "2.1.0", 10, 60)));

        // The instance crashed after writing the view, before committing offset 3: a new owner gets it again.
        PartitionProjector newOwner = new PartitionProjector(readModel);
        List<ReadModelRecord> again = newOwner.apply("greenlight.rollouts-1", 3, step("ict-qm", "2.1.0", 10, 60));

        assertThat(again).isEmpty();
        assertThat(readModel.release("ict-qm@2.1.0").orElseThrow().timeline()).hasSize(1);
    }

    @Test
    void theReadModelReadAgainFromItsBeginning_anOlderViewDoesNotReplaceTheNewer() {
        Projection readModel = new Projection();
        PartitionProjector projector = new PartitionProjector(readModel);
        List<ReadModelRecord> registeredView = projector.apply("greenlight.releases-1", 7, registered("ict-qm", "2.1.0"));
        List<ReadModelRecord> steppedView = projector.apply("greenlight.rollouts-1", 3, step("ict-qm", "2.1.0", 10, 60));
        board(readModel, registeredView);
        board(readModel, steppedView);

        // The reader lost Kafka and reads the topic again: the first view comes before the newer one.
        board(readModel, registeredView);

        assertThat(readModel.release("ict-qm@2.1.0").orElseThrow().trafficPercent()).isEqualTo(10);
        List<ReadModelRecord> next = new PartitionProjector(readModel)
                .apply("greenlight.decisions-1", 4, decided("ict-qm", "2.1.0", "canary", "HOLD", "PENDING", List.of(),
                        T0.plusSeconds(90)));
        assertThat(next.get(0).release().view().trafficPercent()).isEqualTo(10);
        assertThat(next.get(0).release().positions()).containsOnlyKeys("greenlight.releases-1",
                "greenlight.rollouts-1", "greenlight.decisions-1");
    }

    @Test
    void aNewOwnerFoldsOnFromTheReadModel_notFromTheHistory() {
        Projection readModel = new Projection();
        PartitionProjector first = new PartitionProjector(readModel);
        board(readModel, first.apply("greenlight.releases-1", 7, registered("ict-qm", "2.1.0")));
        board(readModel, first.apply("greenlight.decisions-1", 4,
                decided("ict-qm", "2.1.0", "canary", "HOLD", "PENDING", List.of(), T0.plusSeconds(30))));

        PartitionProjector next = new PartitionProjector(readModel);
        List<ReadModelRecord> out = next.apply("greenlight.rollouts-1", 0, step("ict-qm", "2.1.0", 10, 60));

        ReleaseView view = out.get(0).release().view();
        assertThat(view.type()).isEqualTo("MINOR");
        assertThat(view.lastOutcome()).isEqualTo("HOLD");
        assertThat(view.trafficPercent()).isEqualTo(10);
        assertThat(out.get(0).release().positions()).containsOnlyKeys("greenlight.releases-1",
                "greenlight.decisions-1", "greenlight.rollouts-1");
    }

    @Test
    void itsOwnWritesCountBeforeTheReadModelHasThem() {
        Projection readModel = new Projection(); // never fed: the read model lags behind
        PartitionProjector projector = new PartitionProjector(readModel);
        projector.apply("greenlight.releases-1", 7, registered("ict-qm", "2.1.0"));

        List<ReadModelRecord> out = projector.apply("greenlight.rollouts-1", 3, step("ict-qm", "2.1.0", 10, 60));

        assertThat(out.get(0).release().view().type()).isEqualTo("MINOR");
        assertThat(out.get(0).release().view().trafficPercent()).isEqualTo(10);
    }

    @Test
    void aKillSwitchMarksEveryReleaseOfTheTargetInFlight_notTheFinishedOnes() {
        Projection readModel = new Projection();
        PartitionProjector projector = new PartitionProjector(readModel);
        board(readModel, projector.apply("greenlight.releases-1", 1, registered("ict-qm", "2.1.0")));
        board(readModel, projector.apply("greenlight.releases-1", 2, registered("ict-qm", "2.0.0")));
        board(readModel, projector.apply("greenlight.rollouts-1", 1, completed("ict-qm", "2.0.0", 10)));
        board(readModel, projector.apply("greenlight.releases-1", 3, registered("other", "1.0.0")));

        List<ReadModelRecord> out = projector.apply("greenlight.kill-switch-1", 0,
                new KillSwitchFlipped("ict-qm", true, "erin", "page alert", T0.plusSeconds(90)));

        assertThat(out).extracting(ReadModelRecord::key).containsExactly("release/ict-qm@2.1.0");
        assertThat(out.get(0).release().view().timeline()).last()
                .satisfies(p -> assertThat(p.kind()).isEqualTo(TrafficMoved.Kind.KILL));
    }

    @Test
    void theLedgerOfATargetKeepsItsLatestEntries_once() {
        Projection readModel = new Projection();
        PartitionProjector projector = new PartitionProjector(readModel);
        for (int i = 0; i < TargetLedger.KEEP + 5; i++) {
            board(readModel, projector.apply("greenlight.ledger-2", i, new LedgerRecorded("ict-qm", 2, i,
                    "ReleaseRegistered", "e-" + i, "ab", T0.plusSeconds(i))));
        }
        assertThat(projector.apply("greenlight.ledger-2", 3, new LedgerRecorded("ict-qm", 2, 3, "ReleaseRegistered",
                "e-3", "ab", T0))).isEmpty();

        assertThat(readModel.ledger("ict-qm")).hasSize(TargetLedger.KEEP);
        assertThat(readModel.ledger("ict-qm").get(0).sequence()).isEqualTo(5);
        assertThat(readModel.ledgerSize()).isEqualTo(TargetLedger.KEEP + 5);
    }

    @Test
    void aTargetsMetricSamplesMakeRoomFirst_itsDecisionStaysOnTheReleasePage() {
        Projection readModel = new Projection();
        PartitionProjector projector = new PartitionProjector(readModel);
        board(readModel, projector.apply("greenlight.ledger-2", 0, new LedgerRecorded("ict-qm", 2, 0,
                "dev.greenlight.events.GateDecided", "decision-1", "ab", T0)));
        for (int i = 1; i <= TargetLedger.KEEP * 3; i++) {
            board(readModel, projector.apply("greenlight.ledger-2", i, new LedgerRecorded("ict-qm", 2, i,
                    "dev.greenlight.events.MetricObserved", "sample-" + i, "ab", T0.plusSeconds(i))));
        }

        assertThat(readModel.ledger("ict-qm")).hasSize(TargetLedger.KEEP);
        assertThat(readModel.ledger("ict-qm").get(0).sourceEventId()).isEqualTo("decision-1");
        assertThat(readModel.ledger("ict-qm")).last()
                .satisfies(e -> assertThat(e.sourceEventId()).isEqualTo("sample-" + TargetLedger.KEEP * 3));
    }

    @Test
    void finishedReleasesOfOwnedTargetsLeaveTheReadModelAfterTheAgeLimit_inFlightOnesStay() {
        Projection readModel = new Projection();
        PartitionProjector projector = new PartitionProjector(readModel);
        board(readModel, projector.apply("greenlight.releases-1", 1, registered("ict-qm", "2.0.0")));
        board(readModel, projector.apply("greenlight.rollouts-1", 1, completed("ict-qm", "2.0.0", 10)));
        board(readModel, projector.apply("greenlight.releases-1", 2, registered("ict-qm", "2.1.0")));
        board(readModel, projector.apply("greenlight.releases-0", 1, registered("other", "1.0.0")));
        board(readModel, projector.apply("greenlight.rollouts-0", 1, completed("other", "1.0.0", 10)));

        assertThat(projector.expire(T0.plus(Duration.ofDays(1)), Duration.ofDays(7), t -> true)).isEmpty();
        List<ReadModelRecord> out = projector.expire(T0.plus(Duration.ofDays(8)), Duration.ofDays(7),
                "ict-qm"::equals);

        assertThat(out).extracting(ReadModelRecord::key).containsExactly("release/ict-qm@2.0.0");
        assertThat(out.get(0).tombstone()).isTrue();
        board(readModel, out);
        assertThat(readModel.releases()).extracting(ReleaseView::id)
                .containsExactlyInAnyOrder("ict-qm@2.1.0", "other@1.0.0");
        assertThat(projector.expire(T0.plus(Duration.ofDays(9)), Duration.ofDays(7), "ict-qm"::equals)).isEmpty();
    }
}
