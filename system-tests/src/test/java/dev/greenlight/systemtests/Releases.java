package dev.greenlight.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/**
 * A release's steps through the public APIs, each as the users-file user a pipeline or a person
 * would be: CI registers and reports checks, three people sign off (policy {@code ops-release},
 * targets {@code agent-orchestration-ops*}), an auditor reads the gate and the rollouts.
 */
final class Releases {

    static final Duration PATIENCE = Duration.ofMinutes(6);
    private final ProductionStack stack;

    Releases(ProductionStack stack) {
        this.stack = stack;
    }

    /** Registers a minor release replacing 1.3.0 (a first release counts as MAJOR: management would have to sign). */
    void register(String target, String version, String revision) {
        ok("check-ingest", "/api/v1/releases", "ci", """
                {"target": "%s", "version": "%s", "type": "CONFIG", "revision": "%s", "author": "alice",
                 "previousVersion": "1.3.0"}""".formatted(target, version, revision));
    }

    void everyCheckPasses(String target, String version, String revision) {
        Instant completed = Instant.now().minusSeconds(60);
        StringBuilder batch = new StringBuilder("[");
        for (String name : new String[] {"readiness:agents", "alerts:validate", "runbooks:index", "security-scan",
            "changelog", "operational-validation", "tabletop-drill"}) {
            batch.append(batch.length() > 1 ? "," : "").append("""
                    {"target": "%s", "version": "%s", "name": "%s", "status": "PASS", "revision": "%s",
                     "startedAt": "%s", "completedAt": "%s"}""".formatted(target, version, name, revision,
                    completed.minusSeconds(600), completed));
        }
        ok("check-ingest", "/api/v1/checks", "ci", batch.append("]").toString());
    }

    void approve(String user, String target, String version, String role) {
        ok("approval", "/api/v1/approvals", user, """
                {"target": "%s", "version": "%s", "role": "%s", "verdict": "APPROVE"}""".formatted(target, version, role));
    }

    /** Posts and insists on 2xx (the fixture steps, not what a test asserts). */
    ProductionStack.Reply ok(String service, String path, String user, String json) {
        ProductionStack.Reply reply = stack.call("POST", service, path, user, json);
        assertThat(reply.status()).as("POST %s %s -> %s", service, path, reply.body()).isBetween(200, 299);
        return reply;
    }

    JsonNode awaitOutcome(String target, String version, String stage, String outcome) {
        return awaitRelease(target, version, view -> outcome.equals(outcome(view, stage)));
    }

    JsonNode awaitRelease(String target, String version, Predicate<JsonNode> until) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            ProductionStack.Reply reply = stack.call("GET", "gate-evaluator",
                    "/api/v1/releases/" + target + "/" + version, "aude", null);
            last[0] = reply.status() == 200 ? ProductionPathIT.JSON.readTree(reply.body()) : null;
            assertThat(last[0] != null && until.test(last[0])).as("gate view of %s@%s: %s %s", target, version,
                    reply.status(), reply.body()).isTrue();
        });
        return last[0];
    }

    JsonNode awaitRollout(String target, String version, Predicate<JsonNode> until) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            ProductionStack.Reply reply = stack.call("GET", "rollout-controller", "/api/v1/rollouts/" + target, "aude",
                    null);
            last[0] = null;
            if (reply.status() == 200) {
                for (JsonNode each : ProductionPathIT.JSON.readTree(reply.body()).path("rollouts")) {
                    if (version.equals(each.path("version").asString(""))) {
                        last[0] = each;
                    }
                }
            }
            assertThat(last[0] != null && until.test(last[0])).as("rollouts of %s: %s %s", target, reply.status(),
                    reply.body()).isTrue();
        });
        return last[0];
    }

    static String outcome(JsonNode view, String stage) {
        for (JsonNode each : view.path("decisions")) {
            if (stage.equals(each.path("stage").asString())) {
                return each.path("outcome").asString(null);
            }
        }
        return null;
    }
}
