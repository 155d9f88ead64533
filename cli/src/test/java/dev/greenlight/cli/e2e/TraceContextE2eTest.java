package dev.greenlight.cli.e2e;

import static dev.greenlight.cli.e2e.WholeStack.encode;
import static dev.greenlight.cli.e2e.WholeStack.get;
import static dev.greenlight.cli.e2e.WholeStack.now;
import static dev.greenlight.cli.e2e.WholeStack.outcome;
import static dev.greenlight.cli.e2e.WholeStack.stack;
import static dev.greenlight.cli.e2e.WholeStack.stage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.greenlight.cli.stack.StackService;
import dev.greenlight.events.DeploymentCommand;
import dev.greenlight.events.GateDecided;
import dev.greenlight.platform.kafka.TopicSerdes;
import dev.greenlight.platform.registry.SchemaRegistryClients;
import dev.greenlight.platform.topics.Topic;
import dev.greenlight.platform.topics.Topics;
import dev.greenlight.platform.tracing.Traceparent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * One W3C trace from a CI call to the deployment command, through the whole shared stack: evidence
 * posted with a {@code traceparent} is stored with that trace in its Kafka headers, the decision it
 * turns GO carries the trace in its header and names the trace id in {@code evidenceTraceIds}, and
 * the deployment command that decision causes carries it too. The stack exports no spans (no OTLP
 * endpoint): propagation does not depend on export.
 *
 * <p>The decision that matters is production's: an {@code ops-release} release (CONFIG, like every
 * type that policy governs) rolls out directly in its last stage, so only production's GO makes a
 * deployment command — a staging GO, which the checks alone give, makes none (which is why an
 * earlier version of this test, waiting for a command after staging, never saw one). So the three
 * sign-offs come first, the release names the version it replaces (a PATCH bump: no management
 * sign-off), the clock is moved out of the holiday blackout if an earlier suite left it there, and
 * the traced batch of checks is the evidence that turns production GO.
 */
@ExtendWith(WholeStack.class)
class TraceContextE2eTest {

    private static final String TARGET = "agent-orchestration-ops-traced";
    private static final String VERSION = "1.4.2";
    private static final String PREVIOUS = "1.4.1";
    private static final String REVISION = "7ace0ff";
    private static final String TRACE_ID = "5f1e2d3c4b5a69788796a5b4c3d2e1f0";
    private static final String CALLER = "00-" + TRACE_ID + "-a1b2c3d4e5f60718-01";
    private static final List<String> CHECKLIST = List.of("readiness:agents", "alerts:validate", "runbooks:index",
            "security-scan", "changelog", "operational-validation", "tabletop-drill");
    /** Generous: the stack shares a loaded CI machine with the build. */
    private static final Duration PATIENCE = Duration.ofMinutes(3);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static TopicSerdes serdes;

    @Test
    void evidenceDecisionAndDeploymentCommandShareTheCallersTrace() {
        leaveTheHolidayBlackout();
        RunbookSteps.register(TARGET, VERSION, "CONFIG", REVISION, PREVIOUS);
        RunbookSteps.approve("erin", TARGET, VERSION, "platform");
        RunbookSteps.approve("bob", TARGET, VERSION, "security");
        RunbookSteps.approve("carol", TARGET, VERSION, "operations");
        // The sign-offs are counted before the checks arrive, so the checks are what turns production GO.
        RunbookSteps.awaitDecision(TARGET, VERSION, v -> "PASS".equals(RunbookSteps.criterion(
                stage(v, "production"), "release-approvals").path("status").asString()));

        postTraced("/api/v1/checks", checks());

        List<ConsumerRecord<String, byte[]>> checks = records(Topics.CHECKS, CHECKLIST.size(), r -> true);
        assertThat(checks).as("every check record of the batch carries the caller's trace in its header")
                .allSatisfy(check -> assertThat(traceId(check)).contains(TRACE_ID));

        JsonNode view = awaitProductionGo();
        String decisionId = stage(view, "production").path("decisionId").asString();
        ConsumerRecord<String, byte[]> go = records(Topics.DECISIONS, 1,
                r -> decisionId.equals(decode(Topics.DECISIONS, r).getDecisionId())).get(0);
        GateDecided decision = decode(Topics.DECISIONS, go);
        assertThat(traceId(go)).as("the GO decision's header").contains(TRACE_ID);
        assertThat(decision.getEvidenceTraceIds()).as("the GO decision names the trace").containsExactly(TRACE_ID);

        ConsumerRecord<String, byte[]> command = records(Topics.DEPLOYMENT_COMMANDS, 1,
                r -> VERSION.equals(decode(Topics.DEPLOYMENT_COMMANDS, r).getVersion())).get(0);
        DeploymentCommand deployment = decode(Topics.DEPLOYMENT_COMMANDS, command);
        assertThat(deployment.getTrafficPercent()).as("production takes all traffic").isEqualTo(100);
        assertThat(traceId(command)).as("the deployment command's header").contains(TRACE_ID);
    }

