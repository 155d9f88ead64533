package dev.greenlight.cli.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.greenlight.cli.GreenlightCli;
import dev.greenlight.events.ReleaseRegistered;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import org.apache.avro.Schema;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import tools.jackson.databind.json.JsonMapper;

import dev.greenlight.platform.topics.Topic;
import dev.greenlight.platform.topics.Topics;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole stack, started once for the class: each test asserts against the running stack, the
 * last one stops it. Event-flow tests belong between the two, using {@link #stack}.
 */
@TestMethodOrder(OrderAnnotation.class)
class LocalStackTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    @TempDir
    static Path dataDir;

    static LocalStack stack;

    @BeforeAll
    static void startStack() {
        stack = new LocalStack(StackConfig.withFreePorts(dataDir)).start(TIMEOUT);
        stack.waitUntilHealthy(TIMEOUT);
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void registryAndEveryServiceReportHealthUp() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String healthUrl : stack.healthUrls().values()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(healthUrl)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(healthUrl).isEqualTo(200);
            assertThat(response.body()).as(healthUrl).contains("\"status\":\"UP\"");
        }
        assertThat(stack.healthUrls()).hasSize(1 + StackService.values().length);
    }

    @Test
    @Order(2)
    void everyCatalogueTopicExistsWithItsPartitionsAndConfigs() throws Exception {
        try (Admin admin = Admin.create(asAdmin(Map.of()))) {
            Set<String> names = Topics.all().stream().map(Topic::name).collect(Collectors.toSet());
            Map<String, TopicDescription> descriptions = admin.describeTopics(names).allTopicNames().get();
            List<ConfigResource> resources = names.stream()
                    .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList();
            Map<ConfigResource, Config> configs = admin.describeConfigs(resources).all().get();

            for (Topic<?> topic : Topics.all()) {
                assertThat(descriptions.get(topic.name()).partitions()).as(topic.name()).hasSize(topic.partitions());
                Config actual = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, topic.name()));
                topic.configs().forEach((key, value) ->
                        assertThat(actual.get(key).value()).as(topic.name() + " " + key).isEqualTo(value));
            }
        }
    }

    @Test
    @Order(3)
    void aReleaseRegisteredThroughOneServiceReachesAnotherInTheWireFormatWithItsSchemaResolvableById()
            throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> registered = http.send(HttpRequest.newBuilder(
                        URI.create(stack.serviceUrl(StackService.CHECK_INGEST) + "/api/v1/releases"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer demo-ci")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"target": "ict-qm", "version": "2.1.0", "type": "STRATEGY",
                         "revision": "5114f85c0ffee", "author": "alice"}"""))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);

        // Another service, in another Spring context, decoded it through the registry.
        URI release = URI.create(stack.serviceUrl(StackService.GATE_EVALUATOR) + "/api/v1/releases/ict-qm/2.1.0");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            HttpResponse<String> known = http.send(HttpRequest.newBuilder(release)
                            .header("Authorization", "Bearer demo-bob").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(known.statusCode()).isEqualTo(200);
            assertThat(known.body()).contains("\"revision\":\"5114f85c0ffee\"");
        });

        // On the wire: 0x00 | schema id (4 bytes, big-endian) | Avro; the registry serves that id.
        byte[] value = firstValueOf(Topics.RELEASES.name());
        assertThat(value[0]).isZero();
        int schemaId = ByteBuffer.wrap(value, 1, 4).getInt();
        HttpResponse<String> schema = http.send(HttpRequest.newBuilder(
                URI.create(stack.registryUrl() + "/schemas/ids/" + schemaId)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(schema.statusCode()).isEqualTo(200);
        String schemaText = JsonMapper.builder().build().readTree(schema.body()).path("schema").asString();
        assertThat(new Schema.Parser().parse(schemaText).getFullName()).isEqualTo(ReleaseRegistered.class.getName());
    }

    /** Client settings of the stack's super user: the test looks at the broker as an operator would. */
    private static Map<String, Object> asAdmin(Map<String, Object> extra) {
        Map<String, Object> config = new HashMap<>(stack.kafkaCredentials().adminProperties());
        config.put("bootstrap.servers", stack.bootstrapServers());
        config.putAll(extra);
        return config;
    }

    private byte[] firstValueOf(String topic) {
        Map<String, Object> config = asAdmin(Map.of("group.id", "local-stack-test", "auto.offset.reset", "earliest"));
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<byte[]> values = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
                return !values.isEmpty();
            });
            return values.get(0);
        }
    }

    @Test
    @Order(4)
    void evidenceFlowsThroughEveryServiceFromGateToRolloutToAVerifiedLedger() throws Exception {
        Instant now = Instant.now();
        call("POST", StackService.CHECK_INGEST, "/api/v1/releases", "demo-ci", """
                {"target": "rl-policy", "version": "3.0.0", "type": "MODEL",
                 "revision": "abcdef1", "author": "alice"}""", 201);
        call("POST", StackService.CHECK_INGEST, "/api/v1/checks", "demo-ci", """
                {"target": "rl-policy", "version": "3.0.0", "name": "security-scan", "status": "PASS",
                 "revision": "abcdef1", "startedAt": "%s", "completedAt": "%s"}"""
                .formatted(now.minusSeconds(600), now.minusSeconds(60)), 201);

        // The RL policy's shadow stage needs only a clean security scan; live-10 needs far more.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            String view = call("GET", StackService.GATE_EVALUATOR, "/api/v1/releases/rl-policy/3.0.0", "demo-bob",
                    null, 200);
            assertThat(view).contains("\"name\":\"rl-policy-go-nogo\"")
                    .containsPattern("\"stage\":\"shadow\",\"outcome\":\"GO\"")
                    .containsPattern("\"stage\":\"live-10\",\"outcome\":\"(HOLD|NO_GO)\"");
        });
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(call("GET", StackService.ROLLOUT_CONTROLLER, "/api/v1/rollouts/rl-policy", "demo-bob",
                        null, 200)).contains("\"version\":\"3.0.0\"").contains("\"trafficPercent\":0"));

        // The reference deployer applies the shadow command (0 %) and acknowledges it; the
        // controller then no longer waits for it.
        StringWriter followed = new StringWriter();
        CommandLine follow = new CommandLine(new GreenlightCli());
        follow.setOut(new PrintWriter(followed, true));
        int exit = assertTimeoutPreemptively(Duration.ofSeconds(90), () -> follow.execute("follow",
                "--bootstrap-servers", stack.bootstrapServers(), "--registry-url", stack.registryUrl(),
                "--kafka-credentials", stack.kafkaCredentials().file().toString(),
                "--target", "rl-policy", "--max-commands", "1"));
        assertThat(exit).isZero();
        assertThat(followed.toString()).contains("rl-policy 3.0.0").contains("0%").contains("acknowledged");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(call("GET", StackService.ROLLOUT_CONTROLLER, "/api/v1/rollouts/rl-policy", "demo-bob",
                        null, 200)).contains("\"unacknowledgedCommands\":[]"));

        // Every fact ends in the ledger, and the whole ledger verifies.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(call("GET", StackService.AUDIT_LEDGER, "/api/v1/ledger/entries?release=rl-policy&size=100",
                        "demo-bob", null, 200))
                        .contains("ReleaseRegistered").contains("CheckReported").contains("GateDecided")
                        .contains("DeploymentCommand").contains("DeploymentApplied"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(call("GET", StackService.AUDIT_LEDGER, "/api/v1/ledger/verify", "demo-bob", null, 200))
                        .contains("\"ok\":true"));

        // The auditor's view through the CLI: the ledger verifies, and every recorded decision about
        // the release is reproduced from its recorded evidence under its recorded policy.
        StringWriter audit = new StringWriter();
        CommandLine ledger = new CommandLine(new GreenlightCli());
        ledger.setOut(new PrintWriter(audit, true));
        String ledgerUrl = stack.serviceUrl(StackService.AUDIT_LEDGER);
        assertThat(ledger.execute("ledger", "verify", "--ledger-url", ledgerUrl, "--token", "demo-bob"))
                .as(audit.toString()).isZero();
        assertThat(ledger.execute("ledger", "replay", "--release", "rl-policy@3.0.0", "--ledger-url", ledgerUrl,
                "--token", "demo-bob")).as(audit.toString()).isZero();
        assertThat(audit.toString()).contains("OK").containsPattern("reproduced [1-9]").contains("mismatched 0");

        // Offline, as an auditor years later: an export and the public key are all it takes, and
        // an export with one entry cut out no longer verifies.
        Path export = dataDir.resolve("ledger.jsonl");
        assertThat(ledger.execute("ledger", "export", "--file", export.toString(), "--ledger-url", ledgerUrl,
                "--token", "demo-bob")).as(audit.toString()).isZero();
        StringWriter offline = new StringWriter();
        CommandLine verifier = new CommandLine(new GreenlightCli());
        verifier.setOut(new PrintWriter(offline, true));
        assertThat(verifier.execute("ledger", "verify", "--file", export.toString(), "--ledger-url", ledgerUrl,
                "--token", "demo-bob")).as(offline.toString()).isZero();
        assertThat(offline.toString()).containsPattern("OK  [1-9][0-9]* entries");
        List<String> lines = new ArrayList<>(Files.readAllLines(export));
        int firstEntry = lines.indexOf(lines.stream().filter(l -> l.startsWith("{\"type\":\"entry\"")).findFirst()
                .orElseThrow());
        lines.remove(firstEntry);
        Path cut = dataDir.resolve("ledger-cut.jsonl");
        Files.write(cut, lines);
        assertThat(verifier.execute("ledger", "verify", "--file", cut.toString(), "--ledger-url", ledgerUrl,
                "--token", "demo-bob")).as(offline.toString()).isEqualTo(1);
        assertThat(offline.toString()).contains("BROKEN");

        // The replay gate of a policy change: the shipped policy flips nothing; a candidate that
        // also demands on-call coverage in shadow would have stopped the recorded GO.
        Path shipped = Path.of(System.getProperty("greenlight.home", "..")).resolve("policies/rl-policy-go-nogo.yaml");
        assertThat(ledger.execute("policy", "what-if", shipped.toString(), "--release", "rl-policy@3.0.0",
                "--ledger-url", ledgerUrl, "--token", "demo-bob")).as(audit.toString()).isZero();
        Path stricter = dataDir.resolve("stricter.yaml");
        Files.writeString(stricter, Files.readString(shipped).replace("        maxAge: 7d\n\n  - name: live-10",
                "        maxAge: 7d\n      - name: shadow-on-call\n        kind: onCall\n        coverFor: 2h\n\n"
                        + "  - name: live-10"));
        assertThat(ledger.execute("policy", "what-if", stricter.toString(), "--release", "rl-policy@3.0.0",
                "--ledger-url", ledgerUrl, "--token", "demo-bob")).as(audit.toString()).isEqualTo(1);
        assertThat(audit.toString()).contains("BLOCKED").contains("GO -> NO_GO").contains("shadow-on-call: FAIL");
    }

    private String call(String method, StackService service, String path, String token, String body, int expected)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.serviceUrl(service) + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(expected);
        return response.body();
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void closingReleasesEveryPort() {
        StackConfig config = stack.config();
        stack.close();

        List<Integer> ports = new ArrayList<>(List.of(config.kafkaPort(), config.controllerPort(), config.registryPort()));
        ports.addAll(config.servicePorts().values());
        for (int port : ports) {
            assertThatCode(() -> new ServerSocket(port).close()).as("port " + port).doesNotThrowAnyException();
        }
    }
}
