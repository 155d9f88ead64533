package dev.greenlight.cli.e2e;

import static dev.greenlight.cli.e2e.WholeStack.encode;
import static dev.greenlight.cli.e2e.WholeStack.get;
import static dev.greenlight.cli.e2e.WholeStack.now;
import static dev.greenlight.cli.e2e.WholeStack.postOk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.greenlight.cli.stack.StackService;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/**
 * The runbook steps the trading and operations suites take, each one public REST call as CI, a
 * monitor or a person would make it: register, report checks and metrics, sign off, and watch the
 * rollout controller. Evidence is stamped with the stack's simulated now.
 */
final class RunbookSteps {

    static final String AUTHOR = "alice";

    private RunbookSteps() {
    }

    static void register(String target, String version, String type, String revision) {
        postOk(StackService.CHECK_INGEST, "/api/v1/releases", "ci", """
                {"target": "%s", "version": "%s", "type": "%s", "revision": "%s", "author": "%s"}"""
                .formatted(target, version, type, revision, AUTHOR));
    }

    /** Registers a release that replaces {@code previousVersion}, as a pipeline that knows what runs states. */
    static void register(String target, String version, String type, String revision, String previousVersion) {
        postOk(StackService.CHECK_INGEST, "/api/v1/releases", "ci", """
                {"target": "%s", "version": "%s", "type": "%s", "revision": "%s", "author": "%s",
                 "previousVersion": "%s"}"""
                .formatted(target, version, type, revision, AUTHOR, previousVersion));
    }

    /**
     * Registers a release as {@code user} rather than CI: a release type the policy restricts
     * (HOTFIX) is declared by a person allowed to; {@code previousVersion} may be null.
     */
    static void registerAs(String user, String target, String version, String type, String revision,
                           String previousVersion) {
        postOk(StackService.CHECK_INGEST, "/api/v1/releases", user, """
                {"target": "%s", "version": "%s", "type": "%s", "revision": "%s", "author": "%s"%s}"""
                .formatted(target, version, type, revision, AUTHOR,
                        previousVersion == null ? "" : ", \"previousVersion\": \"" + previousVersion + "\""));
    }

    /** CI reports checks of the release's revision, all with {@code status}, as one batch. */
    static void checks(String target, String version, String revision, String status, String... names) {
        Instant completed = now().minusSeconds(60);
        StringBuilder batch = new StringBuilder("[");
        for (String name : names) {
            batch.append(batch.length() > 1 ? "," : "").append("""
                    {"target": "%s", "version": "%s", "name": "%s", "status": "%s", "revision": "%s",
                     "startedAt": "%s", "completedAt": "%s"}""".formatted(target, version, name, status, revision,
                    completed.minusSeconds(600), completed));
        }
        postOk(StackService.CHECK_INGEST, "/api/v1/checks", "ci", batch.append("]").toString());
    }

    /** A monitor reports one sample of a version's metric. */
    static void metric(String target, String version, String name, double value) {
        postOk(StackService.CHECK_INGEST, "/api/v1/metrics", "ci", """
                {"target": "%s", "version": "%s", "name": "%s", "value": %s, "observedAt": "%s"}"""
                .formatted(target, version, name, value, now()));
    }

    /** {@code user} signs the release off in {@code role}. */
    static void approve(String user, String target, String version, String role) {
        postOk(StackService.APPROVAL, "/api/v1/approvals", user, """
                {"target": "%s", "version": "%s", "role": "%s", "verdict": "APPROVE"}"""
                .formatted(target, version, role));
    }

    /**
     * The gate's view of a release once it satisfies {@code until}; unlike a bare wait, a timeout
     * shows the last view, so a failing runbook step says what the gate decided instead.
     */
    static JsonNode awaitDecision(String target, String version, Predicate<JsonNode> until) {
        String path = "/api/v1/releases/" + encode(target) + "/" + encode(version);
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            WholeStack.Reply reply = get(StackService.GATE_EVALUATOR, path, "bob");
            last[0] = reply.status() == 200 ? reply.json() : null;
            assertThat(last[0] != null && until.test(last[0])).as("gate view of %s@%s: %s", target, version,
                    reply.body()).isTrue();
        });
        return last[0];
    }

    /** The criterion's entry of a stage view, or an empty node. */
    static JsonNode criterion(JsonNode stageView, String name) {
        for (JsonNode each : stageView.path("criteria")) {
            if (name.equals(each.path("name").asString(""))) {
                return each;
            }
        }
        return stageView.path("criteria").path(Integer.MAX_VALUE);
    }

    /** The rollout controller's view of a target once it satisfies {@code until}. */
    static JsonNode awaitTarget(String target, Predicate<JsonNode> until) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            WholeStack.Reply reply = get(StackService.ROLLOUT_CONTROLLER, "/api/v1/rollouts/" + encode(target), "bob");
            last[0] = reply.status() == 200 ? reply.json() : null;
            assertThat(last[0] != null && until.test(last[0])).as("rollouts of %s: %s", target, reply.body()).isTrue();
        });
        return last[0];
    }

    /** The rollout of one version once it satisfies {@code until}. */
    static JsonNode awaitRollout(String target, String version, Predicate<JsonNode> until) {
        return rollout(awaitTarget(target, view -> until.test(rollout(view, version))), version);
    }

    /**
     * Waits until the version runs {@code stage} at {@code traffic} and the deployer has applied it:
     * soaking for an intermediate stage, watched after promotion or completed for the last one.
     */
    static JsonNode awaitApplied(String target, String version, String stage, int traffic) {
        return awaitRollout(target, version, r -> stage.equals(r.path("stage").asString(""))
                && r.path("trafficPercent").asInt(-1) == traffic
                && ("COMPLETED".equals(r.path("status").asString(""))
                || "WATCHING".equals(r.path("status").asString(""))
                || r.path("nextStep").asString("").startsWith("soaking")));
    }

    /** The rollout of {@code version} in a target view, or an empty node. */
    static JsonNode rollout(JsonNode targetView, String version) {
        for (JsonNode each : targetView.path("rollouts")) {
            if (version.equals(each.path("version").asString(""))) {
                return each;
            }
        }
        return targetView.path("rollouts").path(Integer.MAX_VALUE);
    }

    /** Lets simulated time pass until just after {@code instant} (a soak's end, a deadline). */
    static Instant advancePast(Instant instant) {
        Duration gap = Duration.between(now(), instant);
        return WholeStack.advance((gap.isNegative() ? Duration.ZERO : gap).plusMinutes(1));
    }
}
