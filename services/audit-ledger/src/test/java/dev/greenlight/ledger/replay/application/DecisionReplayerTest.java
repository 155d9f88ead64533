package dev.greenlight.ledger.replay.application;

import static dev.greenlight.ledger.replay.application.ReplayFixture.honestDecision;
import static dev.greenlight.ledger.replay.application.ReplayFixture.incrementalDecision;
import static dev.greenlight.ledger.replay.application.ReplayFixture.metricPolicyActivated;
import static dev.greenlight.ledger.replay.application.ReplayFixture.policyActivated;
import static dev.greenlight.ledger.replay.application.ReplayFixture.release;
import static dev.greenlight.ledger.replay.application.ReplayFixture.securityScan;
import static dev.greenlight.evidence.EvidenceEvents.metric;
import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.events.CriterionResult;
import dev.greenlight.events.CriterionStatus;
import dev.greenlight.events.GateDecided;
import dev.greenlight.events.GateOutcome;
import dev.greenlight.events.PolicyRef;
import dev.greenlight.events.EventMetadata;
import dev.greenlight.events.MetricObserved;
import dev.greenlight.events.PolicyActivated;
import dev.greenlight.policy.engine.PolicyEngine;
import dev.greenlight.policy.evidence.SourceOffset;
import dev.greenlight.policy.parser.PolicyParser;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

class DecisionReplayerTest {

    private final DecisionReplayer replayer = new DecisionReplayer(new PolicyParser(), new PolicyEngine());

    private static List<RecordedEvent> ledger(SpecificRecord... events) {
        List<RecordedEvent> ledger = new ArrayList<>();
        for (int i = 0; i < events.length; i++) {
            ledger.add(new RecordedEvent("0/" + i, events[i]));
        }
        return ledger;
    }

    @Test
    void aDecisionCitingASeriesByRangeIsReproducedFromTheSamplesTheRangeResolvesTo() {
        MetricObserved m1 = metric("m1", ReplayFixture.TARGET, null, "error_rate", 0.01, ReplayFixture.T.minusSeconds(600));
        MetricObserved m2 = metric("m2", ReplayFixture.TARGET, "1.0.0", "error_rate", 0.03, ReplayFixture.T);
        MetricObserved old = metric("m0", ReplayFixture.TARGET, null, "error_rate", 0.9, ReplayFixture.T.minusSeconds(3600));
        GateDecided decided = incrementalDecision(List.of(m1, m2, old), null);
        assertThat(decided.getEvidenceIds()).hasSize(2).anyMatch(id -> id.startsWith("series/"));

        ReplayReport report = replayer.replay(ledger(metricPolicyActivated(), release(), old, m1, m2, decided), null);

        assertThat(report.results()).singleElement().satisfies(r -> assertThat(r.status())
                .as(r.detail()).isEqualTo(ReplayStatus.REPRODUCED));
    }

