package dev.greenlight.cli.e2e;

import static dev.greenlight.cli.e2e.WholeStack.awaitRelease;
import static dev.greenlight.cli.e2e.WholeStack.encode;
import static dev.greenlight.cli.e2e.WholeStack.get;
import static dev.greenlight.cli.e2e.WholeStack.now;
import static dev.greenlight.cli.e2e.WholeStack.post;
import static dev.greenlight.cli.e2e.WholeStack.postOk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.greenlight.cli.GreenlightCli;
import dev.greenlight.cli.stack.StackService;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * The Gate5 and RL suites' vocabulary over the public APIs: a CI job reporting checks and
 * metrics, people signing off, waiving and acknowledging, Alertmanager paging, the reference
 * deployer acknowledging commands, and the reads that show what the gate and the rollout made of it.
 * Everything is stamped with the stack clock, so evidence is as fresh as the scenario says.
 */
final class GateSteps {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private GateSteps() {
    }

    /** A release candidate as CI registers it; its author is alice, so others may sign it off. */
    static void register(String target, String version, String type, String revision) {
        postOk(StackService.CHECK_INGEST, "/api/v1/releases", "ci", """
                {"target": "%s", "version": "%s", "type": "%s", "revision": "%s", "author": "alice"}"""
                .formatted(target, version, type, revision));
    }

    /** One check result as JSON, for {@link #report}. */
    static String check(String target, String version, String revision, String name, String status,
                        Instant startedAt, Instant completedAt) {
        return """
                {"target": "%s", "version": "%s", "name": "%s", "status": "%s", "revision": "%s",
                 "startedAt": "%s", "completedAt": "%s", "url": "https://ci.example.com/%s/%s/%s"}"""
                .formatted(target, version, name, status, revision, startedAt, completedAt, target, version,
                        encode(name));
    }

    /** A check that ran for a minute and has just completed. */
    static String check(String target, String version, String revision, String name, String status) {
        Instant now = now();
        return check(target, version, revision, name, status, now.minusSeconds(60), now);
    }

    /** The same check report carrying structured details (a JSON object), e.g. the replay gate's fields. */
    static String withDetails(String check, String details) {
        return check.substring(0, check.lastIndexOf('}')) + ", \"details\": " + details + "}";
    }

    /** Reports checks in one batch: stored whole or not at all, so the gate sees them together. */
    static void report(List<String> checks) {
        postOk(StackService.CHECK_INGEST, "/api/v1/checks", "ci", "[" + String.join(",", checks) + "]");
    }

    static void report(String check) {
        report(List.of(check));
    }

    /** Target-wide metric samples observed now, as an exporter pushes them. */
    static void metrics(String target, Map<String, Double> samples) {
        Instant at = now();
        String batch = samples.entrySet().stream()
                .map(sample -> """
                        {"target": "%s", "name": "%s", "value": %s, "observedAt": "%s"}"""
                        .formatted(target, sample.getKey(), sample.getValue(), at))
                .collect(Collectors.joining(",", "[", "]"));
        postOk(StackService.CHECK_INGEST, "/api/v1/metrics", "ci", batch);
    }

    static void approve(String user, String target, String version, String role, String comment) {
        postOnceKnown(StackService.APPROVAL, "/api/v1/approvals", user, """
                {"target": "%s", "version": "%s", "role": "%s", "verdict": "APPROVE", "comment": "%s"}"""
                .formatted(target, version, role, comment));
    }

    static void waive(String user, String role, String target, String version, String criterion, String rationale) {
        postOnceKnown(StackService.APPROVAL, "/api/v1/waivers", user, """
                {"target": "%s", "version": "%s", "criterion": "%s", "role": "%s", "rationale": "%s"}"""
                .formatted(target, version, criterion, role, rationale));
    }

    /** On-call coverage of the target's deployments in {@code [from, until)}, acknowledged by erin. */
    static void onCallAck(String target, Instant from, Instant until) {
        postOk(StackService.APPROVAL, "/api/v1/acks", "erin", """
                {"target": "%s", "windowStart": "%s", "windowEnd": "%s"}""".formatted(target, from, until));
    }

    /** One Alertmanager notification (payload version 4) about {@code target}. */
    static void alert(String target, String alertName, String severity, String fingerprint, String status,
                      Instant startsAt, Instant endsAt) {
        postOk(StackService.CHECK_INGEST, "/webhooks/alertmanager", "alertmanager", """
                {"version": "4", "status": "%s", "receiver": "greenlight", "groupKey": "{}", "alerts": [
                  {"status": "%s", "labels": {"alertname": "%s", "service": "%s", "severity": "%s"},
                   "annotations": {"summary": "%s on %s"}, "startsAt": "%s", "endsAt": "%s",
                   "fingerprint": "%s"}]}"""
                .formatted(status, status, alertName, target, severity, alertName, target, startsAt,
                        endsAt == null ? "0001-01-01T00:00:00Z" : endsAt, fingerprint));
    }