    /** Time only moves forward: out of a Dec 20 - Jan 5 blackout an earlier suite moved the shared clock into. */
    private static void leaveTheHolidayBlackout() {
        Instant now = now();
        ZonedDateTime utc = now.atZone(ZoneOffset.UTC);
        MonthDay day = MonthDay.from(utc);
        if (!day.isBefore(MonthDay.of(12, 20)) || !day.isAfter(MonthDay.of(1, 5))) {
            int year = utc.getYear() + (utc.getMonthValue() == 12 ? 1 : 0);
            WholeStack.advance(Duration.between(now, LocalDate.of(year, 1, 6).atTime(9, 0).toInstant(ZoneOffset.UTC)));
        }
    }

    /** The gate's view once production is GO; a timeout shows the last view, so it says what the gate decided instead. */
    private static JsonNode awaitProductionGo() {
        String path = "/api/v1/releases/" + encode(TARGET) + "/" + encode(VERSION);
        JsonNode[] last = new JsonNode[1];
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            WholeStack.Reply reply = get(StackService.GATE_EVALUATOR, path, "bob");
            last[0] = reply.status() == 200 ? reply.json() : null;
            assertThat(last[0] != null && "GO".equals(outcome(last[0], "production")))
                    .as("gate view of %s@%s: %s", TARGET, VERSION, reply.body()).isTrue();
        });
        return last[0];
    }

    private static String checks() {
        List<String> items = new ArrayList<>();
        for (String name : CHECKLIST) {
            items.add("""
                    {"target": "%s", "version": "%s", "name": "%s", "status": "PASS", "revision": "%s",
                     "startedAt": "%s", "completedAt": "%s"}""".formatted(TARGET, VERSION, name, REVISION,
                    now().minusSeconds(660), now().minusSeconds(60)));
        }
        return "[" + String.join(",", items) + "]";
    }

    /** Posts as CI with the caller's {@code traceparent}, insisting on success. */
    private static void postTraced(String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(stack().serviceUrl(StackService.CHECK_INGEST) + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer demo-ci")
                .header("Content-Type", "application/json")
                .header("traceparent", CALLER)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The first {@code count} records of {@code topic} keyed by the target that {@code which} accepts,
     * read from the beginning (read_committed) until they are there.
     */
    private static List<ConsumerRecord<String, byte[]>> records(Topic<?> topic, int count,
                                                                Predicate<ConsumerRecord<String, byte[]>> which) {
        Map<String, Object> config = new HashMap<>(stack().kafkaCredentials().adminProperties());
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack().bootstrapServers());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
            // The consumer is not thread-safe: polled on this thread only.
            await().atMost(PATIENCE).pollInSameThread().pollInterval(Duration.ofMillis(100)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    if (TARGET.equals(r.key()) && which.test(r)) {
                        found.add(r);
                    }
                });
                return found.size() >= count;
            });
            return found.subList(0, count);
        }
    }

    private static <V> V decode(Topic<V> topic, ConsumerRecord<String, byte[]> record) {
        return serdes().forTopic(topic).deserializer().deserialize(topic.name(), record.headers(), record.value());
    }

    /** One registry client (and cache) for the suite, made once the shared stack runs. */
    private static synchronized TopicSerdes serdes() {
        if (serdes == null) {
            serdes = new TopicSerdes(SchemaRegistryClients.fromConfig(
                    Map.of(SchemaRegistryClients.SCHEMA_REGISTRY_URL, stack().registryUrl())), false);
        }
        return serdes;
    }

    private static Optional<String> traceId(ConsumerRecord<String, byte[]> record) {
        return Traceparent.from(record.headers()).map(Traceparent::traceId);
    }
}
