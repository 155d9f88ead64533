package dev.greenlight.ledger.evidence.application;

import static dev.greenlight.ledger.evidence.application.EvidenceFixture.T0;
import static dev.greenlight.ledger.evidence.application.EvidenceFixture.TARGET;
import static dev.greenlight.ledger.evidence.application.EvidenceFixture.VERSION;
import static dev.greenlight.ledger.evidence.application.EvidenceFixture.criterion;
import static dev.greenlight.ledger.evidence.application.EvidenceFixture.decision;
import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.events.AlertSeverity;
import dev.greenlight.events.CriterionStatus;
import dev.greenlight.events.GateDecided;
import dev.greenlight.events.GateOutcome;
import dev.greenlight.events.ReleaseRegistered;
import dev.greenlight.events.ReleaseType;
import dev.greenlight.evidence.EvidenceEvents;
import dev.greenlight.evidence.EvidenceFold;
import dev.greenlight.evidence.GateDecisions;
import dev.greenlight.ledger.evidence.domain.ChecklistItem;
import dev.greenlight.ledger.evidence.domain.DecisionRecord;
import dev.greenlight.ledger.evidence.domain.EvidenceBundle;
import dev.greenlight.policy.engine.PolicyEngine;
import dev.greenlight.policy.model.Policy;
import dev.greenlight.policy.parser.PolicyParser;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/**
 * The runbooks' records never leave a required value unscheduled: a NO-GO's next review is the
 * instant a window of its failing criterion ends, else the policy's review interval; a HOLD says
 * what it is pending on; every record names the evaluator, its policy and the people it rests on.
 * Decisions here are made by the real engine and mapped as the gate publishes them.
 */
class DecisionAccountabilityRecordTest {

    private static final Instant EVALUATED = T0.plus(Duration.ofDays(3));
    private static final Policy POLICY = new PolicyParser().parse("trading.yaml", """
            name: trading-strategy
            version: "1"
            defaults: {reviewEvery: 12h}
            stages:
              - name: live-25
                criteria:
                  - {name: no-page-alerts-48h, kind: alerts, severity: PAGE, window: 48h}
                  - {name: release-sign-off, kind: approval, roles: [auditor, risk, founder]}
            """);
    private static final ReleaseRegistered RELEASE =
            EvidenceEvents.release("rel-" + VERSION, TARGET, VERSION, ReleaseType.STRATEGY, T0);

    private static SpecificRecord signOff(String role, String who) {
        return EvidenceEvents.approval("ap-" + role, TARGET, VERSION, "a-" + role, role, who, T0, null);
    }

    private static List<SpecificRecord> allSignOffs() {
        return List.of(signOff("auditor", "bob"), signOff("risk", "carol"), signOff("founder", "dave"));
    }

    /** The ledger of the release, its evidence and the decision the gate made on it at {@link #EVALUATED}. */
    private static EvidenceBundle decided(List<SpecificRecord> evidence) {
        GateDecided decision = GateDecisions.toEvent(new PolicyEngine().evaluate(POLICY, "live-25",
                EvidenceFold.fold(RELEASE, evidence), EVALUATED), null);
        EvidenceFixture ledger = new EvidenceFixture().record(RELEASE);
        evidence.forEach(ledger::record);
        return ledger.record(decision).assemble();
    }

    private static ChecklistItem releaseDecision(EvidenceBundle bundle) {
        return bundle.tradingChecklist().stream().filter(i -> i.item().equals("Release decision")).findFirst()
                .orElseThrow();
    }

    @Test
    void aNoGoWhoseAlertLeavesTheWindowIn3hIsReviewedAtThatInstant() {
        List<SpecificRecord> evidence = new ArrayList<>(allSignOffs());
        evidence.add(EvidenceEvents.fired("page-1", TARGET, "fp", AlertSeverity.PAGE, EVALUATED.minus(Duration.ofHours(50))));
        evidence.add(EvidenceEvents.resolved("page-1-ok", TARGET, "fp", AlertSeverity.PAGE,
                EVALUATED.minus(Duration.ofHours(50)), EVALUATED.minus(Duration.ofHours(45))));

        EvidenceBundle bundle = decided(evidence);
        DecisionRecord record = bundle.decisions().get(0);

        assertThat(record.outcome()).isEqualTo("NO_GO");
        assertThat(record.nextReview().at()).isEqualTo(EVALUATED.plus(Duration.ofHours(3)));
        assertThat(record.nextReview().basis()).contains("no-page-alerts-48h");
        assertThat(EvidenceMarkdown.render(bundle)).doesNotContain("not scheduled")
                .contains("| Next review | " + EVALUATED.plus(Duration.ofHours(3)));
    }

    @Test
    void aNoGoNoWindowCanLiftIsReviewedAfterThePolicysReviewInterval() {
        List<SpecificRecord> evidence = new ArrayList<>(allSignOffs());
        evidence.add(EvidenceEvents.fired("page-1", TARGET, "fp", AlertSeverity.PAGE, EVALUATED.minus(Duration.ofHours(1))));

        DecisionRecord record = decided(evidence).decisions().get(0);

        assertThat(record.outcome()).isEqualTo("NO_GO");
        assertThat(record.nextReview().at()).isEqualTo(EVALUATED.plus(Duration.ofHours(12)));
        assertThat(record.nextReview().basis()).contains("reviewEvery 12h");
    }

    @Test
    void aHoldAfterTwoOfThreeSignOffsIsPendingOnTheThirdAndNamesWhoItRestsOn() {
        EvidenceBundle bundle = decided(List.of(signOff("auditor", "bob"), signOff("risk", "carol")));
        DecisionRecord record = bundle.decisions().get(0);

        assertThat(record.outcome()).isEqualTo("HOLD");
        assertThat(record.pendingOn()).singleElement().asString()
                .startsWith("release-sign-off: missing approval: founder").endsWith("(roles founder)");
        assertThat(releaseDecision(bundle).value()).startsWith("HOLD pending: release-sign-off: missing approval: founder");
        assertThat(record.decisionMakers()).containsExactly(
                "gate-evaluator (automatic evaluator, evaluated 2 criteria under policy trading-strategy v1 (sha256 "
                        + POLICY.contentHash() + "))",
                "bob (auditor, approved release-sign-off)", "carol (risk, approved release-sign-off)");
        assertThat(record.nextReview().at()).isEqualTo(EVALUATED.plus(Duration.ofHours(12)));
        assertThat(EvidenceMarkdown.render(bundle)).contains("| Pending on | release-sign-off");
    }

    @Test
    void aHoldRecordedBeforeDecisionsCarriedReviewDatesIsDueTheDefaultIntervalNotUnscheduled() {
        EvidenceBundle bundle = new EvidenceFixture().record(EvidenceFixture.registered(VERSION),
                decision("dec-1", "live-10", GateOutcome.HOLD, EVALUATED, null, List.of(
                        criterion("policy-entropy", "metric", CriterionStatus.PENDING, null, ">= 0.9",
                                "no observation of policy_entropy")), List.of("metric:policy-entropy"),
                        "rel-2.1.0")).assemble();
        DecisionRecord record = bundle.decisions().get(0);

        assertThat(record.nextReview().at()).isEqualTo(EVALUATED.plus(Duration.ofHours(24)));
        assertThat(record.nextReview().basis()).contains("default review interval");
        assertThat(record.pendingOn()).containsExactly("policy-entropy: no observation of policy_entropy");
        assertThat(EvidenceMarkdown.render(bundle)).doesNotContain("not scheduled");
    }
}
