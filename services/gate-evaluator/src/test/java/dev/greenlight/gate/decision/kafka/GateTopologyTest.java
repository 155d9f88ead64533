package dev.greenlight.gate.decision.kafka;

import static dev.greenlight.evidence.EvidenceEvents.approval;
import static dev.greenlight.evidence.EvidenceEvents.fired;
import static dev.greenlight.evidence.EvidenceEvents.release;
import static dev.greenlight.evidence.EvidenceEvents.resolved;
import static dev.greenlight.evidence.EvidenceEvents.revoked;
import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.events.AlertSeverity;
import dev.greenlight.events.GateDecided;
import dev.greenlight.events.GateOutcome;
import dev.greenlight.events.ReleaseRegistered;
import dev.greenlight.events.ReleaseType;
import dev.greenlight.gate.MutableClock;
import dev.greenlight.evidence.DecisionInputs;
import dev.greenlight.evidence.EvidenceFold;
import dev.greenlight.evidence.GateDecisions;
import dev.greenlight.platform.kafka.TopicSerdes;
import dev.greenlight.platform.testing.InMemorySchemaRegistryClient;
import dev.greenlight.platform.topics.Topics;
import dev.greenlight.policy.catalog.PolicyCatalog;
import dev.greenlight.policy.engine.Decision;
import dev.greenlight.policy.engine.PolicyEngine;
import dev.greenlight.policy.model.Policy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Time-driven and evidence-driven gate transitions, decided through the real topology. */
class GateTopologyTest {

    private static final Instant T = Instant.parse("2026-03-10T12:00:00Z");
    private static final String TARGET = "svc-a";
    private static final Duration TICK = Duration.ofSeconds(1);

    private final MutableClock clock = new MutableClock(T);
    private final PolicyCatalog policies = TestPolicies.catalog();
    private final List<SpecificRecord> piped = new ArrayList<>();
    private TopicSerdes serdes;
    private TopologyTestDriver driver;
    private TestInputTopic<String, ReleaseRegistered> releases;
    private TestInputTopic<String, SpecificRecord> alerts;
    private TestInputTopic<String, SpecificRecord> approvals;
    private TestOutputTopic<String, GateDecided> decisions;

