package dev.greenlight.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.platform.testing.HostileInput;
import dev.greenlight.platform.testing.InMemoryRegistryConfiguration;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Fault suite, hostile HTTP input: every endpoint of the integrations service — subscriptions,
 * delivery failures and GitHub's deployment protection webhook (validly signed, so its parsing is
 * exercised) — called with the shared corpus of malformed, oversized, mistyped and unicode-tricked
 * requests: each refused with a 4xx naming the field, none a 5xx, and nothing written to any topic.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=" + IntegrationsApplication.CONFIG_NAME,
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "greenlight.security.demo-users=true",
        "greenlight.integrations.console-url=http://console.test",
        "greenlight.integrations.github.enabled=true",
        "greenlight.integrations.github.app-id=123",
        "greenlight.integrations.github.installation-id=42",
        "greenlight.integrations.github.api-url=http://localhost:9/api/v3",
        "greenlight.integrations.github.webhook-secret=" + HostileInputIT.SECRET,
        "greenlight.integrations.github.repositories.ict-qm=acme/ict-qm",
        "greenlight.integrations.github.environments.production=live-100"})
@EmbeddedKafka
@Import(InMemoryRegistryConfiguration.class)
class HostileInputIT {

    static final String SECRET = "hostile-input-webhook-secret";

    @DynamicPropertySource
    static void github(DynamicPropertyRegistry registry) throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        registry.add("greenlight.integrations.github.private-key", () -> pem);
    }

    @LocalServerPort
    int port;
    @Value("${spring.embedded.kafka.brokers}")
    String brokers;
    @Autowired
    ApplicationContext context;

    @Test
    void everyEndpointRefusesTheHostileCorpusWithA4xxAndWritesNothing() {
        int sent = HostileInput.against(context, port, "demo-alice", brokers)
                .endpoint("GET /api/v1/subscriptions", e -> e)
                .endpoint("POST /api/v1/subscriptions", e -> e.json("""
                        {"target": "payments-*", "kinds": ["DECISION_CHANGED"], "channel": "webhook",
                         "url": "https://hooks.example.com/greenlight", "secret": "s3cret-s3cret-s3cret"}""")
                        .identifiers("target", "channel", "url").required("kinds"))
                .endpoint("DELETE /api/v1/subscriptions/{id}", e -> e)
                .endpoint("DELETE /api/v1/subscriptions/policy/{policy}/{rule}", e -> e)
                .endpoint("GET /api/v1/deliveries/failures", e -> e.token("demo-dave"))
                .endpoint("POST /webhooks/github/deployment-protection", e -> e.unauthenticated()
                        .headers("X-GitHub-Event: deployment_protection_rule\r\n")
                        .signedBy(body -> "X-Hub-Signature-256: " + signature(body) + "\r\n")
                        .json("""
                        {"action": "requested", "environment": "production", "event": "deployment",
                         "deployment_callback_url": "http://localhost:9/api/v3/repos/acme/ict-qm/actions/runs/77/x",
                         "deployment": {"id": 1, "sha": "0123456789abcdef0123456789abcdef01234567",
                         "environment": "production"},
                         "repository": {"full_name": "acme/ict-qm"}, "installation": {"id": 42}}""")
                        .required("deployment", "repository"))
                .sweep();

        assertThat(sent).isGreaterThan(150);
    }

    private static String signature(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
