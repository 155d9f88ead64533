package dev.greenlight.ledger.evidence.application;

import static dev.greenlight.ledger.evidence.application.EvidenceFixture.T0;
import static dev.greenlight.ledger.evidence.application.EvidenceFixture.approval;
import static dev.greenlight.ledger.evidence.application.EvidenceFixture.criterion;
import static dev.greenlight.ledger.evidence.application.EvidenceFixture.decision;
import static dev.greenlight.ledger.evidence.application.EvidenceFixture.registered;
import static dev.greenlight.ledger.evidence.application.EvidenceFixture.step;
import static dev.greenlight.ledger.evidence.application.EvidenceFixture.waiver;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.greenlight.events.CriterionResult;
import dev.greenlight.events.CriterionStatus;
import dev.greenlight.events.GateOutcome;
import dev.greenlight.ledger.evidence.domain.CriterionRecord;
import dev.greenlight.ledger.evidence.domain.DecisionRecord;
import dev.greenlight.ledger.evidence.domain.OutcomeChange;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The RL playbook's "Decision Recording": timestamp and decision maker, every criterion's status,
 * the justification, and the next review date — each read from the recorded decision and what it cites.
 */
class DecisionRecordTest {

    private static final Instant EVALUATED = T0.plus(Duration.ofHours(3));

    @Test
    void aNoGoRecordHasEveryFieldThePlaybookAsksFor() {
        Instant ackWindowOpens = T0.plus(Duration.ofDays(1));
        EvidenceFixture ledger = new EvidenceFixture().record(registered("2.1.0"),
                approval("appr-1", "release-captain", "dave", "reviewed the automated results", T0),
                decision("dec-1", "live-10", GateOutcome.NO_GO, EVALUATED, ackWindowOpens, List.of(
                        criterion("security-scan", "check", CriterionStatus.PASS, "PASS", "PASS", "scan passed"),
                        criterion("on-call-ack", "onCall", CriterionStatus.FAIL, null, "2h",
                                "nobody on call acknowledged the deployment window"),
                        criterion("release-captain", "approval", CriterionStatus.PASS, "dave", "release-captain",
                                "approved by dave", "appr-1")),
                        List.of(), "rel-2.1.0", "appr-1"));

        DecisionRecord record = ledger.assemble().decisions().get(0);

        assertThat(record.stage()).isEqualTo("live-10");
        assertThat(record.time()).isEqualTo(EVALUATED);
        assertThat(record.outcome()).isEqualTo("NO_GO");
        assertThat(record.decisionMakers()).containsExactly(DecisionRecords.AUTOMATIC,
                "dave (release-captain, approved)");
        assertThat(record.criteria()).extracting(CriterionRecord::name, CriterionRecord::status, CriterionRecord::threshold)
                .containsExactly(tuple("security-scan", "PASS", "PASS"),
                        tuple("on-call-ack", "FAIL", "2h"),
                        tuple("release-captain", "PASS", "release-captain"));
        assertThat(record.justification()).containsExactly(
                "FAIL on-call-ack: nobody on call acknowledged the deployment window",
                "release-captain approval by dave: reviewed the automated results");
        assertThat(record.nextReview().at()).isEqualTo(ackWindowOpens);
        assertThat(record.nextReview().source().entry()).isEqualTo(ledger.entryOf("dec-1"));
        assertThat(record.source().entry()).isEqualTo(ledger.entryOf("dec-1"));
        assertThat(record.policy()).isEqualTo("trading-strategy v1 (sha256 c0ffee)");
    }