    @BeforeEach
    void start() {
        serdes = new TopicSerdes(new InMemorySchemaRegistryClient(), true);
        StreamsBuilder builder = new StreamsBuilder();
        GateTopology.build(builder, serdes, policies, clock, TICK);
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "gate-topology-test");
        driver = new TopologyTestDriver(builder.build(), config, T);
        releases = driver.createInputTopic(Topics.RELEASES.name(), new StringSerializer(),
                serdes.forTopic(Topics.RELEASES).serializer());
        alerts = driver.createInputTopic(Topics.ALERTS.name(), new StringSerializer(),
                serdes.forTopic(Topics.ALERTS).serializer());
        approvals = driver.createInputTopic(Topics.APPROVALS.name(), new StringSerializer(),
                serdes.forTopic(Topics.APPROVALS).serializer());
        decisions = driver.createOutputTopic(Topics.DECISIONS.name(), new StringDeserializer(),
                serdes.forTopic(Topics.DECISIONS).deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void aRecentPageAlertHoldsTheGateUntilItsWindowElapsesThenGoesWithoutNewEvidence() {
        register();
        approve("p1", "ap-1", null);
        pipe(alerts, fired("a1", TARGET, "fp", AlertSeverity.PAGE, T.minus(Duration.ofHours(2))));
        pipe(alerts, resolved("a2", TARGET, "fp", AlertSeverity.PAGE, T.minus(Duration.ofHours(2)),
                T.minus(Duration.ofHours(1))));
        List<GateDecided> decided = decisions.readValuesToList();
        GateDecided firing = decided.get(decided.size() - 2);
        GateDecided noGo = last(decided);
        assertThat(firing.getOutcome()).isEqualTo(GateOutcome.NO_GO);
        assertThat(firing.getNextChangeAt()).as("decided while the page was firing: only its resolution can change it")
                .isNull();
        assertThat(noGo.getOutcome()).as("the resolution is recorded: the criterion's observed value changed")
                .isEqualTo(GateOutcome.NO_GO);
        assertThat(noGo.getPreviousDecisionId()).isEqualTo(firing.getDecisionId());
        assertThat(noGo.getNextChangeAt()).isEqualTo(T.plus(Duration.ofHours(47)));
        assertThat(noGo.getNextReviewAt()).as("the NO-GO is due for review when the page leaves the window")
                .isEqualTo(T.plus(Duration.ofHours(47)));

        // Resolved at T-1h, the page was firing inside the 48h window until T+47h.
        tick(Duration.ofHours(47).minusSeconds(2));
        assertThat(decisions.isEmpty()).as("nothing changes before the window ends").isTrue();

        tick(Duration.ofSeconds(2));
        GateDecided go = decisions.readValue();
        assertThat(go.getOutcome()).isEqualTo(GateOutcome.GO);
        assertThat(go.getPreviousDecisionId()).isEqualTo(noGo.getDecisionId());
        assertThat(go.getEvaluatedAt()).isEqualTo(T.plus(Duration.ofHours(47)));
        assertThat(decisions.isEmpty()).isTrue();
    }

    @Test
    void anExpiringApprovalTurnsGoIntoHoldAtItsExpiry() {
        register();
        approve("p1", "ap-1", T.plus(Duration.ofHours(1)));
        assertThat(last(decisions.readValuesToList()).getOutcome()).isEqualTo(GateOutcome.GO);

        tick(Duration.ofHours(1));

        GateDecided hold = decisions.readValue();
        assertThat(hold.getOutcome()).isEqualTo(GateOutcome.HOLD);
        assertThat(hold.getMissing()).containsExactly("approval:signoff");
    }

    @Test
    void aDuplicateEventChangesNothing() {
        register();
        approve("p1", "ap-1", null);
        List<GateDecided> before = decisions.readValuesToList();

        approve("p1", "ap-1", null);
        pipe(releases, release("r1", TARGET, "1.0.0", ReleaseType.BUGFIX, T));

        assertThat(before).extracting(GateDecided::getOutcome).containsExactly(GateOutcome.HOLD, GateOutcome.GO);
        assertThat(decisions.isEmpty()).isTrue();
    }

    @Test
    void evidenceThatChangesNoStatusIsNotANewDecision() {
        register();
        approve("p1", "ap-1", null);
        decisions.readValuesToList();

        approve("p2", "ap-2", null);
        pipe(alerts, fired("a1", TARGET, "warn", AlertSeverity.WARNING, T));

        assertThat(decisions.isEmpty()).isTrue();
        GateDecided stored = driver.<String, GateDecided>getKeyValueStore(GateTopology.DECISIONS_STORE)
                .get(StoreKeys.decision(StoreKeys.release(TARGET, "1.0.0"), "canary"));
        assertThat(stored.getEvidenceIds()).containsExactly("p1", "r1");
    }

    @Test
    void aRevocationArrivingBeforeItsApprovalStillWithdrawsIt() {
        register();
        pipe(approvals, revoked("x1", TARGET, "1.0.0", "ap-1", "founder", T));
        approve("p1", "ap-1", null);

        assertThat(decisions.readValuesToList()).extracting(GateDecided::getOutcome)
                .containsExactly(GateOutcome.HOLD);
    }

    @Test
    void evidenceForAReleaseRegisteredLaterIsAppliedWhenItArrives() {
        approve("p1", "ap-1", null);
        assertThat(decisions.isEmpty()).isTrue();

        register();

        assertThat(decisions.readValuesToList()).extracting(GateDecided::getOutcome).containsExactly(GateOutcome.GO);
    }

    @Test
    void replayingARecordedDecisionsEvidenceUnderItsPolicyReproducesItByteForByte() {
        register();
        pipe(alerts, fired("a1", TARGET, "fp", AlertSeverity.PAGE, T.minus(Duration.ofHours(3))));
        pipe(alerts, resolved("a2", TARGET, "fp", AlertSeverity.PAGE, T.minus(Duration.ofHours(3)),
                T.minus(Duration.ofHours(2))));
        approve("p1", "ap-1", null);
        pipe(approvals, approval("p9", TARGET, "2.0.0", "ap-9", "founder", "zoe", T, null));
        tick(Duration.ofHours(47)); // the page, resolved at T-2h, leaves the 48h window at T+46h
        List<GateDecided> recorded = decisions.readValuesToList();
        assertThat(recorded).extracting(GateDecided::getOutcome).contains(GateOutcome.NO_GO, GateOutcome.GO);

        for (GateDecided decision : recorded) {
            ReleaseRegistered registered = (ReleaseRegistered) piped.stream()
                    .filter(e -> e instanceof ReleaseRegistered r && r.getVersion().equals(decision.getVersion()))
                    .findFirst().orElseThrow();
            Policy policy = policies.byHash(decision.getPolicy().getContentHash()).orElseThrow().policy();
            Decision replayed = DecisionInputs.of(registered, piped, decision.getEvidenceIds())
                    .evaluate(new PolicyEngine(), policy, decision.getStage(), decision.getEvaluatedAt());

            GateDecided again = GateDecisions.toEvent(replayed, decision.getPreviousDecisionId());
            assertThat(bytes(again)).isEqualTo(bytes(decision));
        }
    }

    @Test
    void anApprovalWrittenPastTheApprovalServiceByAnyNameOfTheAuthorDoesNotCount() {
        ReleaseRegistered byErin = release("r1", TARGET, "1.0.0", ReleaseType.BUGFIX, T);
        byErin.setAuthor("erin");
        byErin.setAuthorAliases(List.of("erin@example.com", "erin-gh"));
        pipe(releases, byErin);
        // Forged straight onto the approvals topic: the approval service never saw them.
        pipe(approvals, approval("p1", TARGET, "1.0.0", "ap-1", "founder", "Erin@Example.com", T, null));
        pipe(approvals, approval("p2", TARGET, "1.0.0", "ap-2", "founder", "erin ", T, null));
        pipe(approvals, approval("p3", TARGET, "1.0.0", "ap-3", "founder", "e\u200Brin", T, null));
        pipe(approvals, approval("p4", TARGET, "1.0.0", "ap-4", "founder", "\uFF25RIN-GH", T, null));

        GateDecided decided = last(decisions.readValuesToList());
        assertThat(decided.getOutcome()).isEqualTo(GateOutcome.HOLD);
        assertThat(decided.getMissing()).containsExactly("approval:signoff");

        pipe(approvals, approval("p5", TARGET, "1.0.0", "ap-5", "founder", "dave", T, null));
        assertThat(last(decisions.readValuesToList()).getOutcome()).as("someone else's approval counts")
                .isEqualTo(GateOutcome.GO);
    }

    private byte[] bytes(GateDecided decision) {
        return serdes.forTopic(Topics.DECISIONS).serializer().serialize(Topics.DECISIONS.name(), decision);
    }

    private void register() {
        pipe(releases, release("r1", TARGET, "1.0.0", ReleaseType.BUGFIX, T));
    }

    private void approve(String id, String approvalId, Instant expiresAt) {
        pipe(approvals, approval(id, TARGET, "1.0.0", approvalId, "founder", "erin", T, expiresAt));
    }

    private <V extends SpecificRecord> void pipe(TestInputTopic<String, ? super V> topic, V event) {
        piped.add(event);
        topic.pipeInput(TARGET, event);
    }

    private void tick(Duration by) {
        clock.advance(by);
        driver.advanceWallClockTime(by);
    }

    private static GateDecided last(List<GateDecided> all) {
        assertThat(all).isNotEmpty();
        return all.get(all.size() - 1);
    }
}
