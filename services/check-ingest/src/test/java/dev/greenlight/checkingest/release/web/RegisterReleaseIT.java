package dev.greenlight.checkingest.release.web;

import static dev.greenlight.checkingest.FixedClock.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.checkingest.FixedClock;
import dev.greenlight.events.ReleaseRegistered;
import dev.greenlight.events.ReleaseType;
import dev.greenlight.platform.registry.SchemaRegistryClient;
import dev.greenlight.platform.testing.InMemoryRegistryConfiguration;
import dev.greenlight.evidence.testing.PolicyAnnouncements;
import dev.greenlight.platform.testing.TopicProbe;
import dev.greenlight.platform.topics.Topics;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Release registration against a real broker: what the API answers and, above all, what lands on
 * the releases topic — exactly one well-formed event for a good request, nothing for a bad one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=check-ingest",
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "greenlight.security.demo-users=true",
        "greenlight.security.aliases.bob=bob@example.com, bob-gh"})
@EmbeddedKafka
@Import({InMemoryRegistryConfiguration.class, FixedClock.class})
class RegisterReleaseIT {

    @LocalServerPort
    int port;
    @Value("${spring.embedded.kafka.brokers}")
    String brokers;
    @Autowired
    SchemaRegistryClient registry;

    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void theGateHasAnnouncedItsPolicies() {
        PolicyAnnouncements.announceShipped(brokers, registry);
    }

