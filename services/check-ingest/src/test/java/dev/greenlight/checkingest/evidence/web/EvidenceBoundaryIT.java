package dev.greenlight.checkingest.evidence.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.checkingest.Api;
import dev.greenlight.checkingest.Api.Answer;
import dev.greenlight.checkingest.FixedClock;
import dev.greenlight.events.MetricObserved;
import dev.greenlight.platform.registry.SchemaRegistryClient;
import dev.greenlight.platform.security.TokenHashes;
import dev.greenlight.platform.testing.InMemoryRegistryConfiguration;
import dev.greenlight.platform.testing.TopicProbe;
import dev.greenlight.platform.topics.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The one-sample evidence path — the plain servlet behind check-ingest's lean security chain, outside
 * Spring Boot's general servlet filters (EvidencePathFilters) — attacked with a users file as
 * production runs it: a publisher scoped to {@code payments-*}, and a user who is no publisher. Every
 * attack is refused with the platform's problem documents, and nothing it sent reaches the topic
 * (checked after an accepted sample sent later is visible, so a refused one would have been too).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=check-ingest",
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}"})
@EmbeddedKafka
@Import({InMemoryRegistryConfiguration.class, FixedClock.class})
class EvidenceBoundaryIT {

    private static final String PUBLISHER_TOKEN = "payments-publisher-token-0123456789abcdef";
    private static final String AUDITOR_TOKEN = "auditor-token-0123456789abcdef0123456789";

    @TempDir
    static Path directory;

    @DynamicPropertySource
    static void users(DynamicPropertyRegistry registry) throws IOException {
        Path users = directory.resolve("users.yml");
        Files.writeString(users, """
                users:
                - name: ci-payments
                  roles: [publisher]
                  tokenSha256: %s
                  targets: ["payments-*"]
                - name: grace
                  roles: [auditor]
                  tokenSha256: %s
                  targets: []
                """.formatted(TokenHashes.sha256(PUBLISHER_TOKEN), TokenHashes.sha256(AUDITOR_TOKEN)));
        registry.add("greenlight.security.users-file", users::toString);
    }

    @LocalServerPort
    int port;
    @Value("${spring.embedded.kafka.brokers}")
    String brokers;
    @Autowired
    SchemaRegistryClient registry;

    @Test
    void forgedMissingAndUnprivilegedTokensAreRefusedAndNothingIsWritten() {
        Api api = new Api(port);
        String unsignedJwt = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJjaS1wYXltZW50cyIsInNjb3BlIjoicHVibGlzaGVyIn0.";

        Answer none = api.post("/api/v1/metrics", sample("payments-api", "forged_none"), null);
        Answer hashAsToken = api.post("/api/v1/metrics", sample("payments-api", "forged_hash"),
                TokenHashes.sha256(PUBLISHER_TOKEN));
        Answer oneCharOff = api.post("/api/v1/metrics", sample("payments-api", "forged_near"),
                PUBLISHER_TOKEN.substring(0, PUBLISHER_TOKEN.length() - 1) + "0");
        Answer jwt = api.post("/api/v1/metrics", sample("payments-api", "forged_jwt"), unsignedJwt);
        Answer auditor = api.post("/api/v1/metrics", sample("payments-api", "forged_auditor"), AUDITOR_TOKEN);

        assertThat(none.status()).isEqualTo(401);
        assertThat(none.body().path("title").asString()).isEqualTo("Authentication required");
        assertThat(List.of(hashAsToken, oneCharOff, jwt)).extracting(Answer::status).containsOnly(401);
        assertThat(auditor.status()).isEqualTo(403);
        assertAcceptedButNotStored("payments-api", "forged_none", "forged_hash", "forged_near", "forged_jwt", "forged_auditor");
    }

    @Test
    void aScopedPublisherWritesOnlyForItsTargetsAndLookAlikeNamesAreRefused() {
        Api api = new Api(port);

        Answer outside = api.post("/api/v1/metrics", sample("orders-api", "scope_outside"), PUBLISHER_TOKEN);
        List<Answer> lookAlikes = List.of(
                api.post("/api/v1/metrics", sample("payments", "scope_no_dash"), PUBLISHER_TOKEN),
                api.post("/api/v1/metrics", sample("payments_api", "scope_underscore"), PUBLISHER_TOKEN),
                api.post("/api/v1/metrics", sample("xpayments-api", "scope_prefix"), PUBLISHER_TOKEN),
                api.post("/api/v1/metrics", sample("\u0440ayments-api", "scope_cyrillic"), PUBLISHER_TOKEN));

        assertThat(outside.status()).isEqualTo(403);
        assertThat(outside.body().path("detail").asString()).contains("ci-payments").contains("orders-api");
        assertThat(lookAlikes).allSatisfy(answer -> assertThat(answer.status()).as(answer.body().toString()).isIn(400, 403));
        assertAcceptedButNotStored("payments-api", "scope_outside", "scope_no_dash", "scope_underscore", "scope_prefix",
                "scope_cyrillic");
    }

    /** Sends one sample the publisher may write, and once it is stored, checks none of {@code refused} is. */
    private void assertAcceptedButNotStored(String target, String... refused) {
        String accepted = refused[0] + "_then_accepted";
        assertThat(new Api(port).post("/api/v1/metrics", sample(target, accepted), PUBLISHER_TOKEN).status()).isEqualTo(201);
        List<String> stored = TopicProbe.readAll(brokers, Topics.METRICS, registry).stream()
                .map(ConsumerRecord::value).map(MetricObserved::getName).toList();
        assertThat(stored).contains(accepted).doesNotContain(refused);
    }

    private static String sample(String target, String name) {
        return """
                {"target": "%s", "name": "%s", "value": 1, "observedAt": "2026-11-22T10:00:00Z"}""".formatted(target, name);
    }
}
