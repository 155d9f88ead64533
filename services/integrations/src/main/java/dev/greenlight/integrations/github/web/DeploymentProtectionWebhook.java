package dev.greenlight.integrations.github.web;

import dev.greenlight.integrations.IntegrationsProperties;
import dev.greenlight.integrations.common.domain.HmacSha256;
import dev.greenlight.integrations.github.application.GitHubGate;
import dev.greenlight.integrations.github.domain.ProtectionRequest;
import dev.greenlight.integrations.github.domain.RepositoryMap;
import dev.greenlight.platform.web.ApiProblems;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
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
    private final URI apiUrl;

    DeploymentProtectionWebhook(GitHubGate gate, RepositoryMap map, IntegrationsProperties properties) {
        this.gate = gate;
        this.map = map;
        this.secret = properties.github().webhookSecret();
        this.apiUrl = properties.github().apiUrl();
    }

    /** A field of a signed delivery that is missing or of the wrong shape: 400 naming it, nothing kept. */
    private static final class BadField extends RuntimeException {
        private final String field;

        BadField(String field, String detail) {
            super(detail, null, false, false);
            this.field = field;
        }
    }

    @ExceptionHandler(BadField.class)
    ResponseEntity<ProblemDetail> badField(BadField e) {
        return ResponseEntity.badRequest().body(ApiProblems.invalidField(e.getMessage(), e.field));
    }

    /** GitHub delivers JSON ({@code application/json}, the webhook's content type to choose); any other body is 415. */
    @PostMapping(path = "/webhooks/github/deployment-protection", consumes = MediaType.APPLICATION_JSON_VALUE)
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
        if (payload == null || !payload.isObject()) {
            throw new BadField("body", "the signed body must be a JSON object");
        }
        String action = text(payload, "action");
        if (!"deployment_protection_rule".equals(event) || !"requested".equals(action)) {
            return ResponseEntity.accepted().body(Map.of("status", "ignored"));
        }
        text(payload, "event"); // what triggered the deployment ("deployment"): not used, but of its documented shape
        String repository = text(object(payload, "repository"), "repository.full_name", "full_name");
        String environment = text(payload, "environment");
        String sha = text(object(payload, "deployment"), "deployment.sha", "sha");
        if (!sha.matches("[0-9a-fA-F]{40}|[0-9a-fA-F]{64}")) {
            throw new BadField("deployment.sha", "deployment.sha must be a commit SHA (40 or 64 hex digits)");
        }
        URI callback = callback(text(payload, "deployment_callback_url"));
        JsonNode installation = object(payload, "installation").path("id");
        if (!installation.isIntegralNumber() || !installation.canConvertToLong() || installation.asLong() <= 0) {
            throw new BadField("installation.id", "installation.id must be a positive integer");
        }
        Optional<String> target = map.target(repository);
        Optional<String> stage = map.stage(environment);
        if (target.isEmpty() || stage.isEmpty()) {
            return ResponseEntity.unprocessableContent().body(ApiProblems.of(HttpStatus.UNPROCESSABLE_CONTENT,
                    "Not mapped", "repository " + repository + " or environment " + environment
                            + " is not mapped to a Greenlight target and stage (greenlight.integrations.github)"));
        }
        ProtectionRequest request = new ProtectionRequest(target.get(), stage.get(), sha.toLowerCase(Locale.ROOT),
                environment, callback, installation.asLong());
        boolean answered = gate.requested(request);
        return ResponseEntity.accepted().body(Map.of("status", answered ? "answered" : "waiting",
                "target", target.get(), "stage", stage.get()));
    }

    private static String text(JsonNode parent, String field) {
        return text(parent, field, field);
    }

    private static String text(JsonNode parent, String path, String field) {
        JsonNode value = parent.path(field);
        if (!value.isString() || value.asString().isBlank() || value.asString().length() > 1024) {
            throw new BadField(path, path + " must be a non-empty string of at most 1024 characters");
        }
        return value.asString();
    }

    private static JsonNode object(JsonNode parent, String field) {
        JsonNode value = parent.path(field);
        if (!value.isObject()) {
            throw new BadField(field, field + " must be an object");
        }
        return value;
    }

    /**
     * The URL the review is posted to with an installation token: it must lie under the configured
     * GitHub API, so even a delivery signed with a leaked webhook secret cannot send the token elsewhere.
     */
    private URI callback(String text) {
        URI uri;
        try {
            uri = new URI(text).normalize();
        } catch (URISyntaxException e) {
            throw new BadField("deployment_callback_url", "deployment_callback_url is not a URL");
        }
        String base = apiUrl.toString().endsWith("/") ? apiUrl.toString() : apiUrl + "/";
        if (!uri.isAbsolute() || uri.getRawUserInfo() != null || !uri.toString().startsWith(base)) {
            throw new BadField("deployment_callback_url", "deployment_callback_url must be a URL under the"
                    + " configured GitHub API " + apiUrl);
        }
        return uri;
    }
}
