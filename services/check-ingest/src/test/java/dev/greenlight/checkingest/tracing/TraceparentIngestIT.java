package dev.greenlight.checkingest.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.checkingest.Api;
import dev.greenlight.checkingest.Api.Answer;
import dev.greenlight.checkingest.FixedClock;
import dev.greenlight.events.CheckReported;
import dev.greenlight.events.MetricObserved;
import dev.greenlight.evidence.testing.PolicyAnnouncements;
import dev.greenlight.platform.registry.SchemaRegistryClient;
import dev.greenlight.platform.testing.InMemoryRegistryConfiguration;
import dev.greenlight.platform.testing.TopicProbe;
import dev.greenlight.platform.topics.Topic;
import dev.greenlight.platform.topics.Topics;
import dev.greenlight.platform.tracing.Traceparent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * The caller's W3C trace context reaches the evidence records: a request carrying a
 * {@code traceparent} writes records whose {@code traceparent} header continues that trace (the
 * server span's id as parent), for one event (the shared producer) and for a batch (a group commit
 * on another thread). Export is off — no OTLP endpoint is configured — and propagation still works.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=check-ingest",
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "greenlight.security.demo-users=true"})
@EmbeddedKafka
@Import({InMemoryRegistryConfiguration.class, FixedClock.class})
class TraceparentIngestIT {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CALLER = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";

    @LocalServerPort
    int port;
    @Value("${spring.embedded.kafka.brokers}")
    String brokers;
    @Value("${management.opentelemetry.tracing.export.otlp.endpoint:}")
    String otlpEndpoint;
    @Autowired
    SchemaRegistryClient registry;
    Api api;

    @BeforeEach
    void registerRelease() {
        api = new Api(port);
        PolicyAnnouncements.announceShipped(brokers, registry);
        assertThat(api.post("/api/v1/releases", """
                {"target": "ict-qm", "version": "2.1.0", "type": "STRATEGY",
                 "revision": "5114f85c0ffee", "author": "alice"}""", "demo-ci").status()).isIn(200, 201);
    }

    @Test
    void oneCheckIsWrittenWithinTheCallersTrace() {
        assertThat(otlpEndpoint).as("no exporter configured: propagation must not depend on one").isEmpty();

        Answer answer = post("/api/v1/checks", """
                {"target": "ict-qm", "version": "2.1.0", "name": "traced-one", "status": "PASS",
                 "revision": "5114f85c0ffee", "startedAt": "2026-11-22T09:00:00Z", "completedAt": "2026-11-22T09:30:00Z"}""");

        assertThat(answer.status()).isEqualTo(201);
        Traceparent written = trace(Topics.CHECKS, c -> c.getName().equals("traced-one"));
        assertThat(written.traceId()).isEqualTo(TRACE_ID);
        assertThat(written.parentId()).as("the service's own span, a child of the caller's").isNotEqualTo("00f067aa0ba902b7");
    }

    @Test
    void aBatchCommittedOnAnotherThreadIsWrittenWithinTheCallersTrace() {
        Answer answer = post("/api/v1/metrics", """
                [{"target": "ict-qm", "name": "traced_total", "value": 1, "observedAt": "2026-11-22T10:00:00Z"},
                 {"target": "ict-qm", "name": "traced_total", "value": 2, "observedAt": "2026-11-22T10:00:01Z"}]""");

        assertThat(answer.status()).isEqualTo(201);
        List<ConsumerRecord<String, MetricObserved>> stored = TopicProbe.readAll(brokers, Topics.METRICS, registry)
                .stream().filter(r -> r.value().getName().equals("traced_total")).toList();
        assertThat(stored).hasSize(2).allSatisfy(r ->
                assertThat(Traceparent.from(r.headers()).map(Traceparent::traceId)).contains(TRACE_ID));
    }

    /**
     * A caller that does not ask for its trace to be recorded takes the evidence endpoints' lean
     * path (no server observation or span, {@code RequestTraces}); its records still continue its
     * trace under a span id of this service, unsampled as it asked.
     */
    @Test
    void anUnsampledCallersTraceIsContinuedUnderThisServicesOwnSpanId() {
        String unsampled = "00-" + TRACE_ID + "-00f067aa0ba902b7-00";
        Answer answer = api.post("/api/v1/checks", """
                {"target": "ict-qm", "version": "2.1.0", "name": "traced-unsampled", "status": "PASS",
                 "revision": "5114f85c0ffee", "startedAt": "2026-11-22T09:00:00Z", "completedAt": "2026-11-22T09:30:00Z"}"""
                .getBytes(StandardCharsets.UTF_8), "demo-ci", Map.of("traceparent", unsampled));

        assertThat(answer.status()).isEqualTo(201);
        Traceparent written = trace(Topics.CHECKS, c -> c.getName().equals("traced-unsampled"));
        assertThat(written.traceId()).isEqualTo(TRACE_ID);
        assertThat(written.parentId()).as("the service's own span id, not the caller's").isNotEqualTo("00f067aa0ba902b7");
        assertThat(written.flags()).isEqualTo("00");
    }

    @Test
    void aRequestWithoutTraceContextStartsItsOwnTrace() {
        Answer answer = api.post("/api/v1/checks", """
                {"target": "ict-qm", "version": "2.1.0", "name": "untraced", "status": "PASS",
                 "revision": "5114f85c0ffee", "startedAt": "2026-11-22T09:00:00Z", "completedAt": "2026-11-22T09:30:00Z"}""",
                "demo-ci");

        assertThat(answer.status()).isEqualTo(201);
        assertThat(trace(Topics.CHECKS, c -> c.getName().equals("untraced")).traceId()).isNotEqualTo(TRACE_ID);
    }

    private Answer post(String path, String body) {
        return api.post(path, body.getBytes(StandardCharsets.UTF_8), "demo-ci", Map.of("traceparent", CALLER));
    }

    private Traceparent trace(Topic<CheckReported> topic, Predicate<CheckReported> which) {
        ConsumerRecord<String, CheckReported> record = TopicProbe.readAll(brokers, topic, registry).stream()
                .filter(r -> which.test(r.value())).findFirst().orElseThrow();
        return Traceparent.from(record.headers()).orElseThrow(() -> new AssertionError("no traceparent header"));
    }
}
