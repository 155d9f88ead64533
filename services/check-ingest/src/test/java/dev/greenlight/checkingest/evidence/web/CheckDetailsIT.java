package dev.greenlight.checkingest.evidence.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.checkingest.Api;
import dev.greenlight.checkingest.Api.Answer;
import dev.greenlight.checkingest.FixedClock;
import dev.greenlight.events.CheckReported;
import dev.greenlight.evidence.testing.PolicyAnnouncements;
import dev.greenlight.platform.registry.SchemaRegistryClient;
import dev.greenlight.platform.testing.InMemoryRegistryConfiguration;
import dev.greenlight.platform.testing.TopicProbe;
import dev.greenlight.platform.topics.Topics;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
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
 * Structured check details at the boundary: typed values are stored as sent (numbers repeated in
 * the older numeric field), and every ill-formed or oversized detail is refused with 400 naming
 * the field, with nothing on the checks topic.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=check-ingest",
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "greenlight.security.demo-users=true",
        "greenlight.ingest.max-body-size=4KB"})
@EmbeddedKafka
@Import({InMemoryRegistryConfiguration.class, FixedClock.class})
class CheckDetailsIT {

    @LocalServerPort
    int port;
    @Value("${spring.embedded.kafka.brokers}")
    String brokers;
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
    void typedDetailsAreStoredAsSentAndTheirNumbersRepeatedForOlderReaders() {
        Answer answer = api.post("/api/v1/checks", check("audit-verification", """
                {"verdict": "PASS-WITH-FIXES", "openFixes": 0, "auditId": "AUD-2024-01-15-001",
                 "signedOff": true, "fixes": ["F-1 verified", "F-2 verified"], "code": "0"}"""), "demo-ci");

        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(201);
        CheckReported stored = stored("audit-verification").get(0);
        Map<String, Object> details = stored.getStructuredDetails().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue() instanceof List<?> l
                        ? l.stream().map(Object::toString).toList() : e.getValue() instanceof CharSequence c
                        ? c.toString() : e.getValue()));
        assertThat(details).isEqualTo(Map.of("verdict", "PASS-WITH-FIXES", "openFixes", 0.0,
                "auditId", "AUD-2024-01-15-001", "signedOff", true, "fixes", List.of("F-1 verified", "F-2 verified"),
                "code", "0"));
        assertThat(stored.getDetails()).isEqualTo(Map.of("openFixes", 0.0));
    }

    @Test
    void aCheckWithoutDetailsHasNoStructuredDetails() {
        assertThat(api.post("/api/v1/checks", check("plain-check", "{}"), "demo-ci").status()).isEqualTo(201);

        CheckReported stored = stored("plain-check").get(0);
        assertThat(stored.getStructuredDetails()).isNull();
        assertThat(stored.getDetails()).isEmpty();
    }

    @Test
    void illFormedOrOversizedDetailsAreRefusedNamingTheFieldAndNothingIsStored() {
        assertThat(refused("{\"openFixes\": null}")).isEqualTo("details.openFixes");
        assertThat(refused("{\"openFixes\": {\"count\": 1}}")).isEqualTo("details.openFixes");
        assertThat(refused("{\"reasons\": [\"ok\", 3]}")).isEqualTo("details.reasons[1]");
        assertThat(refused("{\"reasons\": [[\"nested\"]]}")).isEqualTo("details.reasons[0]");
        assertThat(refused("{\"open fixes\": 1}")).isEqualTo("details");
        assertThat(refused("{\"1st\": 1}")).isEqualTo("details");
        assertThat(refused("{\"" + "k".repeat(65) + "\": 1}")).isEqualTo("details");
        assertThat(refused("{\"summary\": \"" + "x".repeat(1025) + "\"}")).isEqualTo("details.summary");
        assertThat(refused("{\"reasons\": [" + IntStream.range(0, 101).mapToObj(i -> "\"r\"")
                .collect(Collectors.joining(",")) + "]}")).isEqualTo("details.reasons");
        assertThat(refused("{" + IntStream.range(0, 65).mapToObj(i -> "\"k" + i + "\": 1")
                .collect(Collectors.joining(",")) + "}")).isEqualTo("details");
        assertThat(refused("[1, 2]")).isEqualTo("details");
        assertThat(stored("refused-details")).isEmpty();
    }

    @Test
    void theLimitsThemselvesAreAccepted() {
        String atLimit = "{\"summary\": \"" + "x".repeat(1024) + "\", \"" + "k".repeat(64) + "\": true}";

        assertThat(api.post("/api/v1/checks", check("at-limit", atLimit), "demo-ci").status()).isEqualTo(201);
    }

    @Test
    void aBadDetailInABatchRefusesTheWholeBatchNamingItsItem() {
        Answer answer = api.post("/api/v1/checks", "[" + check("batch-detail-good", "{\"openFixes\": 0}") + ","
                + check("batch-detail-bad", "{\"openFixes\": {}}") + "]", "demo-ci");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().path("field").asString()).isEqualTo("items[1].details.openFixes");
        assertThat(stored("batch-detail-good")).isEmpty();
    }

    private String refused(String details) {
        Answer answer = api.post("/api/v1/checks", check("refused-details", details), "demo-ci");
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(400);
        return answer.body().path("field").asString();
    }

    private static String check(String name, String details) {
        return """
                {"target": "ict-qm", "version": "2.1.0", "name": "%s", "status": "PASS", "revision": "5114f85c0ffee",
                 "startedAt": "2026-11-22T09:00:00Z", "completedAt": "2026-11-22T09:30:00Z", "details": %s}"""
                .formatted(name, details);
    }

    private List<CheckReported> stored(String name) {
        return TopicProbe.readAll(brokers, Topics.CHECKS, registry).stream()
                .filter(r -> r.key().equals("ict-qm"))
                .map(ConsumerRecord::value)
                .filter(c -> c.getName().equals(name))
                .toList();
    }
}
