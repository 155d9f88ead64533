package dev.greenlight.ledger.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.greenlight.events.AlertFired;
import dev.greenlight.events.AlertSeverity;
import dev.greenlight.events.DeploymentApplied;
import dev.greenlight.events.DeploymentCommand;
import dev.greenlight.events.DeploymentStatus;
import dev.greenlight.events.EventMetadata;
import dev.greenlight.events.GuardAction;
import dev.greenlight.events.ReleaseRegistered;
import dev.greenlight.events.ReleaseType;
import dev.greenlight.events.RollbackTriggered;
import dev.greenlight.events.RolloutStepStarted;
import dev.greenlight.ledger.AuditLedgerApplication;
import dev.greenlight.ledger.LedgerServiceTestBase;
import dev.greenlight.ledger.index.EntryQuery;
import dev.greenlight.ledger.index.IndexPage;
import dev.greenlight.ledger.index.IndexedLedger;
import dev.greenlight.ledger.kafka.LedgerTail;
import dev.greenlight.ledger.metrics.application.LedgerMetrics;
import dev.greenlight.platform.registry.SchemaRegistryClient;
import dev.greenlight.platform.testing.InMemoryRegistryConfiguration;
import dev.greenlight.platform.topics.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Release metrics and queries against a real ledger: one release goes live at 100 % with a page a day
 * later, the next is rolled back during its canary. The REST answer, the Prometheus meters and a second
 * index built from the ledger topic (what a restarted service does) must all agree, and a registration
 * published twice must count once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "greenlight.security.demo-users=true",
        "spring.config.name=" + AuditLedgerApplication.CONFIG_NAME,
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "greenlight.ledger.checkpoint.every=1s",
        "greenlight.ledger.poll-timeout=200ms",
        "greenlight.ledger.index.refresh=200ms"})
