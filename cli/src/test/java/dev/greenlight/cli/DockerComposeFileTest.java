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
            List.of("check-ingest", "approval", "gate-evaluator", "rollout-controller", "audit-ledger", "console");
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
        assertThat(services()).containsKeys("kafka", "schema-registry");
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
    void theConfigurationCheckRejectsAnInventedVariable() {
        assertThat(knownProperties).contains("SPRING_KAFKA_BOOTSTRAP_SERVERS")
                .doesNotContain("SPRING_KAFKA_BOOTSTRAP_SERVER_LIST");
    }

    private static String envForm(String property) {
        return property.replace('.', '_').replace('-', '_').replace("[", "").replace("]", "")
                .toUpperCase(Locale.ROOT);
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
