package dev.greenlight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import dev.greenlight.platform.topics.KafkaUser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Docker cannot run on our machines, so docker-compose.yml would rot unnoticed. This test keeps it
 * honest: it must parse, describe the production topology, publish each service on the port the
 * service really listens on, and every environment variable given to a service must bind to a
 * configuration property that service actually has (Spring Boot's relaxed binding of environment
 * variables, checked against the configuration metadata on the classpath and the service's own
 * configuration file). The audit-ledger runs with production settings and its signing key from a
 * Docker secret, so nothing can generate a key that would orphan older checkpoints.
 */
class DockerComposeFileTest {

    private static final List<String> SERVICES =
            List.of("check-ingest", "approval", "gate-evaluator", "rollout-controller", "audit-ledger", "console",
                    "integrations");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z0-9_]+)(?::[^}]*)?}");

    private static Map<String, Object> compose;
    private static final Set<String> knownProperties = new HashSet<>();
    private static final Set<String> mapPropertyPrefixes = new HashSet<>();

    @BeforeAll
    static void load() throws IOException {
        compose = yaml(Files.readString(repositoryRoot().resolve("docker-compose.yml")));
        JsonMapper json = JsonMapper.builder().build();
        for (String resource : List.of("META-INF/spring-configuration-metadata.json",
                "META-INF/additional-spring-configuration-metadata.json")) {
            for (URL url : Collections.list(DockerComposeFileTest.class.getClassLoader().getResources(resource))) {
                try (InputStream in = url.openStream()) {
                    JsonNode properties = json.readTree(in).path("properties");
                    for (JsonNode property : properties) {
                        String name = property.path("name").asString();
                        knownProperties.add(envForm(name));
                        if (property.path("type").asString("").startsWith("java.util.Map")) {
                            mapPropertyPrefixes.add(envForm(name) + "_");
                        }
                    }
                }
            }
        }
    }

    @Test
    void describesBrokerRegistryAndTheFiveServices() {
        assertThat(services()).containsKeys("kafka-1", "schema-registry");
        assertThat(services()).containsKeys(SERVICES.toArray(String[]::new));
    }

    @Test
    void eachServiceIsBuiltAsAnImageAndPublishedOnThePortItListensOn() throws IOException {
        for (String service : SERVICES) {
            Map<String, Object> definition = service(service);
            assertThat(definition).as(service).containsKeys("build", "image");
            String port = String.valueOf(serviceConfig(service).get("server.port"));
            assertThat(((List<?>) definition.get("ports")).stream().map(String::valueOf)).as(service)
                    .contains(port + ":" + port);
        }
    }

    @Test
    void everyServiceEnvironmentVariableNamesARealConfigurationProperty() throws IOException {
        for (String service : SERVICES) {
            Set<String> accepted = new HashSet<>(knownProperties);
            Map<String, Object> config = serviceConfig(service);
            config.keySet().forEach(key -> accepted.add(envForm(key)));
            config.values().forEach(value -> {
                Matcher placeholder = PLACEHOLDER.matcher(String.valueOf(value));
                while (placeholder.find()) {
                    accepted.add(placeholder.group(1));
                }
            });
            @SuppressWarnings("unchecked")
            Map<String, Object> environment = (Map<String, Object>) service(service).get("environment");
            assertThat(environment).as(service + " environment").isNotEmpty();
            for (String variable : environment.keySet()) {
                boolean bindsToMap = mapPropertyPrefixes.stream().anyMatch(variable::startsWith);
                assertThat(accepted.contains(variable) || bindsToMap)
                        .as("%s: %s does not bind to any configuration property of the service", service, variable)
                        .isTrue();
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theLedgerSigningKeyIsMountedFromADockerSecretAndNoKeyCanBeGenerated() throws IOException {
        Map<String, Object> ledger = service("audit-ledger");
        Map<String, Object> environment = (Map<String, Object>) ledger.get("environment");
        Map<String, Object> secrets = (Map<String, Object>) compose.get("secrets");
        List<Object> mounted = (List<Object>) ledger.get("secrets");

        // Production settings make the service refuse to start without a configured key (SigningKeys).
        assertThat(String.valueOf(environment.get("GREENLIGHT_SECURITY_PRODUCTION"))).isEqualTo("true");
        assertThat(serviceConfig("audit-ledger")).containsEntry("greenlight.ledger.generate-key", false);
        assertThat(String.valueOf(environment.getOrDefault("GREENLIGHT_LEDGER_GENERATE_KEY", "false")))
                .isEqualTo("false");
        assertThat(environment).doesNotContainKey("GREENLIGHT_LEDGER_KEY_DIR");
        for (String variable : List.of("GREENLIGHT_LEDGER_SIGNING_KEY", "GREENLIGHT_LEDGER_PUBLIC_KEY",
                "GREENLIGHT_LEDGER_KEY_HISTORY")) {
            String path = String.valueOf(environment.get(variable));
            assertThat(path).as(variable).startsWith("/run/secrets/");
            String secret = path.substring("/run/secrets/".length());
            assertThat(mounted).as("secrets of audit-ledger").contains(secret);
            assertThat((Map<String, Object>) secrets.get(secret)).as(secret).containsKey("file");
            assertThat(String.valueOf(((Map<String, Object>) secrets.get(secret)).get("file")))
                    .as("secret files live in the git-ignored secrets/ directory").startsWith("./secrets/");
        }
        assertThat(Files.readAllLines(repositoryRoot().resolve(".gitignore"))).contains("/secrets/");
    }

    @Test
    void threeKraftNodesReplicateEveryTopicThreeTimesWithTwoInSyncAndNoUncleanElection() {
        List<String> nodes = List.of("kafka-1", "kafka-2", "kafka-3");
        assertThat(services()).containsKeys(nodes.toArray(String[]::new));
        for (String node : nodes) {
            Map<String, Object> env = environment(node);
            assertThat(String.valueOf(env.get("KAFKA_PROCESS_ROLES"))).as(node).contains("controller", "broker");
            assertThat(String.valueOf(env.get("KAFKA_CONTROLLER_QUORUM_VOTERS")).split(",")).as(node).hasSize(3);
            assertThat(env).as(node)
                    .containsEntry("KAFKA_DEFAULT_REPLICATION_FACTOR", 3)
                    .containsEntry("KAFKA_MIN_INSYNC_REPLICAS", 2)
                    .containsEntry("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", 3)
                    .containsEntry("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", 3)
                    .containsEntry("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", 2)
                    .containsEntry("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR", 3)
                    .containsEntry("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_MIN_ISR", 2)
                    .containsEntry("KAFKA_UNCLEAN_LEADER_ELECTION_ENABLE", "false")
                    .containsEntry("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
        }
        assertThat(environment("kafka-1").get("KAFKA_NODE_ID")).isNotEqualTo(environment("kafka-2").get("KAFKA_NODE_ID"));
        // The catalogue topics: created by the one-shot job with RF 3 and min ISR 2.
        assertThat(String.join(" ", command("kafka-setup"))).contains("cluster setup")
                .contains("--replication-factor 3").contains("--min-insync-replicas 2");
        assertThat(environment("schema-registry")).containsEntry("SCHEMA_REGISTRY_KAFKASTORE_TOPIC_REPLICATION_FACTOR", 3);
        for (String service : SERVICES) {
            assertThat(environment(service)).as(service)
                    .containsEntry("GREENLIGHT_TOPICS_REPLICATION_FACTOR", 3)
                    .containsEntry("GREENLIGHT_TOPICS_MIN_INSYNC_REPLICAS", 2)
                    .containsEntry("SPRING_KAFKA_ADMIN_AUTO_CREATE", "false");
        }
    }

    @Test
    void theStreamsServicesReplicateTheirChangelogsAndKeepAStandby() {
        for (KafkaUser user : KafkaUser.values()) {
            if (user.streamsApplicationId().isEmpty()) {
                continue;
            }
            Map<String, Object> env = environment(user.userName());
            assertThat(env).as(user.userName())
                    .containsEntry("SPRING_KAFKA_STREAMS_REPLICATION_FACTOR", 3)
                    .containsEntry("SPRING_KAFKA_STREAMS_PROPERTIES_TOPIC_MIN_INSYNC_REPLICAS", 2);
            assertThat((Integer) env.get("SPRING_KAFKA_STREAMS_PROPERTIES_NUM_STANDBY_REPLICAS")).as(user.userName())
                    .isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyServiceLogsInWithItsOwnScramPasswordOnBrokersThatEnforceAcls() throws IOException {
        for (String node : List.of("kafka-1", "kafka-2", "kafka-3")) {
            Map<String, Object> env = environment(node);
            assertThat(String.valueOf(env.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP"))).as(node)
                    .doesNotContain(":PLAINTEXT").doesNotContain(":SSL");
            assertThat(env).as(node)
                    .containsEntry("KAFKA_AUTHORIZER_CLASS_NAME", "org.apache.kafka.metadata.authorizer.StandardAuthorizer")
                    .containsEntry("KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND", "false")
                    .containsEntry("KAFKA_SUPER_USERS", "User:admin");
        }
        for (String service : SERVICES) {
            Map<String, Object> env = environment(service);
            assertThat(env).as(service)
                    .containsEntry("SPRING_KAFKA_PROPERTIES_SECURITY_PROTOCOL", "SASL_PLAINTEXT")
                    .containsEntry("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", "SCRAM-SHA-512");
            assertThat(String.valueOf(env.get("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG")))
                    .contains("username=\"$${spring.application.name}\"").contains("password=\"$${kafka-password}\"");
            assertThat(String.valueOf(env.get("SPRING_CONFIG_IMPORT"))).contains("configtree:/run/secrets/");
            // Its own principal: the application name is the Kafka user, its secret is its own password only.
            assertThat(String.valueOf(serviceConfig(service).get("spring.application.name"))).isEqualTo(service);
            assertThat(KafkaUser.values()).extracting(KafkaUser::userName).contains(service);
            List<Object> mounted = (List<Object>) service(service).get("secrets");
            List<Object> kafkaSecrets = mounted.stream().filter(m -> String.valueOf(m).contains("kafka-")).toList();
            assertThat(kafkaSecrets).as(service).singleElement()
                    .isEqualTo(Map.of("source", "kafka-" + service, "target", "kafka-password"));
        }
        Map<String, Object> secrets = (Map<String, Object>) compose.get("secrets");
        List<Object> setupSecrets = (List<Object>) service("kafka-setup").get("secrets");
        for (KafkaUser user : KafkaUser.values()) {
            assertThat(secrets).containsKey("kafka-" + user.userName());
            assertThat(setupSecrets).as("kafka-setup creates every SCRAM user").contains("kafka-" + user.userName());
        }
        assertThat(setupSecrets).contains("kafka-admin");
    }

    @Test
    @SuppressWarnings("unchecked")
    void productionModeWithAUsersFileAndSchemasRegisteredAheadWithAutoRegistrationOff() {
        assertThat(String.join(" ", command("register-schemas"))).contains("cluster register-schemas");
        for (String service : SERVICES) {
            Map<String, Object> env = environment(service);
            assertThat(env).as(service)
                    .containsEntry("GREENLIGHT_SECURITY_PRODUCTION", "true")
                    .containsEntry("GREENLIGHT_SECURITY_DEMO_USERS", "false")
                    .containsEntry("GREENLIGHT_SECURITY_USERS_FILE", "/run/secrets/users")
                    .containsEntry("SPRING_KAFKA_PROPERTIES_AUTO_REGISTER_SCHEMAS", "false")
                    .doesNotContainKey("GREENLIGHT_POLICIES_DIRS");
            assertThat((List<Object>) service(service).get("secrets")).as(service).contains("users");
            Map<String, Object> dependsOn = (Map<String, Object>) service(service).get("depends_on");
            assertThat((Map<String, Object>) dependsOn.get("register-schemas")).as(service)
                    .containsEntry("condition", "service_completed_successfully");
            assertThat((Map<String, Object>) dependsOn.get("kafka-setup")).as(service)
                    .containsEntry("condition", "service_completed_successfully");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyLongRunningServiceHasAHealthcheckOnItsOwnPort() throws IOException {
        services().forEach((name, definition) -> {
            Map<String, Object> service = (Map<String, Object>) definition;
            if (!"no".equals(String.valueOf(service.get("restart")))) {
                assertThat(service).as(name + " healthcheck").containsKey("healthcheck");
            }
        });
        for (String service : SERVICES) {
            Map<String, Object> healthcheck = (Map<String, Object>) service(service).get("healthcheck");
            assertThat((List<Object>) healthcheck.get("test")).as(service)
                    .contains("/opt/greenlight/HealthCheck.java", String.valueOf(serviceConfig(service).get("server.port")));
        }
        String dockerfile = Files.readString(repositoryRoot().resolve("Dockerfile"));
        assertThat(dockerfile).contains("COPY docker/HealthCheck.java /opt/greenlight/HealthCheck.java");
        assertThat(repositoryRoot().resolve("docker/HealthCheck.java")).exists();
    }

    @Test
    void theServicesSectionComesLastSoANewServiceIsOneBlockAppendedAtTheEnd() {
        assertThat(List.copyOf(compose.keySet())).last().isEqualTo("services");
    }

    @Test
    void theConfigurationCheckRejectsAnInventedVariable() {
        assertThat(knownProperties).contains("SPRING_KAFKA_BOOTSTRAP_SERVERS")
                .doesNotContain("SPRING_KAFKA_BOOTSTRAP_SERVER_LIST");
    }

    private static String envForm(String property) {
        return property.replace('.', '_').replace('-', '_').replace("[", "").replace("]", "")
                .toUpperCase(Locale.ROOT);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> environment(String service) {
        return (Map<String, Object>) service(service).get("environment");
    }

    @SuppressWarnings("unchecked")
    private static List<String> command(String service) {
        return ((List<Object>) service(service).get("command")).stream().map(String::valueOf).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> services() {
        return (Map<String, Object>) compose.get("services");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(String name) {
        return (Map<String, Object>) services().get(name);
    }

    /** The service's own configuration file, flattened to dotted keys. */
    private static Map<String, Object> serviceConfig(String service) throws IOException {
        Path file = repositoryRoot().resolve("services").resolve(service)
                .resolve("src/main/resources").resolve(service + ".yml");
        Map<String, Object> flat = new LinkedHashMap<>();
        flatten("", yaml(Files.readString(file)), flat);
        return flat;
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Map<String, Object> tree, Map<String, Object> into) {
        tree.forEach((key, value) -> {
            String path = prefix.isEmpty() ? key : prefix + "." + key;
            if (value instanceof Map<?, ?> nested) {
                flatten(path, (Map<String, Object>) nested, into);
            } else {
                into.put(path, value);
            }
        });
    }

    private static Map<String, Object> yaml(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(100);
        return new Yaml(options).load(text);
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("docker-compose.yml"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("repository root with docker-compose.yml").isNotNull();
        return dir;
    }
}