    @Test
    void aGoIsReviewedWhenTheRolloutSaysItsSoakEnds() {
        Instant soakEnds = EVALUATED.plus(Duration.ofHours(2));
        EvidenceFixture ledger = new EvidenceFixture().record(registered("2.1.0"),
                decision("dec-1", "live-10", GateOutcome.GO, EVALUATED, null, List.of(
                        criterion("security-scan", "check", CriterionStatus.PASS, "PASS", "PASS", "scan passed")),
                        List.of(), "rel-2.1.0"),
                step("step-1", "live-10", 10, EVALUATED, soakEnds));

        DecisionRecord record = ledger.assemble().decisions().get(0);

        assertThat(record.nextReview().at()).isEqualTo(soakEnds);
        assertThat(record.nextReview().basis()).contains("soak");
        assertThat(record.nextReview().source().entry()).isEqualTo(ledger.entryOf("step-1"));
        assertThat(record.justification()).containsExactly("all 1 criteria of stage live-10 PASS");
    }

    @Test
    void anOlderHoldWithoutARecordedReviewInstantIsDueTheDefaultReviewInterval() {
        EvidenceFixture ledger = new EvidenceFixture().record(registered("2.1.0"),
                decision("dec-1", "live-10", GateOutcome.HOLD, EVALUATED, null, List.of(
                        criterion("policy-entropy", "metric", CriterionStatus.PENDING, null, ">= 0.9",
                                "no observation of policy_entropy")), List.of("policy_entropy"), "rel-2.1.0"));

        DecisionRecord record = ledger.assemble().decisions().get(0);

        assertThat(record.nextReview().at()).isEqualTo(EVALUATED.plus(Duration.ofHours(24)));
        assertThat(record.nextReview().source().entry()).isEqualTo(ledger.entryOf("dec-1"));
        assertThat(record.nextReview().basis()).contains("default review interval");
        assertThat(record.justification()).containsExactly(
                "PENDING policy-entropy: no observation of policy_entropy", "missing evidence: policy_entropy");
    }

    @Test
    void aWaiverNamesItsGrantorAsDecisionMakerAndItsRationaleAsJustification() {
        EvidenceFixture ledger = new EvidenceFixture().record(registered("2.1.0"),
                waiver("wv-1", "readiness-dependency", "dave", "release-captain", "#80 tracked on #150, low risk"),
                decision("dec-1", "validation", GateOutcome.GO, EVALUATED, null, List.of(
                        criterion("readiness-dependency", "dependency", CriterionStatus.WAIVED, null, "#80",
                                "waived by dave", "wv-1")), List.of(), "rel-2.1.0", "wv-1"));

        DecisionRecord record = ledger.assemble().decisions().get(0);

        assertThat(record.decisionMakers()).contains("dave (release-captain, waived readiness-dependency)");
        assertThat(record.justification()).contains(
                "waiver of readiness-dependency by dave (release-captain): #80 tracked on #150, low risk");
        assertThat(record.criteria().get(0).status()).isEqualTo("WAIVED");
    }

    @Test
    void theLatestDecisionOfAStageIsTheRecordAndEarlierOutcomesAreItsHistory() {
        List<CriterionResult> none = List.of();
        EvidenceFixture ledger = new EvidenceFixture().record(registered("2.1.0"),
                decision("dec-1", "paper", GateOutcome.HOLD, T0.plusSeconds(60), null, none, List.of("lint")),
                decision("dec-2", "paper", GateOutcome.HOLD, T0.plusSeconds(120), null, none, List.of("lint")),
                decision("dec-3", "paper", GateOutcome.GO, T0.plusSeconds(180), null, none, List.of()),
                decision("dec-4", "live-25", GateOutcome.NO_GO, T0.plusSeconds(240), null, none, List.of()));

        List<DecisionRecord> records = ledger.assemble().decisions();

        assertThat(records).extracting(DecisionRecord::stage).containsExactly("paper", "live-25");
        assertThat(records.get(0).decisionId()).isEqualTo("dec-3");
        assertThat(records.get(0).history()).extracting(OutcomeChange::outcome).containsExactly("HOLD", "GO");
        assertThat(records.get(0).history().get(0).source().entry()).isEqualTo(ledger.entryOf("dec-1"));
    }
}