@EmbeddedKafka
@Import(InMemoryRegistryConfiguration.class)
class ReleaseMetricsIT extends LedgerServiceTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TARGET = "ict-qm";
    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    /** Registration twice (same event), 2 commands, 2 reports, then 1.1.0: registration, step, rollback; 2 pages. */
    private static final int EVENTS = 11;

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;
    @Autowired
    SchemaRegistryClient registry;

    private static EventMetadata meta(Duration after) {
        return meta(UUID.randomUUID().toString(), after);
    }

    private static EventMetadata meta(String id, Duration after) {
        return new EventMetadata(id, T0.plus(after), "test");
    }

    /** The context (and its broker) is shared by the class, so the releases are recorded once. */
    private static boolean recorded;

    @BeforeEach
    void recordTwoReleasesOnce() {
        if (recorded) {
            return;
        }
        recorded = true;
        ReleaseRegistered registered = ReleaseRegistered.newBuilder().setMeta(meta("reg-1.0.0", Duration.ZERO))
                .setTarget(TARGET).setVersion("1.0.0").setReleaseType(ReleaseType.STRATEGY)
                .setRevision("a".repeat(40)).setAuthor("alice").build();
        publisher.publish(Topics.RELEASES, TARGET, registered);
        publisher.publish(Topics.RELEASES, TARGET, registered); // a re-publication: one release, not two
        for (int step = 1; step <= 2; step++) {
            int percent = step == 1 ? 10 : 100;
            publisher.publish(Topics.DEPLOYMENT_COMMANDS, TARGET, DeploymentCommand.newBuilder()
                    .setMeta(meta(Duration.ofHours(step))).setTarget(TARGET).setCommandId("cmd-" + step)
                    .setVersion("1.0.0").setTrafficPercent(percent).setReason("stage").setSequence(step).build());
            publisher.publish(Topics.DEPLOYMENT_REPORTS, TARGET, DeploymentApplied.newBuilder()
                    .setMeta(meta(Duration.ofHours(step * 2L))).setTarget(TARGET).setCommandId("cmd-" + step)
                    .setSequence(step).setAppliedBy("local-deployer").setStatus(DeploymentStatus.APPLIED).build());
        }
        publisher.publish(Topics.ALERTS, TARGET, page("error-budget", Duration.ofDays(1)));
        publisher.publish(Topics.RELEASES, TARGET, ReleaseRegistered.newBuilder().setMeta(meta(Duration.ofDays(3)))
                .setTarget(TARGET).setVersion("1.1.0").setReleaseType(ReleaseType.STRATEGY)
                .setRevision("b".repeat(40)).setAuthor("alice").build());
        publisher.publish(Topics.ROLLOUTS, TARGET, RolloutStepStarted.newBuilder()
                .setMeta(meta(Duration.ofDays(3).plusHours(1))).setTarget(TARGET).setVersion("1.1.0")
                .setStage("canary").setTrafficPercent(10).build());
        publisher.publish(Topics.ALERTS, TARGET, page("latency", Duration.ofDays(3).plusHours(2)));
        publisher.publish(Topics.ROLLOUTS, TARGET, RollbackTriggered.newBuilder()
                .setMeta(meta(Duration.ofDays(3).plusHours(3))).setTarget(TARGET).setVersion("1.1.0")
                .setStage("canary").setAction(GuardAction.ROLLBACK).setGuard("page-alert")
                .setReason("a page fired during the canary").build());
        await().atMost(Duration.ofSeconds(90)).until(() -> get("/entries?release=" + TARGET).get("total").asLong() == EVENTS);
    }

    private static AlertFired page(String fingerprint, Duration after) {
        return AlertFired.newBuilder().setMeta(meta(after)).setTarget(TARGET).setFingerprint(fingerprint)
                .setAlertName(fingerprint).setSeverity(AlertSeverity.PAGE).setStartsAt(T0.plus(after)).build();
    }

    private RestClient api() {
        return RestClient.builder().baseUrl(serviceUrl())
                .defaultHeaders(h -> h.setBearerAuth("demo-bob")).build();
    }

    private JsonNode get(String uri) {
        return JSON.readTree(api().get().uri("/api/v1/ledger" + uri).retrieve().body(String.class));
    }

    @Test
    void metricsAreComputedFromTheLedger() {
        JsonNode metrics = get("/metrics?target=" + TARGET);

        assertThat(metrics.at("/releases/registered").asLong()).isEqualTo(2);
        assertThat(metrics.at("/releases/live").asLong()).isEqualTo(1);
        assertThat(metrics.at("/releases/perWeek/2026-W02").asLong()).isEqualTo(1);
        assertThat(metrics.at("/leadTime/p50Seconds").asLong()).isEqualTo(Duration.ofHours(4).toSeconds());
        assertThat(metrics.at("/rollbacks/byReason/page-alert").asLong()).isEqualTo(1);
        assertThat(metrics.at("/incidents/total").asLong()).isEqualTo(2);
        assertThat(metrics.at("/incidents/releasesAffected").asLong()).isEqualTo(2);
        assertThat(get("/metrics?target=" + TARGET + "&from=2026-01-06T00:00:00Z").at("/releases/live").asLong())
                .isZero();
    }

    @Test
    void metersArePublishedForPrometheus() {
        String scrape = RestClient.create(serviceUrl()).get().uri("/actuator/prometheus")
                .retrieve().body(String.class);

        assertThat(scrape).containsPattern("greenlight_releases_total\\{[^}]*target=\"ict-qm\"[^}]*} 1\\.0");
        assertThat(scrape).containsPattern(
                "greenlight_rollbacks_total\\{[^}]*action=\"ROLLBACK\"[^}]*reason=\"page-alert\"[^}]*} 1\\.0");
        assertThat(scrape).containsPattern("greenlight_post_release_incidents_total\\{[^}]*} 2\\.0");
        assertThat(scrape).containsPattern("greenlight_release_lead_time_seconds_count\\{[^}]*} 1");
    }

    @Test
    void entriesOfOneReleaseAreQueriedAndPaged() {
        JsonNode first = get("/entries?release=ict-qm@1.0.0&size=4");
        JsonNode second = get("/entries?release=ict-qm@1.0.0&page=1&size=4");

        // two registrations (both recorded), two commands and the two reports naming 1.0.0 by command
        assertThat(first.get("total").asLong()).isEqualTo(6);
        assertThat(first.get("items")).hasSize(4);
        assertThat(second.get("items")).hasSize(2);
        assertThat(get("/entries?release=ict-qm&type=AlertFired").get("total").asLong()).isEqualTo(2);
        assertThat(get("/entries?release=ict-qm&from=2999-01-01T00:00:00Z").get("total").asLong()).isZero();
    }

    @Test
    void anIndexRebuiltFromTheLedgerTopicAnswersLikeTheRunningOneAndCountsNothingTwice() {
        LedgerMetrics rebuiltMetrics = new LedgerMetrics(new SimpleMeterRegistry(), Duration.ofDays(7));
        IndexedLedger rebuilt = new IndexedLedger(
                new LedgerTail(Map.of("bootstrap.servers", brokers), registry), registry,
                new StaticListableBeanFactory(Map.of("metrics", rebuiltMetrics)).getBeanProvider(
                        dev.greenlight.ledger.index.LedgerListener.class));

        rebuilt.catchUp();
        rebuilt.catchUp();
        IndexPage page = rebuilt.query(new EntryQuery("ict-qm@1.0.0", null, null, null, 1, 4));

        assertThat(page.total()).isEqualTo(6);
        assertThat(page.items()).extracting(e -> e.ledgerPartition() + "/" + e.sequence())
                .containsExactlyElementsOf(get("/entries?release=ict-qm@1.0.0&page=1&size=4").get("items")
                        .valueStream().map(i -> i.get("ledgerPartition").asInt() + "/" + i.get("sequence").asLong())
                        .toList());
        assertThat(JSON.readTree(JSON.writeValueAsString(rebuiltMetrics.report(TARGET, null, null))))
                .isEqualTo(get("/metrics?target=" + TARGET));
        rebuilt.close();
    }
}
