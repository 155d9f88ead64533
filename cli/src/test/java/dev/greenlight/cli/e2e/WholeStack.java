package dev.greenlight.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.greenlight.cli.stack.LocalStack;
import dev.greenlight.cli.stack.PortInUseException;
import dev.greenlight.cli.stack.StackClock;
import dev.greenlight.cli.stack.StackConfig;
import dev.greenlight.cli.stack.StackService;
import dev.greenlight.cli.stack.StackStartException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.function.Predicate;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One whole Greenlight stack (real in-process broker, registry, the five services) shared by every
 * end-to-end suite of the test run: starting it costs half a minute, so the runbook suites take
 * turns on it, each with its own targets. Its {@link StackClock} starts at the real now and only
 * ever moves forward: suites {@link #advance} it to let soak times and validation windows pass.
 *
 * <p>Suites talk to the stack through its public REST APIs only ({@link #call}), with the demo
 * users' tokens ({@code demo-<name>}), exactly as a CI job or an operator would.
 */
public final class WholeStack implements BeforeAllCallback {

    /** 180 s; a machine shared by many builds may need more: {@code -Dgreenlight.e2e.start-timeout-seconds=600}. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(
            Long.getLong("greenlight.e2e.start-timeout-seconds", 180));
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private static LocalStack stack;

    @Override
    public void beforeAll(ExtensionContext context) {
        synchronized (WholeStack.class) {
            if (stack == null) {
                stack = start();
                // Closed once, when the whole test run ends, whichever suite started it.
                context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                        .put(WholeStack.class, (AutoCloseable) WholeStack::stop);
            }
        }
    }

    private static LocalStack start() {
        // Free ports are chosen, released, then bound: another process on a shared CI machine can
        // take one in between. That is the machine's race, not a finding, so it earns a new draw.
        for (int attempt = 1; ; attempt++) {
            Path dataDir = tempDir();
            try {
                LocalStack started = new LocalStack(StackConfig.withFreePorts(dataDir),
                        new StackClock(InstantSource.system(), null, 1)).start(START_TIMEOUT);
                started.waitUntilHealthy(START_TIMEOUT);
                return started;
            } catch (StackStartException e) {
                FileSystemUtils.deleteRecursively(dataDir.toFile());
                if (attempt == 3 || !portClash(e)) {
                    throw e;
                }
            }
        }
    }

    private static boolean portClash(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PortInUseException || t instanceof java.net.BindException) {
                return true;
            }
        }
        return false;
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("greenlight-e2e");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized void stop() {
        if (stack != null) {
            Path dataDir = stack.config().dataDir();
            stack.close();
            stack = null;
            FileSystemUtils.deleteRecursively(dataDir.toFile());
        }
    }

    public static LocalStack stack() {
        if (stack == null) {
            throw new IllegalStateException("annotate the suite with @ExtendWith(WholeStack.class)");
        }
        return stack;
    }

    /** The stack's simulated now: evidence is stamped with it, as a monitor in that world would. */
    public static Instant now() {
        return stack().clock().instant();
    }

    /** Makes {@code by} of simulated time pass at once for every service. */
    public static Instant advance(Duration by) {
        return stack().clock().advance(by);
    }

    /** A REST call as user {@code demo-<user>}; the response with its status and parsed JSON body. */
    public static Reply call(String method, StackService service, String path, String user, String jsonBody) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack().serviceUrl(service) + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer demo-" + user)
                .header("Accept", "application/json");
        if (jsonBody == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(jsonBody));
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static Reply get(StackService service, String path, String user) {
        return call("GET", service, path, user, null);
    }

    public static Reply post(StackService service, String path, String user, String jsonBody) {
        return call("POST", service, path, user, jsonBody);
    }

    /** Posts and insists on success: the fixture steps of a scenario, not what it asserts. */
    public static JsonNode postOk(StackService service, String path, String user, String jsonBody) {
        Reply reply = post(service, path, user, jsonBody);
        assertThat(reply.status()).as("POST %s %s -> %s", service, path, reply.body()).isBetween(200, 299);
        return reply.json();
    }

    /** The gate's current decision view of a release (every stage), once it satisfies {@code until}. */
    public static JsonNode awaitRelease(String target, String version, Predicate<JsonNode> until) {
        String path = "/api/v1/releases/" + encode(target) + "/" + encode(version);
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            Reply reply = get(StackService.GATE_EVALUATOR, path, "bob");
            last[0] = reply.status() == 200 ? reply.json() : null;
            return last[0] != null && until.test(last[0]);
        });
        return last[0];
    }

    /** The stage's entry of a release view (outcome, criteria...), or null when it has none yet. */
    public static JsonNode stage(JsonNode releaseView, String stage) {
        for (JsonNode each : releaseView.path("decisions")) {
            if (stage.equals(each.path("stage").asString())) {
                return each;
            }
        }
        return null;
    }

    /** The outcome (GO, NO_GO, HOLD) the gate shows for a stage, or null when it has not decided. */
    public static String outcome(JsonNode releaseView, String stageName) {
        JsonNode stage = stage(releaseView, stageName);
        return stage == null ? null : stage.path("outcome").asString(null);
    }

    /**
     * The audit trail is whole: the ledger verifies, and replaying every recorded decision of the
     * target reproduces each one exactly. Every suite ends with this.
     */
    public static void ledgerVerifiesAndReplaysEveryDecision(String target) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonNode verify = get(StackService.AUDIT_LEDGER, "/api/v1/ledger/verify", "bob").json();
            assertThat(verify.path("ok").asBoolean()).as(verify.toString()).isTrue();
            JsonNode replay = get(StackService.AUDIT_LEDGER, "/api/v1/ledger/replay?release=" + encode(target), "bob")
                    .json();
            assertThat(replay.path("ok").asBoolean()).as(replay.toString()).isTrue();
            assertThat(replay.path("replayed").asInt()).as(replay.toString()).isPositive();
            assertThat(replay.path("reproduced").asInt()).isEqualTo(replay.path("replayed").asInt());
        });
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** An HTTP answer: status and body, parsed on demand. */
    public record Reply(int status, String body) {
        public JsonNode json() {
            return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        }
    }
}
