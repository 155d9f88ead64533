package dev.greenlight.gate.integration.web;

import static dev.greenlight.evidence.EvidenceEvents.approval;
import static dev.greenlight.evidence.EvidenceEvents.meta;
import static dev.greenlight.evidence.EvidenceEvents.release;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import dev.greenlight.events.GuardAction;
import dev.greenlight.events.KillSwitchActivated;
import dev.greenlight.events.KillSwitchSource;
import dev.greenlight.events.ReleaseRegistered;
import dev.greenlight.events.ReleaseType;
import dev.greenlight.events.RollbackTriggered;
import dev.greenlight.gate.GateEvaluatorApplication;
import dev.greenlight.platform.kafka.EventPublisher;
import dev.greenlight.platform.testing.InMemoryRegistryConfiguration;
import dev.greenlight.platform.topics.Topics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/**
 * The verdict endpoint and the Flagger webhooks against the service as configured, a real broker
 * and the gate's own decisions, asked the way each tool asks: Argo Rollouts' {@code web} metric
 * (GET, bearer header, {@code jsonPath: "{$.go}"}, {@code successCondition: result == true}), Kargo's
 * {@code http} step ({@code response.status == 200 && response.body.go == true}) and Flagger's
 * webhook payload ({@code name}, {@code namespace}, {@code phase}, {@code checksum}, {@code metadata};
 * 2xx = go on).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "greenlight.security.demo-users=true",
        "spring.config.name=" + GateEvaluatorApplication.CONFIG_NAME,
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "greenlight.policies.dirs=src/test/resources/test-policies"})
@EmbeddedKafka
@DirtiesContext
@Import(InMemoryRegistryConfiguration.class)
class IntegrationsIT {

    private static final String FLAGGER_TOKEN = "flagger-it-token-0123456789";

    @TempDir
    static Path stateDir;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) throws IOException {
        registry.add("spring.kafka.streams.state-dir", stateDir::toString);
        Path users = stateDir.resolve("users.yml");
        Files.writeString(users, "users:\n- name: flagger-prod\n  roles: [flagger]\n  tokenSha256: "
                + sha256(FLAGGER_TOKEN) + "\n");
        registry.add("greenlight.security.users-file", users::toString);
    }

    @LocalServerPort
    int port;
    @Autowired
    EventPublisher publisher;

    @Test
    void argoKargoAndFlaggerSeeHoldAsNotGoAndGoAsGo() {
        Instant now = Instant.now();
        ReleaseRegistered registered = release("fl-r1", "svc-fl", "1.0.0", ReleaseType.BUGFIX, now);
        registered.setPolicy("test-gate");
        publisher.publish(Topics.RELEASES, "svc-fl", registered);

        // HOLD: the founder's sign-off is missing.
        String hold = awaitVerdict("svc-fl", "1.0.0", "canary", "HOLD");
        assertThat((Boolean) JsonPath.read(hold, "$.go")).isFalse();
        assertThat(JsonPath.<List<String>>read(hold, "$.reasons")).anyMatch(r -> r.startsWith("signoff PENDING"));
        assertThat(flaggerGate(hookFor("svc-fl", "1.0.0", "canary", FLAGGER_TOKEN))).isEqualTo(412);

        publisher.publish(Topics.APPROVALS, "svc-fl", approval("fl-p1", "svc-fl", "1.0.0", "ap-1", "founder", "erin", now, null));
        String go = awaitVerdict("svc-fl", "1.0.0", "canary", "GO");

        // Argo Rollouts: jsonPath "{$.go}" must yield a JSON boolean for successCondition "result == true".
        Object argoResult = JsonPath.read(go, "$.go");
        assertThat(argoResult).isEqualTo(Boolean.TRUE);
        // Kargo: successExpression "response.status == 200 && response.body.go == true".
        assertThat(JsonPath.<Object>read(go, "$")).isInstanceOf(Map.class);
        assertThat(JsonPath.<String>read(go, "$.target")).isEqualTo("svc-fl");
        assertThat(JsonPath.<String>read(go, "$.decisionId")).isNotBlank();
        assertThat(JsonPath.<String>read(go, "$.url")).endsWith("/api/v1/releases/svc-fl/1.0.0");
        // Flagger: 2xx only on GO.
        assertThat(flaggerGate(hookFor("svc-fl", "1.0.0", "canary", FLAGGER_TOKEN))).isEqualTo(200);
    }

    @Test
    void withoutATokenOrWithAnotherRoleNothingIsAnswered() {
        RestClient anonymous = RestClient.builder().baseUrl("http://localhost:" + port).build();
        assertThat((int) anonymous.get().uri("/api/v1/integrations/verdict?target=svc-fl&version=1.0.0&stage=canary")
                .exchange((req, res) -> res.getStatusCode().value())).isEqualTo(401);
        assertThat((int) anonymous.get().uri("/api/v1/integrations/verdict?target=svc-fl&version=1.0.0&stage=canary")
                .header("Authorization", "Bearer not-a-token").exchange((req, res) -> res.getStatusCode().value()))
                .isEqualTo(401);

        // Flagger cannot send headers: the token rides in the webhook's metadata.
        assertThat(flaggerGate(hookFor("svc-fl", "1.0.0", "canary", null))).isEqualTo(401);
        assertThat(flaggerGate(hookFor("svc-fl", "1.0.0", "canary", "wrong-token"))).isEqualTo(401);
        // A CI publisher's token or a person's is not the Flagger integration principal.
        assertThat(flaggerGate(hookFor("svc-fl", "1.0.0", "canary", "demo-ci"))).isEqualTo(403);
        assertThat(flaggerGate(hookFor("svc-fl", "1.0.0", "canary", "demo-dave"))).isEqualTo(403);
        assertThat(flagger("/rollback", hookFor("svc-fl", "1.0.0", null, "demo-erin"))).isEqualTo(403);
        // A bearer header does not replace the metadata token on the webhook.
        assertThat((int) api("demo-dave").post().uri("/api/v1/integrations/flagger/gate").contentType(MediaType.APPLICATION_JSON)
                .body(hookFor("svc-fl", "1.0.0", "canary", null)).exchange((req, res) -> res.getStatusCode().value()))
                .isEqualTo(401);
    }

    @Test
    void missingFieldsAreNamedUnknownReleasesAre404AndOversizedBodiesAre413() {
        RestClient bob = api("demo-bob");
        Map<String, Object> problem = await().atMost(Duration.ofSeconds(60)).until(() -> bob.get()
                        .uri("/api/v1/integrations/verdict?target=svc-fl&version=1.0.0")
                        .exchange((req, res) -> res.bodyTo(Map.class)), body -> body != null && body.get("field") != null);
        assertThat(problem).containsEntry("status", 400).containsEntry("field", "stage");
        assertThat(status(bob, "/api/v1/integrations/verdict?version=1.0.0&stage=canary")).isEqualTo(400);
        int unknown = await().atMost(Duration.ofSeconds(60)).until(
                () -> status(bob, "/api/v1/integrations/verdict?target=svc-none&version=9.9.9&stage=canary"),
                code -> code != 503);
        assertThat(unknown).isEqualTo(404);

        Map<String, Object> noVersion = RestClient.builder().baseUrl("http://localhost:" + port).build().post()
                .uri("/api/v1/integrations/flagger/gate").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("name", "podinfo", "namespace", "test", "phase", "Progressing", "checksum", "85d557f47b",
                        "metadata", Map.of("greenlight.token", FLAGGER_TOKEN, "greenlight.stage", "canary")))
                .exchange((req, res) -> res.bodyTo(Map.class));
        assertThat(noVersion).containsEntry("status", 400).containsEntry("field", "metadata.greenlight.version");
        assertThat(flaggerGate(hookFor("svc-none", "9.9.9", "canary", FLAGGER_TOKEN))).isEqualTo(404);

        Map<String, Object> huge = hookFor("svc-fl", "1.0.0", "canary", FLAGGER_TOKEN);
        huge.put("padding", "x".repeat(20_000));
        assertThat(flaggerGate(huge)).isEqualTo(413);
    }

    @Test
    void theRollbackHookSaysRollBackOnAKillSwitchOrARollbackOfThatVersionOnly() {
        Instant now = Instant.now();
        assertThat(awaitRollback("svc-kill", "1.0.0", code -> code != 503)).isEqualTo(412);

        publisher.publish(Topics.KILL_SWITCH, "svc-kill",
                new KillSwitchActivated(meta("ks-1", now), "svc-kill", "page alert", "erin", KillSwitchSource.MANUAL));
        assertThat(awaitRollback("svc-kill", "1.0.0", code -> code == 200)).isEqualTo(200);

        publisher.publish(Topics.ROLLOUTS, "svc-rb", new RollbackTriggered(meta("rb-1", now), "svc-rb", "2.0.0", "canary",
                GuardAction.ROLLBACK, "live-errors", "4", "< 1", "4 live errors", List.of("m-1"), "1.9.0", null));
        assertThat(awaitRollback("svc-rb", "2.0.0", code -> code == 200)).isEqualTo(200);
        assertThat(awaitRollback("svc-rb", "2.0.1", code -> code != 503)).isEqualTo(412);

        // A PAUSE guard holds the rollout; it does not roll it back.
        publisher.publish(Topics.ROLLOUTS, "svc-pause", new RollbackTriggered(meta("rb-2", now), "svc-pause", "1.0.0",
                "canary", GuardAction.PAUSE, "contract", null, null, "contract regression", List.of(), null, null));
        publisher.publish(Topics.ROLLOUTS, "svc-rb", new RollbackTriggered(meta("rb-3", now), "svc-rb", "3.0.0", "canary",
                GuardAction.KILL, "live-errors", null, null, "kill", List.of(), null, null));
        awaitRollback("svc-rb", "3.0.0", code -> code == 200);
        assertThat(awaitRollback("svc-pause", "1.0.0", code -> code != 503)).isEqualTo(412);
    }

    private String awaitVerdict(String target, String version, String stage, String outcome) {
        RestClient argo = api("demo-bob");
        return await().atMost(Duration.ofSeconds(60)).until(() -> argo.get()
                        .uri("/api/v1/integrations/verdict?target={t}&version={v}&stage={s}", target, version, stage)
                        .exchange((req, res) -> res.getStatusCode().value() == 200 ? res.bodyTo(String.class) : null),
                body -> body != null && outcome.equals(JsonPath.read(body, "$.outcome")));
    }

    private int awaitRollback(String target, String version, java.util.function.Predicate<Integer> done) {
        return await().atMost(Duration.ofSeconds(60)).until(
                () -> flagger("/rollback", hookFor(target, version, null, FLAGGER_TOKEN)), done::test);
    }

    private int flaggerGate(Map<String, Object> hook) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> flagger("/gate", hook), code -> code != 503);
    }

    private int flagger(String path, Map<String, Object> hook) {
        return RestClient.builder().baseUrl("http://localhost:" + port).build().post()
                .uri("/api/v1/integrations/flagger" + path).contentType(MediaType.APPLICATION_JSON).body(hook)
                .exchange((req, res) -> res.getStatusCode().value());
    }

    /** Flagger's webhook payload, as its documentation shows it. */
    private static Map<String, Object> hookFor(String target, String version, String stage, String token) {
        Map<String, String> metadata = new java.util.LinkedHashMap<>();
        metadata.put("greenlight.target", target);
        metadata.put("greenlight.version", version);
        if (stage != null) {
            metadata.put("greenlight.stage", stage);
        }
        if (token != null) {
            metadata.put("greenlight.token", token);
        }
        Map<String, Object> hook = new java.util.LinkedHashMap<>();
        hook.put("name", "podinfo");
        hook.put("namespace", "test");
        hook.put("phase", "Progressing");
        hook.put("checksum", "85d557f47b");
        hook.put("metadata", metadata);
        return hook;
    }

    private int status(RestClient api, String uri) {
        return api.get().uri(uri).exchange((req, res) -> res.getStatusCode().value());
    }

    private RestClient api(String token) {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeaders(h -> h.setBearerAuth(token)).build();
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
