package dev.greenlight.registry.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

import dev.greenlight.registry.SchemaRegistryApplication;
import dev.greenlight.registry.kafka.SchemaStoreProperties;
import dev.greenlight.registry.web.RegistryHttp.Reply;
import tools.jackson.databind.JsonNode;

/**
 * The registry's state lives in the {@code _schemas} topic, not in the JVM: a fresh registry on
 * the same broker must serve the same ids, versions and levels, and never reuse an id.
 */
@EmbeddedKafka
class SchemaRegistryRestartTest {

    private static String record(String name) {
        return "{\"type\":\"record\",\"name\":\"" + name + "\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"}]}";
    }

    private static ConfigurableApplicationContext start(EmbeddedKafkaBroker broker, String... extraArgs) {
        List<String> args = new ArrayList<>(List.of("--server.port=0",
                "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString()));
        args.addAll(List.of(extraArgs));
        // Arguments, not builder properties: those are defaults that schema-registry.yml overrides.
        return SchemaRegistryApplication.builder().run(args.toArray(String[]::new));
    }

    private static RegistryHttp http(ConfigurableApplicationContext context) {
        return new RegistryHttp(context.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
    }

    private static JsonNode ok(Reply reply) {
        assertThat(reply.status()).as("status of %s", reply.body()).isEqualTo(200);
        return reply.body();
    }

    private static int register(RegistryHttp http, String subject, String schema) {
        return ok(http.post("/subjects/" + subject + "/versions", Map.of("schema", schema))).get("id").asInt();
    }

    @Test
    void idsVersionsDeletionsAndLevelsSurviveARestart(EmbeddedKafkaBroker broker) {
        int first;
        int second;
        int deleted;
        try (ConfigurableApplicationContext registry = start(broker)) {
            RegistryHttp http = http(registry);
            ok(http.put("/config", Map.of("compatibility", "NONE")));
            ok(http.put("/config/restart-b", Map.of("compatibility", "FULL")));
            first = register(http, "restart-a", record("A"));
            register(http, "restart-b", record("A"));
            second = register(http, "restart-a", record("B"));
            deleted = register(http, "restart-c", record("C"));
            ok(http.delete("/subjects/restart-c"));
        }

        try (ConfigurableApplicationContext registry = start(broker)) {
            RegistryHttp http = http(registry);
            assertThat(ok(http.get("/subjects/restart-a/versions"))).extracting(JsonNode::asInt).containsExactly(1, 2);
            assertThat(ok(http.get("/subjects/restart-a/versions/1")).get("id").asInt()).isEqualTo(first);
            assertThat(ok(http.get("/subjects/restart-a/versions/2")).get("id").asInt()).isEqualTo(second);
            assertThat(ok(http.post("/subjects/restart-b", Map.of("schema", record("A")))).get("id").asInt())
                    .isEqualTo(first);
            assertThat(ok(http.get("/subjects")).valueStream().map(JsonNode::asString))
                    .contains("restart-a", "restart-b").doesNotContain("restart-c");
            assertThat(ok(http.get("/schemas/ids/" + deleted)).get("schema").asString()).contains("\"C\"");
            assertThat(ok(http.get("/config")).get("compatibilityLevel").asString()).isEqualTo("NONE");
            assertThat(ok(http.get("/config/restart-b")).get("compatibilityLevel").asString()).isEqualTo("FULL");

            assertThat(register(http, "restart-d", record("A"))).isEqualTo(first);
            int fresh = register(http, "restart-d", record("D"));
            assertThat(fresh).isNotIn(first, second, deleted).isGreaterThan(deleted);
            assertThat(register(http, "restart-c", record("C"))).isEqualTo(deleted);
            assertThat(ok(http.get("/subjects/restart-c/versions"))).extracting(JsonNode::asInt).containsExactly(2);
        }
    }

    @Test
    void storesConfluentRecordsInACompactedSinglePartitionTopic(EmbeddedKafkaBroker broker) throws Exception {
        try (ConfigurableApplicationContext registry = start(broker, "--greenlight.registry.topic=_schemas-format")) {
            RegistryHttp http = http(registry);
            String storeTopic = registry.getBean(SchemaStoreProperties.class).topic();
            assertThat(storeTopic).isEqualTo("_schemas-format");
            int id = register(http, "format-a", record("F"));
            ok(http.put("/config/format-a", Map.of("compatibility", "FORWARD")));

            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()))) {
                assertThat(admin.describeTopics(Set.of(storeTopic)).allTopicNames().get().get(storeTopic).partitions())
                        .hasSize(1);
                ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, storeTopic);
                Config config = admin.describeConfigs(Set.of(resource)).all().get().get(resource);
                assertThat(config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
            }

            List<ConsumerRecord<String, String>> records = readStore(broker, storeTopic);
            assertThat(records).anySatisfy(r -> {
                assertThat(r.key()).isEqualTo("{\"keytype\":\"SCHEMA\",\"subject\":\"format-a\",\"version\":1,\"magic\":1}");
                JsonNode value = RegistryHttp.JSON.readTree(r.value());
                assertThat(value.get("subject").asString()).isEqualTo("format-a");
                assertThat(value.get("version").asInt()).isEqualTo(1);
                assertThat(value.get("id").asInt()).isEqualTo(id);
                assertThat(value.get("deleted").asBoolean()).isFalse();
                assertThat(value.get("schema").asString()).contains("\"F\"");
            });
            assertThat(records).anySatisfy(r -> {
                assertThat(r.key()).isEqualTo("{\"keytype\":\"CONFIG\",\"subject\":\"format-a\",\"magic\":0}");
                assertThat(r.value()).isEqualTo("{\"compatibilityLevel\":\"FORWARD\"}");
            });
        }
    }

    private static List<ConsumerRecord<String, String>> readStore(EmbeddedKafkaBroker broker, String topic) {
        TopicPartition partition = new TopicPartition(topic, 0);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            while (consumer.position(partition) < end) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }
}
