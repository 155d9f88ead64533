package dev.greenlight.systemtests;

import static org.awaitility.Awaitility.await;

import dev.greenlight.cli.stack.KafkaCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The production topology of docker-compose.yml run by the build, without Docker: the three KRaft
 * nodes in this JVM ({@link KraftCluster}), the one-shot jobs {@code kafka-setup} and
 * {@code register-schemas} run from the CLI's exec jar with their compose commands, the schema
 * registry and the seven services each as its own JVM from its exec jar ({@link ServiceJvm}), in an
 * empty working directory, with its compose environment. Docker's parts are replaced one for one:
 * host names by loopback ports ({@link LoopbackHosts}), {@code /run/secrets} by a directory holding
 * only the secrets the compose file mounts into that service, volumes by directories that outlive a
 * killed process, {@code ${VAR:?}} by the values an operator exports (the sealing key).
 *
 * <p>One stack per test run, shared by every suite (starting it costs minutes on a loaded 2-core
 * machine); suites use their own targets. The Confluent registry image is the one substitution of a
 * program: Greenlight's own Confluent-compatible registry ({@code registry} module) runs in its place,
 * logging in as {@code registry} like the compose file's {@code SCHEMA_REGISTRY_KAFKASTORE_*} settings.
 */
public final class ProductionStack implements BeforeAllCallback {

