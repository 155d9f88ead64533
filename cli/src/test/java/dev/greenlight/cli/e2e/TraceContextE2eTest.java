package dev.greenlight.cli.e2e;

import static dev.greenlight.cli.e2e.WholeStack.now;
import static dev.greenlight.cli.e2e.WholeStack.postOk;
import static dev.greenlight.cli.e2e.WholeStack.stack;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.greenlight.cli.stack.StackService;
import dev.greenlight.events.GateOutcome;
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

/**
 * One W3C trace from a CI call to the deployment command: evidence posted with a
 * {@code traceparent} is stored with that trace in its Kafka headers, the decision it turns GO
 * carries the trace in its header and names the trace id in {@code evidenceTraceIds}, and the
 * deployment command that decision causes carries it too. The stack exports no spans (no OTLP
 * endpoint): propagation does not depend on export. Staging of ops-release needs checks only (its
 * holiday blackout gates production), so the shared clock may be anywhere in the year.
 */
@ExtendWith(WholeStack.class)
class TraceContextE2eTest {

    private static final String TARGET = "agent-orchestration-ops-traced";
    private static final String VERSION = "1.4.2";
    private static final String TRACE_ID = "5f1e2d3c4b5a69788796a5b4c3d2e1f0";
    private static final String CALLER = "00-" + TRACE_ID + "-a1b2c3d4e5f60718-01";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void evidenceDecisionAndDeploymentCommandShareTheCallersTrace() {
        postOk(StackService.CHECK_INGEST, "/api/v1/releases", "ci", """
                {"target": "%s", "version": "%s", "type": "CONFIG", "revision": "7ace0ff", "author": "alice"}"""
                .formatted(TARGET, VERSION));

        postTraced("/api/v1/checks", checks("readiness:agents", "alerts:validate", "runbooks:index", "security-scan",
                "changelog"));

        ConsumerRecord<String, byte[]> check = firstRecord(Topics.CHECKS, r -> true);
        assertThat(traceId(check)).as("the evidence record's header").contains(TRACE_ID);

        ConsumerRecord<String, byte[]> go = firstRecord(Topics.DECISIONS,
                r -> decode(Topics.DECISIONS, r).getOutcome() == GateOutcome.GO);
        assertThat(traceId(go)).as("the GO decision's header").contains(TRACE_ID);
        assertThat(decode(Topics.DECISIONS, go).getEvidenceTraceIds()).as("the GO decision names the trace")
                .containsExactly(TRACE_ID);

        ConsumerRecord<String, byte[]> command = firstRecord(Topics.DEPLOYMENT_COMMANDS, r -> true);
        assertThat(traceId(command)).as("the deployment command's header").contains(TRACE_ID);
    }

    private static String checks(String... names) {
        List<String> items = new ArrayList<>();
        for (String name : names) {
            items.add("""
                    {"target": "%s", "version": "%s", "name": "%s", "status": "PASS", "revision": "7ace0ff",
                     "startedAt": "%s", "completedAt": "%s"}""".formatted(TARGET, VERSION, name,
                    now().minusSeconds(660), now().minusSeconds(60)));
        }
        return "[" + String.join(",", items) + "]";
    }

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

    /** The first record of {@code topic} for the target that {@code which} accepts, waited for. */
    private static ConsumerRecord<String, byte[]> firstRecord(Topic<?> topic, Predicate<ConsumerRecord<String, byte[]>> which) {
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
            await().atMost(Duration.ofMinutes(3)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    if (TARGET.equals(r.key()) && which.test(r)) {
                        found.add(r);
                    }
                });
                return !found.isEmpty();
            });
            return found.get(0);
        }
    }

    private static <V> V decode(Topic<V> topic, ConsumerRecord<String, byte[]> record) {
        TopicSerdes serdes = new TopicSerdes(SchemaRegistryClients.fromConfig(
                Map.of(SchemaRegistryClients.SCHEMA_REGISTRY_URL, stack().registryUrl())), false);
        return serdes.forTopic(topic).deserializer().deserialize(topic.name(), record.headers(), record.value());
    }

    private static Optional<String> traceId(ConsumerRecord<String, byte[]> record) {
        return Traceparent.from(record.headers()).map(Traceparent::traceId);
    }
}
