package dev.greenlight.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The production path, proven by the build: docker-compose.yml's topology ({@link ProductionStack}:
 * three SASL/ACL KRaft nodes, the one-shot jobs, the registry, seven service JVMs from their exec
 * jars in empty directories with production settings) takes one release from registration to a
 * deployment, through the public APIs and as the users of a users file, and the ledger it leaves
 * verifies offline with the key from the secret.
 */
@ExtendWith(ProductionStack.class)
@Order(1)
class ProductionPathIT {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TARGET = "agent-orchestration-ops-prodpath";
    private static final String VERSION = "1.4.0";
    private static final String REVISION = "9a1b2c3";

    @Test
    void everyServiceIsHealthyAndRunsWithProductionSettings() {
        ProductionStack stack = ProductionStack.get();
        for (ServiceJvm service : stack.services.values()) {
            assertThat(ProductionStack.status(service.url() + "/actuator/health")).as(service.name()).isEqualTo(200);
            assertThat(ProductionStack.status(service.url() + "/actuator/health/liveness")).as(service.name())
                    .isEqualTo(200);
        }
        // Production mode: the public demo tokens are nobody here, and no token is no access.
        assertThat(stack.call("GET", "gate-evaluator", "/api/v1/releases/x/1.0.0", null, null).status()).isEqualTo(401);
        ProductionStack.Reply demo = demoCall(stack);
        assertThat(demo.status()).as(demo.body()).isEqualTo(401);
    }

    private static ProductionStack.Reply demoCall(ProductionStack stack) {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                        stack.service("check-ingest").url() + "/api/v1/releases"))
                .header("Authorization", "Bearer demo-ci").header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("""
                        {"target": "%s-demo", "version": "1.0.0", "type": "CONFIG", "revision": "abc1234",
                         "author": "alice"}""".formatted(TARGET))).build();
        try {
            var response = ProductionStack.HTTP.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
            return new ProductionStack.Reply(response.statusCode(), response.body(), null);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void oneReleaseGoesFromRegistrationToADeploymentAndTheLedgerVerifiesOffline() throws Exception {
        ProductionStack stack = ProductionStack.get();
        long began = System.nanoTime();
        Releases releases = new Releases(stack);
        releases.register(TARGET, VERSION, REVISION);
        releases.everyCheckPasses(TARGET, VERSION, REVISION);
        releases.approve("pat", TARGET, VERSION, "platform");
        releases.approve("sam", TARGET, VERSION, "security");
        releases.approve("olga", TARGET, VERSION, "operations");

        JsonNode go = releases.awaitOutcome(TARGET, VERSION, "production", "GO");
        assertThat(Releases.outcome(go, "staging")).isEqualTo("GO");
        ProductionStack.timing("release decided GO", began);

        // The rollout-controller commands the deployment; a deployer (greenlight follow, SCRAM user
        // deployer) takes the command from Kafka and reports it applied.
        stack.job("follow", List.of("follow", "--bootstrap-servers", stack.kafka.bootstrapServers(),
                        "--registry-url", stack.registry.url(), "--target", TARGET, "--max-commands", "1",
                        "--deployer-id", "system-test-deployer"),
                Map.of("GREENLIGHT_KAFKA_PASSWORD", stack.credentials.password("deployer")));
        // Applied: production at 100 %, now soaking (the policy's 24 h watch).
        JsonNode rollout = releases.awaitRollout(TARGET, VERSION,
                r -> r.path("trafficPercent").asInt(-1) == 100 && "production".equals(r.path("stage").asString(""))
                        && r.path("nextStep").asString("").startsWith("soaking"));
        assertThat(rollout.path("status").asString()).as(rollout.toString()).isEqualTo("STAGE_LIVE");
        ProductionStack.timing("deployment commanded and applied", began);

        // The ledger: the decision is in it, it verifies in place, and an export verifies offline
        // with the public key from the secret (nothing asked of the service).
        await().atMost(Releases.PATIENCE).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            ProductionStack.Reply verify = stack.call("GET", "audit-ledger", "/api/v1/ledger/verify", "aude", null);
            assertThat(verify.status()).as(verify.body()).isEqualTo(200);
            assertThat(JSON.readTree(verify.body()).path("ok").asBoolean()).as(verify.body()).isTrue();
        });
        Path export = stack.run.resolve("ledger.jsonl");
        await().atMost(Releases.PATIENCE).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            stack.job("ledger-export", List.of("ledger", "export", "--file", export.toString(),
                    "--ledger-url", stack.service("audit-ledger").url(), "--token", stack.tokens.get("aude")));
            assertThat(Files.readString(export)).contains(TARGET).contains("DeploymentApplied");
        });
        stack.job("ledger-verify", List.of("ledger", "verify", "--file", export.toString(),
                "--public-key", stack.secrets.resolve("ledger-public-key.x509.b64").toString()));
        ProductionStack.timing("ledger exported and verified offline", began);
    }

    static Instant now() {
        return Instant.now();
    }
}