    @Test
    void aSampleInTheCitedRangeThatTheDecisionDidNotCountMakesItUnreplayable_notAMatch() {
        MetricObserved m1 = metric("m1", ReplayFixture.TARGET, null, "error_rate", 0.01, ReplayFixture.T.minusSeconds(600));
        MetricObserved late = metric("late", ReplayFixture.TARGET, null, "error_rate", 0.5, ReplayFixture.T.minusSeconds(60));
        GateDecided decided = incrementalDecision(List.of(m1), null);

        ReplayReport report = replayer.replay(ledger(metricPolicyActivated(), release(), m1, late, decided), null);

        assertThat(report.results()).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(ReplayStatus.UNREPLAYABLE);
            assertThat(r.detail()).contains("error_rate", "resolves to 2", "1 cited");
        });
    }

    /**
     * The late-sample case with the current citation form: the decision names how far the gate had
     * read the metrics partition, and the ledger knows each sample's source offset, so a sample
     * observed inside the window but read after the decision is left out and the decision replays.
     */
    @Test
    void aSampleInTheCitedRangeReadAfterTheDecisionIsLeftOut_andTheDecisionIsReproducedByteForByte() {
        MetricObserved m1 = metric("m1", ReplayFixture.TARGET, null, "error_rate", 0.01, ReplayFixture.T.minusSeconds(600));
        MetricObserved m2 = metric("m2", ReplayFixture.TARGET, "1.0.0", "error_rate", 0.03, ReplayFixture.T.minusSeconds(30));
        MetricObserved late = metric("late", ReplayFixture.TARGET, null, "error_rate", 0.5, ReplayFixture.T.minusSeconds(60));
        GateDecided decided = incrementalDecision(List.of(m1, m2), new SourceOffset(2, 41));
        assertThat(decided.getEvidenceIds()).anyMatch(id -> id.startsWith("series@2:41/"));
        List<RecordedEvent> ledger = List.of(new RecordedEvent("0/0", metricPolicyActivated()),
                new RecordedEvent("0/1", release()), new RecordedEvent("0/2", m1, new SourceOffset(2, 40)),
                new RecordedEvent("0/3", m2, new SourceOffset(2, 41)), new RecordedEvent("0/4", decided),
                new RecordedEvent("0/5", late, new SourceOffset(2, 42)));

        ReplayReport report = replayer.replay(ledger, null);

        assertThat(report.results()).singleElement().satisfies(r -> assertThat(r.status())
                .as(r.detail()).isEqualTo(ReplayStatus.REPRODUCED));
        // Had the gate read the late sample before deciding, the same citation would not resolve.
        List<RecordedEvent> readBefore = List.of(ledger.get(0), ledger.get(1), ledger.get(2), ledger.get(3),
                new RecordedEvent("0/5", late, new SourceOffset(2, 41)), ledger.get(4));
        assertThat(replayer.replay(readBefore, null).results()).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(ReplayStatus.UNREPLAYABLE);
            assertThat(r.detail()).contains("arrived by 2:41", "resolves to 3", "2 cited");
        });
    }

    @Test
    void anHonestDecisionIsReproducedFromTheLedgerAlone() {
        ReplayReport report = replayer.replay(ledger(policyActivated(), release(), securityScan(), honestDecision()),
                null);

        assertThat(report.results()).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(ReplayStatus.REPRODUCED);
            assertThat(r.release()).isEqualTo("rl-policy-replay@1.0.0");
            assertThat(r.stage()).isEqualTo("shadow");
            assertThat(r.position()).isEqualTo("0/3");
        });
        assertThat(report.ok()).isTrue();
    }

    @Test
    void aDecisionWhoseOutcomeWasFlippedIsAMismatchNamingTheOutcome() {
        GateDecided honest = honestDecision();
        GateOutcome other = honest.getOutcome() == GateOutcome.GO ? GateOutcome.NO_GO : GateOutcome.GO;
        GateDecided doctored = GateDecided.newBuilder(honest).setOutcome(other).build();

        ReplayReport report = replayer.replay(ledger(policyActivated(), release(), securityScan(), doctored), null);

        assertThat(report.mismatched()).isEqualTo(1);
        assertThat(report.ok()).isFalse();
        assertThat(report.results().get(0).differences())
                .containsExactly("outcome: recorded " + other + ", replayed " + honest.getOutcome());
    }

    @Test
    void aDecisionWithAChangedCriterionStatusIsAMismatchNamingTheCriterion() {
        GateDecided honest = honestDecision();
        List<CriterionResult> criteria = new ArrayList<>(honest.getCriteria());
        CriterionResult scan = criteria.get(0);
        criteria.set(0, CriterionResult.newBuilder(scan).setStatus(CriterionStatus.WAIVED).build());
        GateDecided doctored = GateDecided.newBuilder(honest).setCriteria(criteria).build();

        ReplayReport report = replayer.replay(ledger(policyActivated(), release(), securityScan(), doctored), null);

        assertThat(report.results()).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(ReplayStatus.MISMATCH);
            assertThat(r.differences()).containsExactly("criteria[" + scan.getName() + "].status: recorded WAIVED, "
                    + "replayed " + scan.getStatus());
        });
    }

    @Test
    void aDecisionRecordedBeforeDecisionsNamedTheirMakersAndReviewDateIsStillReproduced() {
        GateDecided older = dev.greenlight.evidence.GateDecisions.withoutAccountability(honestDecision());

        ReplayReport report = replayer.replay(ledger(policyActivated(), release(), securityScan(), older), null);

        assertThat(report.results()).singleElement().extracting(ReplayResult::status)
                .isEqualTo(ReplayStatus.REPRODUCED);
    }

    @Test
    void aDecisionWhoseDecisionMakersWereDoctoredIsAMismatch() {
        GateDecided honest = honestDecision();
        assertThat(honest.getDecisionMakers()).isNotEmpty();
        GateDecided doctored = GateDecided.newBuilder(honest).setDecisionMakers(List.of(
                new dev.greenlight.events.DecisionMaker("mallory", "founder", "approved everything", null))).build();

        ReplayReport report = replayer.replay(ledger(policyActivated(), release(), securityScan(), doctored), null);

        assertThat(report.results()).singleElement().extracting(ReplayResult::status)
                .isEqualTo(ReplayStatus.MISMATCH);
    }

    @Test
    void aDecisionUnderAPolicyTheLedgerNeverRecordedIsUnreplayable() {
        GateDecided honest = honestDecision();
        GateDecided elsewhere = GateDecided.newBuilder(honest)
                .setPolicy(new PolicyRef("rl-policy-go-nogo", "1", "0".repeat(64))).build();

        ReplayReport report = replayer.replay(ledger(policyActivated(), release(), securityScan(), elsewhere), null);

        assertThat(report.results()).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(ReplayStatus.UNREPLAYABLE);
            assertThat(r.detail()).contains("0".repeat(64)).contains("not in the ledger");
        });
        assertThat(report.ok()).isFalse();
    }

    @Test
    void aDecisionCitingEvidenceTheLedgerLacksIsUnreplayableNamingIt() {
        ReplayReport report = replayer.replay(ledger(policyActivated(), release(), honestDecision()), null);

        assertThat(report.results()).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(ReplayStatus.UNREPLAYABLE);
            assertThat(r.detail()).isEqualTo("cited evidence is not in the ledger: chk-1");
        });
    }

    @Test
    void aPolicyDocumentIsFoundByTheHashOfItsContentNotByTheHashItClaims() {
        var forged = policyActivated();
        forged.setContent(forged.getContent() + "\n# edited after the decision\n");

        ReplayReport report = replayer.replay(ledger(forged, release(), securityScan(), honestDecision()), null);

        assertThat(report.unreplayable()).isEqualTo(1);
    }

    @Test
    void onlyTheRequestedReleaseIsReplayed() {
        List<RecordedEvent> ledger = ledger(policyActivated(), release(), securityScan(), honestDecision());

        assertThat(replayer.replay(ledger, "rl-policy-replay@1.0.0").replayed()).isEqualTo(1);
        assertThat(replayer.replay(ledger, "rl-policy-replay").replayed()).isEqualTo(1);
        assertThat(replayer.replay(ledger, "rl-policy-replay@2.0.0").replayed()).isZero();
        assertThat(replayer.replay(ledger, "other").replayed()).isZero();
    }
}