    /**
     * The approval service learns of a release from the releases topic; right after registration
     * it may not know it yet (404/503), which a person would simply retry.
     */
    private static void postOnceKnown(StackService service, String path, String user, String body) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            WholeStack.Reply reply = post(service, path, user, body);
            assertThat(reply.status()).as("POST %s %s -> %s", service, path, reply.body()).isBetween(200, 299);
        });
    }

    /** Waits until the gate shows {@code outcome} for the stage and {@code also} holds; returns the stage. */
    static JsonNode awaitStage(String target, String version, String stage, String outcome,
                               Predicate<JsonNode> also) {
        JsonNode view = awaitRelease(target, version, v -> {
            JsonNode decided = WholeStack.stage(v, stage);
            return decided != null && outcome.equals(decided.path("outcome").asString()) && also.test(decided);
        });
        return WholeStack.stage(view, stage);
    }

    static JsonNode awaitStage(String target, String version, String stage, String outcome) {
        return awaitStage(target, version, stage, outcome, decided -> true);
    }

    /** The named criterion of a stage decision, or a missing node. */
    static JsonNode criterion(JsonNode stageDecision, String name) {
        for (JsonNode each : stageDecision.path("criteria")) {
            if (name.equals(each.path("name").asString())) {
                return each;
            }
        }
        return MissingNode.getInstance();
    }

    static String status(JsonNode stageDecision, String criterion) {
        return criterion(stageDecision, criterion).path("status").asString(null);
    }

    /** Names of the criteria of a stage decision with the given status. */
    static List<String> criteriaWith(JsonNode stageDecision, String status) {
        List<String> names = new ArrayList<>();
        for (JsonNode each : stageDecision.path("criteria")) {
            if (status.equals(each.path("status").asString())) {
                names.add(each.path("name").asString());
            }
        }
        return names;
    }

    static List<String> missing(JsonNode stageDecision) {
        List<String> names = new ArrayList<>();
        stageDecision.path("missing").forEach(each -> names.add(each.asString()));
        return names;
    }

    /** The rollout controller's view of the target, once it satisfies {@code until}. */
    static JsonNode awaitRollout(String target, Predicate<JsonNode> until) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            WholeStack.Reply reply = get(StackService.ROLLOUT_CONTROLLER, "/api/v1/rollouts/" + encode(target), "bob");
            last[0] = reply.status() == 200 ? reply.json() : null;
            return last[0] != null && until.test(last[0]);
        });
        return last[0];
    }

    /** One rollout of a target's status view, or a missing node. */
    static JsonNode rolloutOf(JsonNode targetStatus, String version) {
        for (JsonNode each : targetStatus.path("rollouts")) {
            if (version.equals(each.path("version").asString())) {
                return each;
            }
        }
        return MissingNode.getInstance();
    }

    /**
     * The reference deployer ({@code greenlight follow}) applies and acknowledges the target's next
     * {@code commands} deployment commands. Deployers speak the commands topic, not REST: this is
     * the one step of the suites that is not a REST call, exactly as in production.
     */
    static String deployerApplies(String target, int commands) {
        StringWriter printed = new StringWriter();
        CommandLine follow = new CommandLine(new GreenlightCli());
        follow.setOut(new PrintWriter(printed, true));
        int exit = assertTimeoutPreemptively(Duration.ofSeconds(120), () -> follow.execute("follow",
                "--bootstrap-servers", WholeStack.stack().bootstrapServers(),
                "--kafka-credentials", WholeStack.stack().kafkaCredentials().file().toString(),
                "--registry-url", WholeStack.stack().registryUrl(), "--clock-url", WholeStack.stack().clockUrl(),
                "--target", target, "--deployer-id", "e2e-deployer", "--max-commands", String.valueOf(commands)));
        assertThat(exit).as(printed.toString()).isZero();
        return printed.toString();
    }

    /** {@code POST /api/v1/ledger/what-if} with a candidate policy document, as bob (auditor). */
    static JsonNode whatIf(String policyYaml, String release) {
        String url = WholeStack.stack().serviceUrl(StackService.AUDIT_LEDGER) + "/api/v1/ledger/what-if?release="
                + encode(release);
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer demo-bob")
                .header("Accept", "application/json")
                .header("Content-Type", "application/yaml")
                .POST(HttpRequest.BodyPublishers.ofString(policyYaml))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return new WholeStack.Reply(response.statusCode(), response.body()).json();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A shipped policy document, as the stack loaded it from the repository's {@code policies/}. */
    static String shippedPolicy(String fileName) {
        Path file = Path.of(System.getProperty("greenlight.home", "..")).resolve("policies").resolve(fileName);
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many ledger entries of {@code type} the target has. */
    static int ledgerEntries(String target, String type) {
        return get(StackService.AUDIT_LEDGER, "/api/v1/ledger/entries?release=" + encode(target) + "&type="
                + encode(type) + "&size=1", "bob").json().path("total").asInt();
    }
}
