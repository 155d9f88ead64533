package dev.greenlight.ledger.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.greenlight.events.EventMetadata;
import dev.greenlight.events.KillSwitchActivated;
import dev.greenlight.events.KillSwitchSource;
import dev.greenlight.ledger.AuditLedgerApplication;
import dev.greenlight.ledger.verify.Ed25519Keys;
import dev.greenlight.ledger.verify.LedgerKey;
import dev.greenlight.ledger.verify.LedgerKeyRing;
import dev.greenlight.ledger.verify.OfflineLedgerVerifier;
import dev.greenlight.ledger.verify.VerificationReport;
import dev.greenlight.platform.kafka.EventPublisher;
import dev.greenlight.platform.registry.SchemaRegistryClient;
import dev.greenlight.platform.testing.InMemorySchemaRegistryClient;
import dev.greenlight.platform.topics.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatusCode;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A key rotation as an operator does it: the ledger runs with key A, stops, and restarts with key B
 * as signing key and A in the key history (retired at the restart). New checkpoints are signed by B;
 * the whole ledger (A's checkpoints and B's) verifies online and offline with the key ring the
 * service publishes, and not with B alone, which names A as unknown.
 */
@EmbeddedKafka
class KeyRotationIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    private final SchemaRegistryClient registry = new InMemorySchemaRegistryClient();
    private final KeyPair keyA = Ed25519Keys.generate();
    private final KeyPair keyB = Ed25519Keys.generate();
    private final List<String> common = new ArrayList<>();

    private ConfigurableApplicationContext start(String brokers, KeyPair keys, String name, String... extra)
            throws Exception {
        Path signing = Files.writeString(dir.resolve(name + ".pk8.b64"),
                Base64.getEncoder().encodeToString(keys.getPrivate().getEncoded()));
        Path pub = Files.writeString(dir.resolve(name + ".x509.b64"),
                Base64.getEncoder().encodeToString(keys.getPublic().getEncoded()));
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.jmx.enabled=false",
                "--spring.main.banner-mode=off", "--spring.kafka.bootstrap-servers=" + brokers,
                "--spring.kafka.streams.state-dir=" + dir.resolve("streams-" + name),
                "--greenlight.security.demo-users=true", "--greenlight.ledger.generate-key=false",
                "--greenlight.ledger.signing-key=" + signing, "--greenlight.ledger.public-key=" + pub,
                "--greenlight.ledger.checkpoint.every-entries=3", "--greenlight.ledger.checkpoint.every=1s",
                "--greenlight.ledger.poll-timeout=200ms"));
        args.addAll(List.of(extra));
        // One registry for both runs: the restarted service reads entries whose schema ids the first registered.
        return AuditLedgerApplication.builder()
                .initializers(context -> context.getBeanFactory().registerSingleton("schemaRegistryClient", registry))
                .run(args.toArray(String[]::new));
    }

    private static RestClient api(ConfigurableApplicationContext context, String token) {
        return RestClient.builder()
                .baseUrl("http://localhost:" + context.getEnvironment().getProperty("local.server.port")
                        + "/api/v1/ledger")
                .defaultHeaders(h -> {
                    if (token != null) {
                        h.setBearerAuth(token);
                    }
                }).build();
    }

    private static JsonNode get(ConfigurableApplicationContext context, String uri) {
        return JSON.readTree(api(context, "demo-bob").get().uri(uri).retrieve().body(String.class));
    }

    private static void publish(ConfigurableApplicationContext context, int from, int to) {
        EventPublisher publisher = context.getBean(EventPublisher.class);
        for (int i = from; i < to; i++) {
            publisher.publish(Topics.KILL_SWITCH, "rotation", KillSwitchActivated.newBuilder()
                    .setMeta(new EventMetadata(UUID.randomUUID().toString(), Instant.parse("2026-01-01T00:00:00Z"),
                            "bob"))
                    .setTarget("rotation").setReason("drill " + i).setActivatedBy("bob")
                    .setSource(KillSwitchSource.MANUAL).build());
        }
    }

    private static void awaitCheckpointed(ConfigurableApplicationContext context, long entries) {
        await().atMost(PATIENCE).until(() -> {
            JsonNode report = get(context, "/verify");
            return report.get("treeSize").asLong() == entries && report.get("uncheckpointed").asLong() == 0;
        });
    }

    @Test
    void afterARotationTheWholeLedgerVerifiesWithTheKeyRingAndNotWithTheNewKeyAlone(EmbeddedKafkaBroker broker)
            throws Exception {
        String brokers = broker.getBrokersAsString();
        String idA = Ed25519Keys.keyId(keyA.getPublic());
        String idB = Ed25519Keys.keyId(keyB.getPublic());
        try (ConfigurableApplicationContext first = start(brokers, keyA, "a")) {
            publish(first, 0, 6);
            awaitCheckpointed(first, 6);
            assertThat(get(first, "/checkpoints/latest").get("publicKeyId").asString()).isEqualTo(idA);
        }
        Instant rotated = Instant.now();
        Path history = Files.writeString(dir.resolve("ledger-key-history.json"), LedgerKeyRing.of(List.of(
                new LedgerKey(null, keyA.getPublic(), null, rotated, false))).toJson().toString());

        try (ConfigurableApplicationContext second = start(brokers, keyB, "b",
                "--greenlight.ledger.key-history=" + history)) {
            publish(second, 6, 12);
            awaitCheckpointed(second, 12);

            assertThat(get(second, "/checkpoints/latest").get("publicKeyId").asString())
                    .as("new checkpoints are signed with the new key").isEqualTo(idB);
            JsonNode online = get(second, "/verify");
            assertThat(online.get("ok").asBoolean()).as(online.toString()).isTrue();
            assertThat(online.get("checkpoints").asLong()).isGreaterThanOrEqualTo(2);

            JsonNode keys = get(second, "/public-key");
            assertThat(keys.get("keyId").asString()).as("the current key, as before").isEqualTo(idB);
            assertThat(keys.get("keys")).hasSize(2);
            assertThat(keys.get("keys").get(0).get("keyId").asString()).isEqualTo(idA);
            assertThat(keys.get("keys").get(0).get("validUntil").asString()).isEqualTo(rotated.toString());
            assertThat(keys.get("keys").get(0).get("current").asBoolean()).isFalse();
            assertThat(keys.get("keys").get(1).get("validFrom").asString()).isEqualTo(rotated.toString());
            assertThat(keys.get("keys").get(1).get("current").asBoolean()).isTrue();
            assertThat(get(second, "/keys")).isEqualTo(keys);

            HttpStatusCode anonymous = api(second, null).get().uri("/public-key")
                    .exchange((request, response) -> response.getStatusCode());
            assertThat(anonymous.value()).isEqualTo(401);

            Path export = Files.writeString(dir.resolve("ledger.jsonl"),
                    api(second, "demo-bob").get().uri("/export").retrieve().body(String.class));
            Path ringFile = Files.writeString(dir.resolve("ledger-keys.json"), keys.toString());

            VerificationReport withRing = new OfflineLedgerVerifier().verify(export, LedgerKeyRing.read(ringFile.toString()));
            VerificationReport withNewKeyOnly = new OfflineLedgerVerifier().verify(export, keyB.getPublic());

            assertThat(withRing.failure()).isEmpty();
            assertThat(withRing.entries()).isEqualTo(12);
            assertThat(withNewKeyOnly.failure()).hasValueSatisfying(failure ->
                    assertThat(failure.detail()).contains(idA).contains("not in the key ring"));
        }
    }
}