    static final List<String> SERVICES = List.of("check-ingest", "approval", "gate-evaluator", "rollout-controller",
            "audit-ledger", "console", "integrations");
    static final Duration START_TIMEOUT = Duration.ofMinutes(15);
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{([A-Z0-9_]+)(?::([?-])([^}]*))?}");

    private static ProductionStack stack;
    private static RuntimeException failedStart;

    final Path jars = Path.of(System.getProperty("greenlight.system-tests.jars", "target/service-jars"));
    final ComposeFile compose = ComposeFile.load(Path.of(
            System.getProperty("greenlight.system-tests.compose-file", "../docker-compose.yml")));
    final LoopbackHosts hosts = new LoopbackHosts();
    final Path run;
    final Path secrets;
    final Map<String, String> tokens = new LinkedHashMap<>();
    final Map<String, ServiceJvm> services = new LinkedHashMap<>();
    final Map<String, String> operatorEnvironment = new LinkedHashMap<>();
    /** Restarts the harness made for compose's restart policy (not the faults a test injects). */
    final Map<String, Integer> restarts = new java.util.concurrent.ConcurrentHashMap<>();
    /** A liveness probe every 10 s, restart after three failures in a row (Kubernetes' defaults). */
    private static final Duration LIVENESS_GRACE = Duration.ofSeconds(30);
    private final Map<String, Long> livenessDownSince = new java.util.concurrent.ConcurrentHashMap<>();
    KraftCluster kafka;
    KafkaCredentials credentials;
    ServiceJvm registry;

    private ProductionStack() {
        try {
            Path work = Path.of(System.getProperty("greenlight.system-tests.work", "target/system-tests"));
            Files.createDirectories(work);
            run = Files.createTempDirectory(work.toAbsolutePath(), "run-");
            secrets = run.resolve("secrets");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        synchronized (ProductionStack.class) {
            if (failedStart != null) {
                // One attempt per run: a second stack beside the remains of the first only adds load.
                throw new IllegalStateException("the production stack did not start earlier in this run", failedStart);
            }
            if (stack == null) {
                ProductionStack starting = new ProductionStack();
                try {
                    starting.start();
                } catch (Exception | AssertionError e) {
                    starting.close();
                    failedStart = new IllegalStateException("the production stack did not start", e);
                    throw failedStart;
                }
                context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                        .put(ProductionStack.class, (AutoCloseable) starting::close);
                stack = starting;
            }
        }
    }

    static ProductionStack get() {
        if (stack == null) {
            throw new IllegalStateException("annotate the suite with @ExtendWith(ProductionStack.class)");
        }
        return stack;
    }

    private void start() throws Exception {
        long began = System.nanoTime();
        // The hosts the compose file names, each a loopback port of its own.
        for (String node : KraftCluster.NODES) {
            hosts.port(node + ":9092");
            hosts.port(node + ":9093");
        }
        hosts.port("schema-registry:8081");
        for (String service : SERVICES) {
            int port = hosts.port(service + ":" + compose.containerPort(service));
            // What the host publishes ("8186:8186"), e.g. the console's default public URL.
            hosts.substituteAlso("localhost:" + compose.containerPort(service), port);
        }

        // What docs/operations.md has the operator do before the first `docker compose up`.
        CompletableFuture<Void> passwords = CompletableFuture.runAsync(
                () -> job("cluster-secrets", List.of("cluster", "secrets", "--dir", secrets.toString())));
        CompletableFuture<Void> ledgerKey = CompletableFuture.runAsync(
                () -> job("ledger-keygen", List.of("ledger", "keygen", "--dir", secrets.toString())));
        CompletableFuture.allOf(passwords, ledgerKey).join();
        writeUsersFile();
        byte[] sealingKey = new byte[32];
        new SecureRandom().nextBytes(sealingKey);
        operatorEnvironment.put("GREENLIGHT_SEALING_KEY", Base64.getEncoder().encodeToString(sealingKey));
        credentials = KafkaCredentials.fromSecretFiles(secrets);
        timing("secrets, ledger key and users file", began);

        kafka = new KraftCluster(compose, hosts, secrets, run.resolve("kafka")).startAll();
        timing("three KRaft nodes", began);

        job("kafka-setup", containerCommand("kafka-setup"));
        timing("kafka-setup (users, ACLs, topics)", began);

        registry = new ServiceJvm("schema-registry", jars.resolve("greenlight-registry-exec.jar"), List.of(),
                registryEnvironment(), run.resolve("schema-registry").resolve("work"),
                hosts.port("schema-registry:8081")).start();
        awaitHealthy(List.of(registry));
        timing("schema registry", began);

        job("register-schemas", containerCommand("register-schemas"));
        timing("register-schemas", began);

        for (String service : SERVICES) {
            ServiceJvm jvm = new ServiceJvm(service, jars.resolve(service + "-exec.jar"), List.of(),
                    serviceEnvironment(service), run.resolve(service).resolve("work"),
                    hosts.port(service + ":" + compose.containerPort(service)));
            services.put(service, jvm);
            jvm.start();
        }
        awaitHealthy(services.values());
        timing("seven services healthy", began);
    }

    static void timing(String what, long since) {
        System.out.printf("[system-tests] %-40s at %6.1f s%n", what, (System.nanoTime() - since) / 1e9);
    }

    /** A one-shot job of the CLI's exec jar (the compose file's kafka-setup and register-schemas). */
    void job(String name, List<String> arguments) {
        job(name, arguments, Map.of());
    }

    /** A CLI job with {@code environment} (e.g. a password an operator exports). */
    void job(String name, List<String> arguments, Map<String, String> environment) {
        ServiceJvm job = new ServiceJvm(name, jars.resolve("greenlight-cli-exec.jar"), arguments,
                environment, run.resolve(name).resolve("work"), 0);
        try {
            int exit = job.start().awaitExit(START_TIMEOUT.toSeconds());
            if (exit != 0) {
                throw new IllegalStateException(name + " exited with " + exit + ":\n" + job.tail());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The compose command of a one-shot service, its hosts and secrets mapped. */
    private List<String> containerCommand(String service) {
        Path secretDir = materialiseSecrets(service);
        List<String> command = new ArrayList<>();
        for (String argument : compose.command(service)) {
            command.add(hosts.substitute(argument).replace("/run/secrets", secretDir.toString()));
        }
        return command;
    }

    /** {@code /run/secrets} of one service: only the secrets its compose block mounts, under their target names. */
    Path materialiseSecrets(String service) {
        Path dir = run.resolve(service).resolve("secrets");
        try {
            Files.createDirectories(dir);
            for (Map.Entry<String, String> secret : compose.secrets(service).entrySet()) {
                Files.copy(secretFile(secret.getValue()), dir.resolve(secret.getKey()),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    /** The file behind a top-level compose secret ({@code file: ./secrets/users.yml} -> our secrets dir). */
    private Path secretFile(String secret) {
        return switch (secret) {
            case "users" -> secrets.resolve("users.yml");
            case "ledger-signing-key" -> secrets.resolve("ledger-signing-key.pk8.b64");
            case "ledger-public-key" -> secrets.resolve("ledger-public-key.x509.b64");
            case "ledger-key-history" -> secrets.resolve("ledger-key-history.json");
            default -> secrets.resolve(secret);
        };
    }

    private Map<String, String> serviceEnvironment(String service) {
        Path secretDir = materialiseSecrets(service);
        Map<String, String> env = new LinkedHashMap<>();
        compose.environment(service).forEach((key, value) -> {
            String resolved = hosts.substitute(interpolate(KraftCluster.unescape(value)))
                    .replace("/run/secrets", secretDir.toString());
            for (String mount : compose.volumeMounts(service)) {
                resolved = resolved.replace(mount, run.resolve(service).resolve("volume").toString());
            }
            env.put(key, resolved);
        });
        // The container port, moved to a free loopback one (Docker would map it).
        env.put("SERVER_PORT", String.valueOf(hosts.port(service + ":" + compose.containerPort(service))));
        return env;
    }

    /**
     * The registry in place of cp-schema-registry: its {@code SCHEMA_REGISTRY_KAFKASTORE_*} settings
     * given to Greenlight's registry as Spring Kafka settings (the password read from the secret file).
     */
    private Map<String, String> registryEnvironment() throws IOException {
        Map<String, String> compose = this.compose.environment("schema-registry");
        Path secretDir = materialiseSecrets("schema-registry");
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SERVER_PORT", String.valueOf(hosts.port("schema-registry:8081")));
        env.put("SPRING_KAFKA_BOOTSTRAP_SERVERS",
                hosts.substitute(compose.get("SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS")).replace("SASL_PLAINTEXT://", ""));
        env.put("SPRING_KAFKA_PROPERTIES_SECURITY_PROTOCOL", compose.get("SCHEMA_REGISTRY_KAFKASTORE_SECURITY_PROTOCOL"));
        env.put("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", compose.get("SCHEMA_REGISTRY_KAFKASTORE_SASL_MECHANISM"));
        String password = Files.readString(secretDir.resolve("kafka-registry")).strip();
        env.put("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG", KraftCluster.unescape(
                compose.get("SCHEMA_REGISTRY_KAFKASTORE_SASL_JAAS_CONFIG"))
                .replace("${directory:/run/secrets:kafka-registry}", password));
        env.put("GREENLIGHT_REGISTRY_TOPIC", compose.get("SCHEMA_REGISTRY_KAFKASTORE_TOPIC"));
        return env;
    }

    /** Compose's {@code ${VAR}}, {@code ${VAR:-default}} and {@code ${VAR:?error}} from the operator's environment. */
    String interpolate(String value) {
        Matcher matcher = INTERPOLATION.matcher(value);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String given = operatorEnvironment.get(matcher.group(1));
            String replacement;
            if (given != null) {
                replacement = given;
            } else if ("-".equals(matcher.group(2))) {
                replacement = matcher.group(3);
            } else {
                throw new IllegalStateException("compose needs " + matcher.group(1) + ": " + matcher.group(3));
            }
            matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
        }
        return matcher.appendTail(result).toString();
    }

    /**
     * The API users, as {@code greenlight users add} writes them (only SHA-256 of each token): a CI
     * publisher, three people who sign off, an auditor who reads.
     */
    private void writeUsersFile() throws IOException, NoSuchAlgorithmException {
        record User(String name, String roles, String targets) {
        }
        List<User> users = List.of(new User("ci", "publisher", "\"*\""),
                new User("pat", "platform, engineer", ""), new User("sam", "security", ""),
                new User("olga", "operations", ""), new User("aude", "auditor, engineer", ""));
        StringBuilder yaml = new StringBuilder("users:\n");
        SecureRandom random = new SecureRandom();
        for (User user : users) {
            byte[] raw = new byte[32];
            random.nextBytes(raw);
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
            tokens.put(user.name(), token);
            String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
            yaml.append("- name: ").append(user.name()).append('\n')
                    .append("  roles: [").append(user.roles()).append("]\n")
                    .append("  tokenSha256: ").append(hash).append('\n')
                    .append("  targets: [").append(user.targets()).append("]\n");
        }
        Files.writeString(secrets.resolve("users.yml"), yaml);
    }

    /** Waits until every one answers {@code /actuator/health} with 200 (UP), failing with their logs. */
    void awaitHealthy(java.util.Collection<ServiceJvm> jvms) {
        try {
            await().atMost(START_TIMEOUT).pollInterval(Duration.ofSeconds(1)).until(() -> {
                for (ServiceJvm jvm : jvms) {
                    if (!jvm.alive()) {
                        // restart: unless-stopped, as Docker would (e.g. a start that timed out on a starved broker).
                        restarts.merge(jvm.name(), 1, Integer::sum);
                        if (restarts.get(jvm.name()) > 3) {
                            throw new IllegalStateException(jvm.name() + " exited a fourth time:\n" + jvm.tail());
                        }
                        System.out.println("[system-tests] " + jvm.name() + " exited; restarted as compose's"
                                + " restart: unless-stopped does");
                        jvm.start();
                        return false;
                    }
                    if (status(jvm.url() + "/actuator/health/liveness") != 503) {
                        livenessDownSince.remove(jvm.name());
                    } else if (System.nanoTime() - livenessDownSince.computeIfAbsent(jvm.name(), n -> System.nanoTime())
                            >= LIVENESS_GRACE.toNanos()) {
                        // Liveness DOWN (e.g. a Streams client in ERROR) for as long as an orchestrator's
                        // probe tolerates (a period times its failure threshold): it restarts the process
                        // (docs/operations.md); so does the harness, and says so. A single 503 is not
                        // enough: liveness is BROKEN while a starting service runs its lifecycle beans,
                        // before Spring Boot marks it CORRECT (CI: three restarts of a starting gate).
                        livenessDownSince.remove(jvm.name());
                        restarts.merge(jvm.name(), 1, Integer::sum);
                        if (restarts.get(jvm.name()) > 3) {
                            throw new IllegalStateException(jvm.name() + " not live a fourth time:\n" + jvm.tail());
                        }
                        System.out.println("[system-tests] " + jvm.name() + " reports liveness DOWN; killed and"
                                + " restarted as an orchestrator's liveness probe does");
                        jvm.kill();
                        jvm.start();
                        return false;
                    }
                    if (status(jvm.url() + "/actuator/health") != 200) {
                        return false;
                    }
                }
                return true;
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            StringBuilder logs = new StringBuilder();
            for (ServiceJvm jvm : jvms) {
                if (status(jvm.url() + "/actuator/health") != 200) {
                    logs.append("\n--- ").append(jvm.name()).append(" not healthy:\n").append(jvm.tail());
                }
            }
            throw new AssertionError("not healthy within " + START_TIMEOUT + logs, e);
        }
    }

    static int status(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    ServiceJvm service(String name) {
        return services.get(name);
    }

    /** An API call as {@code user} (its bearer token); status and body. */
    Reply call(String method, String service, String path, String user, String json) {
        return call(method, service, path, user, json, "application/json");
    }

    /** As {@link #call(String, String, String, String, String)}, accepting {@code accept} (e.g. the ledger's NDJSON export). */
    Reply call(String method, String service, String path, String user, String json, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(services.get(service).url() + path))
                .timeout(Duration.ofSeconds(60)).header("Accept", accept);
        if (user != null) {
            request.header("Authorization", "Bearer " + tokens.get(user));
        }
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(),
                    response.headers().firstValue("Retry-After").orElse(null));
        } catch (IOException e) {
            return new Reply(-1, String.valueOf(e), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Reply(int status, String body, String retryAfter) {
    }

    Instant now() {
        return Instant.now();
    }

    private void close() {
        List<CompletableFuture<Void>> stopping = new ArrayList<>();
        services.values().forEach(jvm -> stopping.add(CompletableFuture.runAsync(jvm::close)));
        CompletableFuture.allOf(stopping.toArray(CompletableFuture[]::new)).join();
        if (registry != null) {
            registry.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }
}
