package dev.greenlight.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.greenlight.events.ActionRefused;
import dev.greenlight.events.ApprovalGranted;
import dev.greenlight.events.EventMetadata;
import dev.greenlight.events.KillSwitchActivated;
import dev.greenlight.events.ReleaseRegistered;
import dev.greenlight.events.ReleaseType;
import dev.greenlight.platform.kafka.EventPublisher;
import dev.greenlight.platform.refusals.RefusalThrottle;
import dev.greenlight.platform.releases.ReleaseDirectory;
import dev.greenlight.platform.testing.OversizedBodies;
import dev.greenlight.platform.testing.TopicProbe;
import dev.greenlight.platform.topics.Topic;
import dev.greenlight.platform.topics.Topics;
import dev.greenlight.platform.web.IdempotentRequests;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.client.RestClient;

/**
 * Commands are safe to retry and refusals cannot flood the ledger, checked on a real broker
 * through the public API: a retry with the same Idempotency-Key writes one event and answers as
 * the first; the same key with another body is 422 and writes nothing; a caller refused over and
 * over is answered 403 every time but recorded at most the configured number of times a minute.
 */
@TestPropertySource(properties = "greenlight.refusals.per-caller-per-minute=3")
class CommandSafetyIT extends ApprovalServiceTestBase {

    @Autowired
    EventPublisher publisher;
    @Autowired
    ReleaseDirectory directory;
    @Autowired
    MeterRegistry meters;
    @Autowired
    ApplicationContext context;

    @Test
    void aKillSwitchRetriedWithTheSameKeyIsWrittenOnceAndAnsweredAsTheFirst() {
        String body = """
                {"target": "retried-kill", "action": "ACTIVATE", "reason": "page during ramp"}""";
        Reply first = post("/api/v1/kill-switch", "demo-erin", "kill-1", body);
        Reply retry = post("/api/v1/kill-switch", "demo-erin", "kill-1", body);
        Reply otherBody = post("/api/v1/kill-switch", "demo-erin", "kill-1", """
                {"target": "retried-kill", "action": "ACTIVATE", "reason": "something else"}""");

        assertThat(first.status()).isEqualTo(200);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(otherBody.status()).isEqualTo(422);
        assertThat(otherBody.body()).contains("Idempotency-Key");
        List<SpecificRecord> flips = recordsFor(Topics.KILL_SWITCH, "retried-kill");
        assertThat(flips).singleElement().isInstanceOf(KillSwitchActivated.class);
        assertThat(((KillSwitchActivated) flips.get(0)).getMeta().getEventId())
                .isEqualTo(IdempotentRequests.firstEventId("erin", "kill-1"));
    }

    @Test
    void anApprovalRetriedWithTheSameKeyIsWrittenOnce_anotherCallerWithTheSameKeyIsAnotherRequest() {
        registerReleaseByAlice("retried-approval");
        String body = """
                {"target": "retried-approval", "version": "2.1.0", "role": "auditor", "verdict": "APPROVE"}""";

        Reply first = post("/api/v1/approvals", "demo-bob", "approve-1", body);
        Reply retry = post("/api/v1/approvals", "demo-bob", "approve-1", body);
        Reply otherBody = post("/api/v1/approvals", "demo-bob", "approve-1", body.replace("auditor", "security"));

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(otherBody.status()).isEqualTo(422);
        List<SpecificRecord> stored = recordsFor(Topics.APPROVALS, "retried-approval");
        assertThat(stored).singleElement().isInstanceOf(ApprovalGranted.class);
        assertThat(((ApprovalGranted) stored.get(0)).getMeta().getEventId())
                .isEqualTo(IdempotentRequests.firstEventId("bob", "approve-1"));
    }

    @Test
    void aFloodOfRefusedAttemptsIsAnsweredEveryTimeButRecordedAtMostThreeTimesAMinute() {
        registerReleaseByAlice("flooded");
        String selfApproval = """
                {"target": "flooded", "version": "2.1.0", "role": "engineer", "verdict": "APPROVE"}""";
        double suppressedBefore = suppressed();

        for (int i = 0; i < 10; i++) {
            assertThat(post("/api/v1/approvals", "demo-alice", null, selfApproval).status()).isEqualTo(403);
        }

        assertThat(recordsFor(Topics.APPROVALS, "flooded")).hasSize(3).allSatisfy(r -> assertThat(r)
                .isInstanceOfSatisfying(ActionRefused.class, a -> assertThat(a.getAttemptedBy()).isEqualTo("alice")));
        assertThat(suppressed() - suppressedBefore).isEqualTo(7);
    }

    @Test
    void everyEndpointThatAcceptsABodyRefusesAnOversizedOneBeforeReadingIt() {
        assertThat(OversizedBodies.everyBodyEndpointRefusesOneByteOverTheLimit(context, port))
                .contains("POST /api/v1/approvals", "POST /api/v1/kill-switch", "POST /api/v1/waivers");
    }

    private double suppressed() {
        return meters.find(RefusalThrottle.SUPPRESSED).counter() == null ? 0
                : meters.find(RefusalThrottle.SUPPRESSED).counter().count();
    }

    private void registerReleaseByAlice(String target) {
        publisher.publish(Topics.RELEASES, target, ReleaseRegistered.newBuilder()
                .setMeta(EventMetadata.newBuilder().setEventId(UUID.randomUUID().toString())
                        .setOccurredAt(NOW).setPrincipal("ci").build())
                .setTarget(target).setVersion("2.1.0").setReleaseType(ReleaseType.STRATEGY)
                .setRevision("5114f85").setAuthor("alice").build());
        await().atMost(Duration.ofSeconds(60)).until(() -> directory.find(target, "2.1.0").isPresent());
    }

    private List<SpecificRecord> recordsFor(Topic<SpecificRecord> topic, String target) {
        return TopicProbe.readAll(brokers, topic, registry).stream()
                .filter(r -> r.key().equals(target)).map(r -> r.value()).toList();
    }

    private Reply post(String path, String token, String key, String body) {
        return RestClient.create("http://localhost:" + port).post().uri(path)
                .headers(h -> {
                    h.setBearerAuth(token);
                    if (key != null) {
                        h.set("Idempotency-Key", key);
                    }
                })
                .contentType(MediaType.APPLICATION_JSON).body(body)
                .exchange((request, response) -> new Reply(response.getStatusCode().value(),
                        new String(response.getBody().readAllBytes())));
    }

    record Reply(int status, String body) {
    }
}
