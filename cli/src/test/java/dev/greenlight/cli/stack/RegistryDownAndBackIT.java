package dev.greenlight.cli.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.greenlight.approval.ApprovalApplication;
import dev.greenlight.events.EventMetadata;
import dev.greenlight.events.HoldPlaced;
import dev.greenlight.platform.kafka.CatalogueAvroSerializer;
import dev.greenlight.platform.registry.SchemaRegistryClient;
import dev.greenlight.platform.registry.SchemaRegistryClients;
import dev.greenlight.platform.topics.KafkaUser;
import dev.greenlight.platform.topics.Topic;
import dev.greenlight.platform.topics.Topics;
import dev.greenlight.registry.SchemaRegistryApplication;
import dev.greenlight.registry.kafka.TopicReadiness;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * Fault suite: the schema registry down and back, for real — the stack's own registry (state in
 * its {@code _schemas} topic) stopped mid-load and started again on the same port, with a service
 * (approval) and an outside producer on the local stack's broker (SASL, ACLs):
 *
 * <ul>
 *   <li>producers whose schema id is cached go on: the service's kill-switch writes and the outside
 *       producer's holds are acknowledged while the registry is down;</li>
 *   <li>a schema the service has not registered yet is refused with a clear 503 naming the
 *       registry, and nothing is written;</li>
 *   <li>the service's consumer meets ids it cannot resolve: it pauses and retries (health names the
 *       outage) and dead-letters nothing;</li>
 *   <li>when the registry returns, every held-back record is read exactly once (lost: 0,
 *       doubled: 0), the refused write now succeeds, and the health recovers.</li>
 * </ul>
 */
class RegistryDownAndBackIT {

    private static final Duration WAIT = Duration.ofMinutes(3);
    private static final int HELD_BACK = 10;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private Path dataDir;
    private KafkaCredentials credentials;
    private LocalKafkaBroker broker;
    private int registryPort;
    private ConfigurableApplicationContext registry;
    private ConfigurableApplicationContext approval;
    private String approvalUrl;
    private KafkaProducer<String, Object> outside;

    @AfterEach
    void stop() {
        if (outside != null) {
            outside.close(Duration.ofSeconds(10));
        }
        for (ConfigurableApplicationContext context : new ConfigurableApplicationContext[] {approval, registry}) {
            if (context != null && context.isActive()) {
                context.close();
            }
        }
        if (broker != null) {
            broker.close();
        }
        if (dataDir != null) {
            FileSystemUtils.deleteRecursively(dataDir.toFile());
        }
    }

    @Test
    void cachedProducersGoOn_newSchemasAreRefused_consumersWait_andNothingIsLostOrDoubled() throws Exception {
        start();
        // Before the outage: the service writes a kill switch (its schema id is now cached) ...
        assertThat(post("/api/v1/kill-switch", "demo-erin", """
                {"target": "registry-a", "action": "ACTIVATE", "reason": "before the outage"}""").statusCode())
                .isBetween(200, 201);
        // ... and the outside producer learns the holds schema id (nothing sent yet).
        SchemaRegistryClient outsideRegistry = SchemaRegistryClients.fromConfig(
                Map.of(SchemaRegistryClients.SCHEMA_REGISTRY_URL, "http://localhost:" + registryPort));
        Map<String, Object> producerConfig = new HashMap<>(credentials.adminProperties());
        producerConfig.putAll(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true));
        CatalogueAvroSerializer serializer = new CatalogueAvroSerializer(outsideRegistry, Topics.all());
        serializer.serialize(Topics.HOLDS.name(), hold("warm-up"));
        outside = new KafkaProducer<>(producerConfig, new StringSerializer(), serializer);

        registry.close();

        // Cached ids go on.
        assertThat(post("/api/v1/kill-switch", "demo-erin", """
                {"target": "registry-b", "action": "ACTIVATE", "reason": "during the outage"}""").statusCode())
                .as("a write whose schema id is cached").isBetween(200, 201);
        List<String> heldBack = new ArrayList<>();
        for (int i = 0; i < HELD_BACK; i++) {
            String name = "outage-" + i;
            outside.send(new ProducerRecord<>(Topics.HOLDS.name(), "registry-" + i, hold(name))).get();
            heldBack.add(name);
        }
        // A schema never registered by the service: refused, clearly, and nothing written.
        long holdsBefore = endOffsets(Topics.HOLDS);
        HttpResponse<String> refused = post("/api/v1/holds", "demo-erin", """
                {"name": "during-outage", "target": "registry-c", "reason": "needs the holds schema"}""");
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(refused.body()).containsIgnoringCase("schema registry");
        assertThat(endOffsets(Topics.HOLDS)).as("nothing half-written").isEqualTo(holdsBefore);
        // The consumer cannot resolve the outside producer's id: it waits and says so, dead-letters nothing.
        await().atMost(WAIT).until(() -> health().contains("registry unavailable for"));
        assertThat(holdNames()).doesNotContainAnyElementsOf(heldBack);
        assertThat(endOffsets(Topics.DEAD_LETTER)).as("dead letters during the outage").isZero();