    @Test
    void aPolicyThatDoesNotGovernTheReleaseIsRefusedNamingTheFieldAndNothingIsWritten() {
        // The attack: a trading strategy registered under the operations policy, to be gated by it.
        Answer answer = post("""
                {"target": "ict-foreign", "version": "2.1.0", "type": "STRATEGY",
                 "revision": "abcdef1", "author": "alice", "policy": "ops-release"}""", "demo-dave");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().path("field").asString()).isEqualTo("policy");
        assertThat(answer.body().path("detail").asString()).contains("ops-release").contains("trading-strategy");
        assertThat(releasesFor("ict-foreign")).isEmpty();
    }

    @Test
    void anotherGoverningPolicyThanTheDefaultNeedsTheOverrideRole() {
        // trading-strategy governs MODEL releases of every target, but rl-policy-go-nogo is the default for rl-policy.
        String body = """
                {"target": "rl-policy-chosen", "version": "1.0.0", "type": "MODEL",
                 "revision": "abcdef1", "author": "alice", "policy": "trading-strategy"}""";

        Answer byCi = post(body, "demo-ci");

        assertThat(byCi.status()).isEqualTo(403);
        assertThat(byCi.body().path("detail").asString()).contains("release-captain").contains("rl-policy-go-nogo");
        assertThat(releasesFor("rl-policy-chosen")).isEmpty();

        Answer byCaptain = post(body, "demo-dave");

        assertThat(byCaptain.status()).isEqualTo(201);
        assertThat(releasesFor("rl-policy-chosen")).singleElement()
                .satisfies(r -> assertThat(r.value().getPolicy()).isEqualTo("trading-strategy"));
    }

    @Test
    void namingTheDefaultPolicyNeedsNoRole() {
        assertThat(post("""
                {"target": "rl-policy-default", "version": "1.0.0", "type": "MODEL",
                 "revision": "abcdef1", "author": "alice", "policy": "rl-policy-go-nogo"}""").status()).isEqualTo(201);
    }

    @Test
    void aHotfixByAPlainCiTokenIsRefusedWhereThePolicyRestrictsIt() {
        String trading = """
                {"target": "ict-hotfix", "version": "2.0.4-hotfix", "type": "HOTFIX",
                 "revision": "abcdef1", "author": "alice"}""";
        String ops = """
                {"target": "agent-orchestration-ops", "version": "1.3.1-hotfix.1", "type": "HOTFIX",
                 "revision": "abcdef1", "author": "alice"}""";

        Answer tradingByCi = post(trading, "demo-ci");
        Answer opsByCi = post(ops, "demo-ci");

        assertThat(tradingByCi.status()).isEqualTo(403);
        assertThat(tradingByCi.body().path("detail").asString()).contains("HOTFIX").contains("trading-strategy")
                .contains("founder");
        assertThat(opsByCi.status()).isEqualTo(403);
        assertThat(opsByCi.body().path("detail").asString()).contains("ops-release").contains("on-call");
        assertThat(releasesFor("ict-hotfix")).isEmpty();
        assertThat(releasesFor("agent-orchestration-ops")).isEmpty();

        assertThat(post(trading, "demo-dave").status()).isEqualTo(201);
        assertThat(post(ops, "demo-dave").status()).isEqualTo(201);
        assertThat(releasesFor("ict-hotfix")).singleElement()
                .satisfies(r -> assertThat(r.value().getMeta().getPrincipal()).isEqualTo("dave"));
    }

    @Test
    void aHotfixWithoutTheHotfixTagIsRefusedNamingTheVersionAndNothingIsWritten() {
        // The attack: the emergency path (immediate, skips blackouts) claimed by a version that does
        // not say it is a hotfix, by someone who may declare one.
        Answer trading = post("""
                {"target": "ict-untagged", "version": "2.0.5", "type": "HOTFIX",
                 "revision": "abcdef1", "author": "alice"}""", "demo-dave");
        Answer ops = post("""
                {"target": "agent-orchestration-ops-untagged", "version": "1.3.2-beta.1", "type": "HOTFIX",
                 "revision": "abcdef1", "author": "alice"}""", "demo-dave");

        assertThat(trading.status()).isEqualTo(400);
        assertThat(trading.body().path("field").asString()).isEqualTo("version");
        assertThat(trading.body().path("detail").asString()).contains("trading-strategy").contains("-hotfix");
        assertThat(ops.status()).isEqualTo(400);
        assertThat(ops.body().path("field").asString()).isEqualTo("version");
        assertThat(releasesFor("ict-untagged")).isEmpty();
        assertThat(releasesFor("agent-orchestration-ops-untagged")).isEmpty();

        assertThat(post("""
                {"target": "ict-untagged", "version": "2.0.5-hotfix.1", "type": "HOTFIX",
                 "revision": "abcdef1", "author": "alice"}""", "demo-dave").status()).isEqualTo(201);
    }

    @Test
    void aValidRegistrationIsStoredAsOneReleaseRegisteredKeyedByTarget() {
        Answer answer = post("""
                {"target": "ict-qm", "version": "2.1.0", "type": "STRATEGY",
                 "revision": "5114f85c0ffee", "author": "alice", "changelog": "session breakout"}""");

        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.body().path("releaseId").asString()).isEqualTo("ict-qm@2.1.0");
        List<ConsumerRecord<String, ReleaseRegistered>> stored = releasesFor("ict-qm");
        assertThat(stored).hasSize(1);
        ReleaseRegistered event = stored.get(0).value();
        assertThat(event.getVersion()).isEqualTo("2.1.0");
        assertThat(event.getReleaseType()).isEqualTo(ReleaseType.STRATEGY);
        assertThat(event.getRevision()).isEqualTo("5114f85c0ffee");
        assertThat(event.getAuthor()).isEqualTo("alice");
        assertThat(event.getChangelog()).isEqualTo("session breakout");
        assertThat(event.getMeta().getOccurredAt()).isEqualTo(NOW);
        assertThat(event.getMeta().getEventId()).isEqualTo(answer.body().path("eventId").asString());
    }

    @Test
    void registeringTheSameReleaseAgainAnswersTheExistingRegistrationAndStoresNothingNew() {
        String body = """
                {"target": "rl-policy", "version": "1.0.0-beta.2", "type": "MODEL",
                 "revision": "abcdef1", "author": "alice"}""";
        Answer first = post(body);
        Answer second = post(body);

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body().path("releaseId").asString()).isEqualTo("rl-policy@1.0.0-beta.2");
        assertThat(second.body().path("eventId").asString()).isEqualTo(first.body().path("eventId").asString());
        assertThat(releasesFor("rl-policy")).hasSize(1);
    }

    @Test
    void registeringTheSameReleaseWithOtherContentIsAConflictNamingTheDifferingFields() {
        post("""
                {"target": "conflicted", "version": "1.0.0", "type": "BUGFIX", "revision": "abcdef1", "author": "alice"}""");
        Answer answer = post("""
                {"target": "conflicted", "version": "1.0.0", "type": "CONFIG", "revision": "abcdef2", "author": "alice"}""");

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.body().path("fields").toString()).contains("type").contains("revision").doesNotContain("author");
        assertThat(answer.body().path("detail").asString()).contains("conflicted@1.0.0");
        assertThat(releasesFor("conflicted")).singleElement()
                .satisfies(r -> assertThat(r.value().getRevision()).isEqualTo("abcdef1"));
    }

    @Test
    void aMalformedVersionIsRefusedNamingTheFieldAndNothingIsWritten() {
        Answer answer = post("""
                {"target": "bad-version", "version": "v1.2", "type": "STRATEGY",
                 "revision": "abcdef1", "author": "alice"}""");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().path("field").asString()).isEqualTo("version");
        assertThat(answer.body().path("detail").asString()).contains("Semantic Versioning");
        assertThat(releasesFor("bad-version")).isEmpty();
    }

    @Test
    void theVersionAReleaseReplacesIsRecordedSoVersionRulesKnowItsSemverClass() {
        Answer answer = post("""
                {"target": "replacing", "version": "2.4.1-hotfix", "type": "HOTFIX",
                 "revision": "abcdef1", "author": "alice", "previousVersion": "2.4.0"}""", "demo-dave");

        assertThat(answer.status()).isEqualTo(201);
        assertThat(releasesFor("replacing")).singleElement()
                .satisfies(r -> assertThat(r.value().getPreviousVersion()).isEqualTo("2.4.0"));
    }

    @Test
    void aPreviousVersionThatIsMalformedOrNotLowerIsRefusedNamingTheField() {
        Answer malformed = post("""
                {"target": "bad-previous", "version": "2.0.0", "type": "BUGFIX",
                 "revision": "abcdef1", "author": "alice", "previousVersion": "two"}""");
        Answer newer = post("""
                {"target": "bad-previous", "version": "2.0.0", "type": "BUGFIX",
                 "revision": "abcdef1", "author": "alice", "previousVersion": "2.0.1"}""");

        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body().path("field").asString()).isEqualTo("previousVersion");
        assertThat(newer.status()).isEqualTo(400);
        assertThat(newer.body().path("field").asString()).isEqualTo("previousVersion");
        assertThat(newer.body().path("detail").asString()).contains("lower than version 2.0.0");
        assertThat(releasesFor("bad-previous")).isEmpty();
    }

    @Test
    void anUnknownReleaseTypeIsRefusedListingTheAllowedOnes() {
        Answer answer = post("""
                {"target": "bad-type", "version": "1.0.0", "type": "FEATURE",
                 "revision": "abcdef1", "author": "alice"}""");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().path("field").asString()).isEqualTo("type");
        assertThat(answer.body().path("detail").asString()).contains("HOTFIX").contains("FEATURE");
        assertThat(releasesFor("bad-type")).isEmpty();
    }

    @Test
    void missingAndMalformedFieldsAreEachNamed() {
        assertThat(post("""
                {"version": "1.0.0", "type": "BUGFIX", "revision": "abcdef1", "author": "alice"}""")
                .body().path("field").asString()).isEqualTo("target");
        assertThat(post("""
                {"target": "x", "version": "1.0.0", "type": "BUGFIX", "revision": "not-a-sha", "author": "alice"}""")
                .body().path("field").asString()).isEqualTo("revision");
        assertThat(post("""
                {"target": "x", "version": "1.0.0", "type": "BUGFIX", "revision": "abcdef1"}""")
                .body().path("field").asString()).isEqualTo("author");
        assertThat(post("{not json").status()).isEqualTo(400);
        assertThat(post("""
                {"target": {"name": "x"}, "version": "1.0.0", "type": "BUGFIX", "revision": "abcdef1", "author": "alice"}""")
                .body().path("field").asString()).isEqualTo("target");
        assertThat(releasesFor("x")).isEmpty();
    }

    @Test
    void withoutAValidTokenTheCallerIsChallengedAndNothingIsWritten() {
        String body = """
                {"target": "unauthenticated", "version": "1.0.0", "type": "BUGFIX",
                 "revision": "abcdef1", "author": "alice"}""";

        assertThat(post(body, null).status()).isEqualTo(401);
        assertThat(post(body, "demo-nobody").status()).isEqualTo(401);
        assertThat(releasesFor("unauthenticated")).isEmpty();
    }

    @Test
    void aCallerWithoutAPublisherScopeForTheTargetIsForbidden() {
        Answer answer = post("""
                {"target": "out-of-scope", "version": "1.0.0", "type": "BUGFIX",
                 "revision": "abcdef1", "author": "alice"}""", "demo-alice");

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.body().path("detail").asString()).contains("alice").contains("out-of-scope");
        assertThat(releasesFor("out-of-scope")).isEmpty();
    }

    @Test
    void theRecordedPrincipalIsTheAuthenticatedCaller() {
        post("""
                {"target": "who-published", "version": "1.0.0", "type": "BUGFIX",
                 "revision": "abcdef1", "author": "alice"}""");

        assertThat(releasesFor("who-published")).singleElement()
                .satisfies(r -> assertThat(r.value().getMeta().getPrincipal()).isEqualTo("ci"));
    }

    @Test
    void theAuthorIsRecordedAsTheCanonicalIdentityOfTheKnownPerson_withTheirAliases() {
        String[][] spellings = {{"spaced", "bob "}, {"cased", "BOB"}, {"fullwidth", "\uFF42\uFF4F\uFF42"},
            {"by-email", "Bob@Example.com"}, {"by-login", "bob-gh"}};
        for (String[] spelling : spellings) {
            Answer answer = post("""
                    {"target": "%s", "version": "1.0.0", "type": "BUGFIX", "revision": "abcdef1", "author": "%s"}"""
                    .formatted(spelling[0], spelling[1]));

            assertThat(answer.status()).as(spelling[1]).isEqualTo(201);
            assertThat(releasesFor(spelling[0])).singleElement().satisfies(r -> {
                assertThat(r.value().getAuthor()).as(spelling[1]).isEqualTo("bob");
                assertThat(r.value().getAuthorAliases()).as(spelling[1]).contains("bob@example.com", "bob-gh");
            });
        }
    }

    @Test
    void anUnknownAuthorIsRecordedCanonicalWithoutAliases() {
        post("""
                {"target": "stranger", "version": "1.0.0", "type": "BUGFIX", "revision": "abcdef1", "author": " Zed "}""");

        assertThat(releasesFor("stranger")).singleElement().satisfies(r -> {
            assertThat(r.value().getAuthor()).isEqualTo("zed");
            assertThat(r.value().getAuthorAliases()).isEmpty();
        });
    }

    @Test
    void anAuthorHidingAZeroWidthOrBidiCharacterIsRefusedNamingTheFieldAndNothingIsWritten() {
        for (String author : List.of("b\\u200Bob", "bob\\u202E", "bo\\u2066b", "\\uFEFFbob", "bo\\u0000b")) {
            Answer answer = post("""
                    {"target": "hidden-author", "version": "1.0.0", "type": "BUGFIX", "revision": "abcdef1",
                     "author": "%s"}""".formatted(author));

            assertThat(answer.status()).as(author).isEqualTo(400);
            assertThat(answer.body().path("field").asString()).as(author).isEqualTo("author");
            assertThat(answer.body().path("detail").asString()).as(author).contains("U+");
        }
        assertThat(releasesFor("hidden-author")).isEmpty();
    }

    private List<ConsumerRecord<String, ReleaseRegistered>> releasesFor(String target) {
        return TopicProbe.readAll(brokers, Topics.RELEASES, registry).stream()
                .filter(r -> r.key().equals(target))
                .toList();
    }

    private Answer post(String body) {
        return post(body, "demo-ci");
    }

    private Answer post(String body, String token) {
        return RestClient.create("http://localhost:" + port).post().uri("/api/v1/releases")
                .contentType(MediaType.APPLICATION_JSON)
                .headers(h -> {
                    if (token != null) {
                        h.setBearerAuth(token);
                    }
                })
                .body(body)
                .exchange((request, response) -> {
                    HttpStatusCode status = response.getStatusCode();
                    byte[] bytes = response.getBody().readAllBytes();
                    return new Answer(status.value(), bytes.length == 0 ? json.createObjectNode() : json.readTree(bytes));
                });
    }

    record Answer(int status, JsonNode body) {
    }
}
