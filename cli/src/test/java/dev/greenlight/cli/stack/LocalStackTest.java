package dev.greenlight.cli.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.greenlight.platform.topics.Topic;
import dev.greenlight.platform.topics.Topics;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
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