        registry = startRegistry();

        await().atMost(WAIT).untilAsserted(() -> assertThat(holdNames()).containsAll(heldBack));
        List<String> names = holdNames();
        for (String name : heldBack) {
            assertThat(names.stream().filter(name::equals).count()).as("%s read once (lost: 0, doubled: 0)", name)
                    .isEqualTo(1);
        }
        assertThat(post("/api/v1/holds", "demo-erin", """
                {"name": "after-outage", "target": "registry-c", "reason": "the registry is back"}""").statusCode())
                .isEqualTo(201);
        await().atMost(WAIT).until(() -> !health().contains("registry unavailable for"));
        assertThat(endOffsets(Topics.DEAD_LETTER)).as("dead letters after the outage").isZero();
    }

    private void start() throws IOException {
        dataDir = Files.createTempDirectory("greenlight-registry-outage");
        List<Integer> ports = freePorts(4);
        credentials = KafkaCredentials.loadOrGenerate(dataDir);
        broker = new LocalKafkaBroker(dataDir.resolve("kafka"), ports.get(0), ports.get(1), credentials).start(WAIT);
        try (Admin admin = Admin.create(broker.adminConfig(Map.of()))) {
            KafkaSecuritySetup.apply(admin, broker.bootstrapServers(), credentials, WAIT);
            List<NewTopic> topics = Topics.all().stream()
                    .map(t -> new NewTopic(t.name(), t.partitions(), (short) 1).configs(t.configs())).toList();
            admin.createTopics(topics).all().get();
            TopicReadiness.await(admin, topics.stream().map(NewTopic::name).toList(), WAIT);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        registryPort = ports.get(2);
        registry = startRegistry();
        approvalUrl = "http://localhost:" + ports.get(3);
        approval = run(ApprovalApplication.builder(), ports.get(3), KafkaUser.APPROVAL, List.of(
                "--spring.kafka.properties.schema.registry.url=http://localhost:" + registryPort,
                "--greenlight.security.demo-users=true",
                "--greenlight.registry.retry-interval=200ms",
                "--greenlight.registry.outage-down-after=2s",
                "--management.endpoint.health.show-details=always"));
    }

    private ConfigurableApplicationContext startRegistry() {
        return run(SchemaRegistryApplication.builder(), registryPort, KafkaUser.REGISTRY, List.of());
    }

    private ConfigurableApplicationContext run(SpringApplicationBuilder builder, int port, KafkaUser user,
                                               List<String> extra) {
        List<String> args = LocalStack.embeddedArgs(port, broker.bootstrapServers());
        credentials.clientProperties(user).forEach((key, value) -> args.add("--spring.kafka.properties." + key + "=" + value));
        args.addAll(extra);
        return builder.run(args.toArray(String[]::new));
    }

    private static HoldPlaced hold(String name) {
        return new HoldPlaced(new EventMetadata(UUID.randomUUID().toString(), Instant.now(), "outside"),
                "registry-" + name, UUID.randomUUID().toString(), name, "placed while the registry was down", "outside");
    }

    private List<String> holdNames() throws Exception {
        String body = HTTP.send(HttpRequest.newBuilder(URI.create(approvalUrl + "/api/v1/holds"))
                .header("Authorization", "Bearer demo-erin").GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        List<String> names = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"name\":\"([^\"]+)\"").matcher(body);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private String health() throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(approvalUrl + "/actuator/health")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private HttpResponse<String> post(String path, String token, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(approvalUrl + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private long endOffsets(Topic<?> topic) {
        Map<String, Object> config = new HashMap<>(credentials.adminProperties());
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private static List<Integer> freePorts(int count) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0));
            }
            return sockets.stream().map(ServerSocket::getLocalPort).toList();
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
    }
}
