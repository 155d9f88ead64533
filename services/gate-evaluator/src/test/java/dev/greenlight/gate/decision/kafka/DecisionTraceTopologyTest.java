package dev.greenlight.gate.decision.kafka;

import static dev.greenlight.evidence.EvidenceEvents.approval;
import static dev.greenlight.evidence.EvidenceEvents.release;
import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.events.GateDecided;
import dev.greenlight.events.GateOutcome;
import dev.greenlight.events.ReleaseRegistered;
import dev.greenlight.events.ReleaseType;
import dev.greenlight.gate.MutableClock;
import dev.greenlight.platform.kafka.TopicSerdes;
import dev.greenlight.platform.testing.InMemorySchemaRegistryClient;
import dev.greenlight.platform.topics.Topics;
import dev.greenlight.platform.tracing.Traceparent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A decision continues the trace of the evidence record that changed it: its {@code traceparent}
 * header and its {@code evidenceTraceIds} name that record's trace; a decision time alone made
 * names none.
 */
class DecisionTraceTopologyTest {

    private static final Instant T = Instant.parse("2026-03-10T12:00:00Z");
    private static final String TARGET = "svc-a";
    private static final Traceparent REQUEST =
            Traceparent.parse("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01").orElseThrow();

    private final MutableClock clock = new MutableClock(T);
    private TopologyTestDriver driver;
    private TestInputTopic<String, ReleaseRegistered> releases;
    private TestInputTopic<String, SpecificRecord> approvals;
    private TestOutputTopic<String, GateDecided> decisions;

    @BeforeEach
    void start() {
        TopicSerdes serdes = new TopicSerdes(new InMemorySchemaRegistryClient(), true);
        StreamsBuilder builder = new StreamsBuilder();
        GateTopology.build(builder, serdes, TestPolicies.catalog(), clock, Duration.ofSeconds(1));
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "decision-trace-test");
        driver = new TopologyTestDriver(builder.build(), config, T);
        releases = driver.createInputTopic(Topics.RELEASES.name(), new StringSerializer(),
                serdes.forTopic(Topics.RELEASES).serializer());
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
    void theDecisionAnApprovalChangedCarriesTheApprovalsTraceInItsHeaderAndNamesItsTraceId() {
        releases.pipeInput(TARGET, release("r1", TARGET, "1.0.0", ReleaseType.BUGFIX, T));
        TestRecord<String, GateDecided> hold = decisions.readRecord();
        assertThat(hold.value().getOutcome()).isEqualTo(GateOutcome.HOLD);
        assertThat(Traceparent.from(hold.headers())).as("the registration carried no trace").isEmpty();
        assertThat(hold.value().getEvidenceTraceIds()).isNull();

        approvals.pipeInput(new TestRecord<>(TARGET,
                approval("p1", TARGET, "1.0.0", "ap-1", "founder", "erin", T, T.plus(Duration.ofHours(1))),
                REQUEST.writeTo(new RecordHeaders()), T));

        TestRecord<String, GateDecided> go = decisions.readRecord();
        assertThat(go.value().getOutcome()).isEqualTo(GateOutcome.GO);
        assertThat(Traceparent.from(go.headers())).contains(REQUEST);
        assertThat(go.value().getEvidenceTraceIds()).containsExactly(REQUEST.traceId());
        assertThat(decisions.isEmpty()).isTrue();
    }

    @Test
    void aDecisionTimeAloneMadeNamesNoTrace() {
        releases.pipeInput(TARGET, release("r1", TARGET, "1.0.0", ReleaseType.BUGFIX, T));
        approvals.pipeInput(new TestRecord<>(TARGET,
                approval("p1", TARGET, "1.0.0", "ap-1", "founder", "erin", T, T.plus(Duration.ofHours(1))),
                REQUEST.writeTo(new RecordHeaders()), T));
        decisions.readRecordsToList();

        clock.advance(Duration.ofHours(1));
        driver.advanceWallClockTime(Duration.ofHours(1));

        List<TestRecord<String, GateDecided>> expired = decisions.readRecordsToList();
        assertThat(expired).extracting(r -> r.value().getOutcome()).containsExactly(GateOutcome.HOLD);
        assertThat(Traceparent.from(expired.get(0).headers())).isEmpty();
        assertThat(expired.get(0).value().getEvidenceTraceIds()).isNull();
    }

    @Test
    void aForgedTraceHeaderIsNotCopiedIntoTheDecision() {
        releases.pipeInput(TARGET, release("r1", TARGET, "1.0.0", ReleaseType.BUGFIX, T));
        decisions.readRecordsToList();
        RecordHeaders forged = new RecordHeaders();
        forged.add(Traceparent.HEADER, "00-<script>-x-01".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

        approvals.pipeInput(new TestRecord<>(TARGET,
                approval("p1", TARGET, "1.0.0", "ap-1", "founder", "erin", T, null), forged, T));

        TestRecord<String, GateDecided> go = decisions.readRecord();
        assertThat(go.value().getOutcome()).isEqualTo(GateOutcome.GO);
        assertThat(go.headers().lastHeader(Traceparent.HEADER)).isNull();
        assertThat(go.value().getEvidenceTraceIds()).isNull();
    }
}
