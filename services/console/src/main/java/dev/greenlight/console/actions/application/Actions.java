package dev.greenlight.console.actions.application;

import dev.greenlight.console.signin.application.ConsoleUser;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import tools.jackson.databind.json.JsonMapper;

/**
 * What people can do from the console, each mapped to the one existing API call that does it:
 * sign-offs, waivers, the kill switch, rollout control and holds. The console adds no rule of its
 * own and skips none: the called service decides, and its answer (refusal reason included) is what
 * the page shows.
 */
public class Actions {

    /** The rollout commands the rollout-controller's API takes. */
    public static final Set<String> ROLLOUT_COMMANDS = Set.of("promote", "pause", "resume", "abort");

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String JSON_TYPE = "application/json";

    private final ServiceApi api;

    public Actions(ServiceApi api) {
        this.api = api;
    }

    public ApiAnswer signOff(ConsoleUser user, String target, String version, String role, String verdict,
            String comment) {
        Map<String, Object> body = body("target", target, "version", version, "role", role, "verdict", verdict);
        if (comment != null && !comment.isBlank()) {
            body.put("comment", comment);
        }
        return api.call(user, Service.APPROVAL, "POST", "/api/v1/approvals", JSON_TYPE, json(body));
    }

    public ApiAnswer waive(ConsoleUser user, String target, String version, String criterion, String rationale) {
        return api.call(user, Service.APPROVAL, "POST", "/api/v1/waivers", JSON_TYPE,
                json(body("target", target, "version", version, "criterion", criterion, "rationale", rationale)));
    }

    public ApiAnswer killSwitch(ConsoleUser user, String target, String action, String reason) {
        return api.call(user, Service.APPROVAL, "POST", "/api/v1/kill-switch", JSON_TYPE,
                json(body("target", target, "action", action, "reason", reason)));
    }

    public ApiAnswer rollout(ConsoleUser user, String target, String version, String command, String reason) {
        if (!ROLLOUT_COMMANDS.contains(command)) {
            throw new IllegalArgumentException("unknown rollout command: " + command);
        }
        return api.call(user, Service.ROLLOUT_CONTROLLER, "POST",
                "/api/v1/rollouts/" + path(target) + "/" + path(version) + "/" + command, JSON_TYPE,
                json(body("reason", reason)));
    }

    public ApiAnswer placeHold(ConsoleUser user, String name, String target, String reason) {
        return api.call(user, Service.APPROVAL, "POST", "/api/v1/holds", JSON_TYPE,
                json(body("name", name, "target", target, "reason", reason)));
    }

    public ApiAnswer liftHold(ConsoleUser user, String holdId, String reason) {
        return api.call(user, Service.APPROVAL, "DELETE", "/api/v1/holds/" + path(holdId)
                + (reason == null || reason.isBlank() ? "" : "?reason=" + query(reason)), null, null);
    }

    /** The notifications the integrations service gave up on (newest first), as the person. */
    public ApiAnswer deliveryFailures(ConsoleUser user) {
        return api.call(user, Service.INTEGRATIONS, "GET", "/api/v1/deliveries/failures", null, null);
    }

    /** The ledger's full verification, as the person. */
    public ApiAnswer verifyLedger(ConsoleUser user) {
        return api.call(user, Service.AUDIT_LEDGER, "GET", "/api/v1/ledger/verify", null, null);
    }

    /** The ledger's key ring (every key it signed checkpoints with), as the person. */
    public ApiAnswer ledgerKeys(ConsoleUser user) {
        return api.call(user, Service.AUDIT_LEDGER, "GET", "/api/v1/ledger/keys", null, null);
    }

    /** The whole ledger export (JSON Lines), line by line as it streams, as the person. */
    public ApiAnswer ledgerExport(ConsoleUser user, Consumer<String> lines) {
        return api.streamLines(user, Service.AUDIT_LEDGER, "/api/v1/ledger/export", lines);
    }

    /** The ledger's what-if: {@code candidate} (policy YAML) against recorded history. */
    public ApiAnswer whatIf(ConsoleUser user, String candidate, String release) {
        String query = release == null || release.isBlank() ? "" : "?release=" + query(release);
        return api.call(user, Service.AUDIT_LEDGER, "POST", "/api/v1/ledger/what-if" + query, "application/yaml",
                candidate);
    }

    /** A document the ledger serves (evidence bundle, attestation, export), fetched as the person. */
    public ApiAnswer ledgerDocument(ConsoleUser user, String pathAndQuery) {
        return api.call(user, Service.AUDIT_LEDGER, "GET", pathAndQuery, null, null);
    }

    /** A path segment, percent-encoded. */
    public static String path(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A query value, percent-encoded. */
    public static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }


    private static Map<String, Object> body(String... pairs) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            body.put(pairs[i], pairs[i + 1]);
        }
        return body;
    }

    private static String json(Map<String, Object> body) {
        return JSON.writeValueAsString(body);
    }
}
