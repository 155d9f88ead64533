package dev.greenlight.integrations.github.web;

import dev.greenlight.integrations.IntegrationsProperties;
import dev.greenlight.integrations.common.domain.HmacSha256;
import dev.greenlight.integrations.github.application.GitHubGate;
import dev.greenlight.integrations.github.domain.ProtectionRequest;
import dev.greenlight.integrations.github.domain.RepositoryMap;
import dev.greenlight.platform.web.ApiProblems;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * GitHub's {@code deployment_protection_rule} webhook: a deployment to an environment that has
 * Greenlight's App as a custom protection rule waits until Greenlight reviews it. No bearer token —
 * the delivery is authenticated by its {@code X-Hub-Signature-256} (HMAC-SHA256 of the exact body under
 * the App's webhook secret); without a valid signature it is refused with 401 and nothing is kept or
 * sent. The repository maps to a release target and the environment to a stage (configuration); the
 * deployment's SHA is matched to the release registered with that revision.
 */
@RestController
@ConditionalOnProperty(name = "greenlight.integrations.github.enabled", havingValue = "true")
class DeploymentProtectionWebhook {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final GitHubGate gate;
    private final RepositoryMap map;
    private final String secret;

    DeploymentProtectionWebhook(GitHubGate gate, RepositoryMap map, IntegrationsProperties properties) {
        this.gate = gate;
        this.map = map;
        this.secret = properties.github().webhookSecret();
    }

    @PostMapping("/webhooks/github/deployment-protection")
    ResponseEntity<?> receive(@RequestBody(required = false) byte[] body,
                              @RequestHeader(name = "X-Hub-Signature-256", required = false) String signature,
                              @RequestHeader(name = "X-GitHub-Event", required = false) String event) {
        byte[] bytes = body == null ? new byte[0] : body;
        if (!HmacSha256.verifies(secret, bytes, signature)) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(ApiProblems.of(HttpStatus.UNAUTHORIZED,
                    "Bad signature", "X-Hub-Signature-256 is missing or does not sign this body; nothing was kept"));
        }
        if ("ping".equals(event)) {
            return ResponseEntity.ok(Map.of("status", "pong"));
        }
        JsonNode payload;
        try {
            payload = JSON.readTree(bytes);
        } catch (JacksonException e) {
            return ResponseEntity.badRequest().body(ApiProblems.of(HttpStatus.BAD_REQUEST, "Unreadable payload",
                    "the signed body is not JSON"));
        }
        if (!"deployment_protection_rule".equals(event) || !"requested".equals(payload.path("action").asString())) {
            return ResponseEntity.accepted().body(Map.of("status", "ignored"));
        }
        String repository = payload.path("repository").path("full_name").asString();
        String environment = payload.path("environment").asString();
        Optional<String> target = map.target(repository);
        Optional<String> stage = map.stage(environment);
        if (target.isEmpty() || stage.isEmpty()) {
            return ResponseEntity.unprocessableContent().body(ApiProblems.of(HttpStatus.UNPROCESSABLE_CONTENT,
                    "Not mapped", "repository " + repository + " or environment " + environment
                            + " is not mapped to a Greenlight target and stage (greenlight.integrations.github)"));
        }
        ProtectionRequest request = new ProtectionRequest(target.get(), stage.get(),
                payload.path("deployment").path("sha").asString().toLowerCase(Locale.ROOT), environment,
                URI.create(payload.path("deployment_callback_url").asString()),
                payload.path("installation").path("id").asLong());
        boolean answered = gate.requested(request);
        return ResponseEntity.accepted().body(Map.of("status", answered ? "answered" : "waiting",
                "target", target.get(), "stage", stage.get()));
    }
}
