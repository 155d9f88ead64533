package dev.greenlight.cli.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.greenlight.events.CheckReported;
import dev.greenlight.events.CheckStatus;
import dev.greenlight.events.DeploymentApplied;
import dev.greenlight.events.DeploymentCommand;
import dev.greenlight.events.DeploymentStatus;
import dev.greenlight.events.EventMetadata;
import dev.greenlight.events.GateDecided;
import dev.greenlight.events.GateOutcome;
import dev.greenlight.events.ReleaseRegistered;
import dev.greenlight.events.ReleaseType;
import dev.greenlight.gate.GateEvaluatorApplication;
import dev.greenlight.platform.kafka.CatalogueAvroSerializer;
import dev.greenlight.platform.registry.SchemaRegistryClient;
import dev.greenlight.platform.registry.SchemaRegistryClients;
import dev.greenlight.platform.serde.AvroDeserializer;
import dev.greenlight.platform.topics.KafkaUser;
import dev.greenlight.platform.topics.Topic;
import dev.greenlight.platform.topics.Topics;
import dev.greenlight.registry.SchemaRegistryApplication;
import dev.greenlight.registry.kafka.TopicReadiness;
import dev.greenlight.rollout.RolloutControllerApplication;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.TaskMetadata;
import org.apache.kafka.streams.ThreadMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.util.FileSystemUtils;

/**
 * Scale-out, proven on a real broker: two gate-evaluator and two rollout-controller instances
 * (same application ids, each its own state directory, each advertising its HTTP address as
 * {@code application.server}, {@code num.standby.replicas=1} as shipped) share the partitions; a
 * query at the instance that does not own the target is redirected (307) to the one that does;
 * when one instance of each service is killed, the other takes over and goes on deciding, and
 * every decision and every deployment command is on the topics exactly once.
 *
 * <p>The broker is the local stack's (SASL, ACLs, each service as its own principal); the test
 * publishes evidence and acknowledges deployment commands itself. Only the consumer group timing
 * is shortened, so a killed instance is noticed in seconds rather than 45 s.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaleOutIT {

    private static final Duration WAIT = Duration.ofMinutes(3);
    private static final String POLICIES =
            Path.of("src/test/resources/scale-out-policies").toAbsolutePath().toString();
    private static final String REVISION_1 = "1111111111111111111111111111111111111111";
    private static final String REVISION_2 = "2222222222222222222222222222222222222222";
    private static final int PARTITIONS = Topics.RELEASES.partitions();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private Path dataDir;
    private KafkaCredentials credentials;
    private LocalKafkaBroker broker;
    private ConfigurableApplicationContext registry;
    private String registryUrl;
    private SchemaRegistryClient registryClient;
    private KafkaProducer<String, Object> producer;
    private final List<Instance> gates = new ArrayList<>();
    private final List<Instance> rollouts = new ArrayList<>();

    /** Released before the kill: two targets on every partition, so both instances own some. */
    private final List<String> first = targetsOnEveryPartition("scale-a-", 2);
    /** Released right after the kill, while its instance's partitions have no owner yet. */
    private final List<String> second = targetsOnEveryPartition("scale-b-", 1);

    @BeforeAll
    void start() throws Exception {
        dataDir = Files.createTempDirectory("greenlight-scale-out");
        List<Integer> ports = freePorts(7);
        credentials = KafkaCredentials.loadOrGenerate(dataDir);
        broker = new LocalKafkaBroker(dataDir.resolve("kafka"), ports.get(0), ports.get(1), credentials).start(WAIT);
        try (Admin admin = Admin.create(broker.adminConfig(Map.of()))) {
            KafkaSecuritySetup.apply(admin, broker.bootstrapServers(), credentials, WAIT);
            List<NewTopic> topics = Topics.all().stream()
                    .map(t -> new NewTopic(t.name(), t.partitions(), (short) 1).configs(t.configs())).toList();
            admin.createTopics(topics).all().get();
            TopicReadiness.await(admin, topics.stream().map(NewTopic::name).toList(), WAIT);
        }
        registryUrl = "http://localhost:" + ports.get(2);
        registry = run(SchemaRegistryApplication.builder(), ports.get(2), KafkaUser.REGISTRY, List.of());
        registryClient = SchemaRegistryClients.fromConfig(Map.of(SchemaRegistryClients.SCHEMA_REGISTRY_URL, registryUrl));

        // Two of each, started together as a deployment would start its replicas.
        List<CompletableFuture<Instance>> starting = List.of(
                instance("gate-1", GateEvaluatorApplication.builder(), KafkaUser.GATE_EVALUATOR, ports.get(3)),
                instance("gate-2", GateEvaluatorApplication.builder(), KafkaUser.GATE_EVALUATOR, ports.get(4)),
                instance("rollout-1", RolloutControllerApplication.builder(), KafkaUser.ROLLOUT_CONTROLLER, ports.get(5)),
                instance("rollout-2", RolloutControllerApplication.builder(), KafkaUser.ROLLOUT_CONTROLLER, ports.get(6)));
        CompletableFuture.allOf(starting.toArray(CompletableFuture[]::new)).join();
        gates.addAll(List.of(starting.get(0).join(), starting.get(1).join()));
        rollouts.addAll(List.of(starting.get(2).join(), starting.get(3).join()));

        Map<String, Object> producerConfig = new HashMap<>(credentials.adminProperties());
        producerConfig.putAll(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true));
        producer = new KafkaProducer<>(producerConfig, new StringSerializer(),
                new CatalogueAvroSerializer(registryClient, Topics.all()));
    }

    @AfterAll
    void stop() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(10));
        }
        for (Instance instance : concat(rollouts, gates)) {
            instance.context().close();
        }
        if (registry != null) {
            registry.close();
        }
        if (broker != null) {
            broker.close();
        }
        if (dataDir != null) {
            FileSystemUtils.deleteRecursively(dataDir.toFile());
        }
    }

    @Test
    @Order(1)
    void theInstancesSplitThePartitionsAndKeepStandbyCopiesOfTheOthers() {
        for (List<Instance> service : List.of(gates, rollouts)) {
            await().atMost(WAIT).untilAsserted(() -> {
                for (Instance instance : service) {
                    assertThat(instance.streams().state()).as(instance.name()).isEqualTo(KafkaStreams.State.RUNNING);
                    assertThat(instance.active()).as(instance.name() + " active partitions").isNotEmpty();
                    assertThat(instance.standby()).as(instance.name() + " standby partitions").isNotEmpty();
                }
                Set<Integer> owned = new HashSet<>(service.get(0).active());
                assertThat(owned).as("no partition owned twice").doesNotContainAnyElementsOf(service.get(1).active());
                owned.addAll(service.get(1).active());
                assertThat(owned).as("every partition owned").hasSize(PARTITIONS);
            });
        }
    }

    @Test
    @Order(2)
    void releasesOnEveryPartitionAreDecidedAndDeployed() throws Exception {
        for (String target : first) {
            release(target, "1.0.0", REVISION_1, CheckStatus.PASS);
        }
        Map<String, DeploymentCommand> commands = awaitCommands(first.stream().map(t -> t + "@1.0.0").toList());
        // The test is the deployer: every command applied, so each rollout completes and 1.0.0 becomes stable.
        for (DeploymentCommand command : commands.values()) {
            producer.send(new ProducerRecord<>(Topics.DEPLOYMENT_REPORTS.name(), command.getTarget(), applied(command))).get();
        }
        for (String target : first) {
            await().atMost(WAIT).untilAsserted(() -> assertThat(followed(rollouts.get(0), "/api/v1/rollouts/" + target))
                    .contains("\"status\":\"COMPLETED\""));
        }
    }

    @Test
    @Order(3)
    void aQueryAtTheInstanceThatDoesNotOwnTheTargetIsRedirectedToTheOneThatDoes() {
        Set<String> gateOwners = new HashSet<>();
        Set<String> rolloutOwners = new HashSet<>();
        for (String target : first) {
            gateOwners.add(assertRedirectedToOwner(gates, "/api/v1/releases/" + target + "/1.0.0?asked-by=scale-out-it"));
            rolloutOwners.add(assertRedirectedToOwner(rollouts, "/api/v1/rollouts/" + target + "?asked-by=scale-out-it"));
        }
        assertThat(gateOwners).as("gate instances answering for their own targets").hasSize(2);
        assertThat(rolloutOwners).as("rollout instances answering for their own targets").hasSize(2);
    }

    @Test
    @Order(4)
    void theRedirectIsOnlyForAnAuthenticatedCallerAndACommandIsRedirectedWithItsMethod() {
        String target = first.get(0);
        Instance gateNonOwner = nonOwner(gates, "/api/v1/releases/" + target + "/1.0.0");
        HttpResponse<String> anonymous = send(gateNonOwner, "GET", "/api/v1/releases/" + target + "/1.0.0", null, null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Location")).isEmpty();

        String status = "/api/v1/rollouts/" + target;
        Instance rolloutNonOwner = nonOwner(rollouts, status);
        HttpResponse<String> anonymousRollout = send(rolloutNonOwner, "GET", status, null, null);
        assertThat(anonymousRollout.statusCode()).isEqualTo(401);
        assertThat(anonymousRollout.headers().firstValue("Location")).isEmpty();

        // A command needs the target's state for its immediate answer (403/409), so it goes to the
        // owner too, method and body kept. Not followed here: the rollout is complete, nothing to pause.
        String pause = "/api/v1/rollouts/" + target + "/1.0.0/pause";
        HttpResponse<String> redirected = send(rolloutNonOwner, "POST", pause, "erin", "{\"reason\":\"scale-out test\"}");
        assertThat(redirected.statusCode()).isEqualTo(307);
        assertThat(redirected.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).endsWith(pause).doesNotContain(":" + rolloutNonOwner.port() + "/"));
    }

    @Test
    @Order(5)
    void whenOneInstanceOfEachDiesTheOtherTakesOverAndNothingIsLostOrDoubled() throws Exception {
        Instance deadGate = gates.remove(0);
        Instance deadRollout = rollouts.remove(0);
        Set<Integer> orphaned = deadGate.active();
        // The survivors keep warm copies of exactly what is about to be orphaned.
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(gates.get(0).standby()).as("gate standby partitions").containsAll(deadGate.active());
            assertThat(rollouts.get(0).standby()).as("rollout standby partitions").containsAll(deadRollout.active());
        });
        deadGate.context().close();
        deadRollout.context().close();

        // At once, while the dead instances' partitions have no owner yet: new releases, a second
        // version of every earlier target, and a failed run that must turn each earlier GO into NO_GO.
        for (String target : second) {
            release(target, "1.0.0", REVISION_1, CheckStatus.PASS);
        }
        for (String target : first) {
            release(target, "2.0.0", REVISION_2, CheckStatus.PASS);
            producer.send(new ProducerRecord<>(Topics.CHECKS.name(), target,
                    check(target, "1.0.0", REVISION_1, CheckStatus.FAIL, "late-fail"))).get();
        }

        Instance gate = gates.get(0);
        Instance rollout = rollouts.get(0);
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(gate.active()).as("the surviving gate owns every partition").hasSize(PARTITIONS);
            assertThat(rollout.active()).as("the surviving rollout-controller owns every partition").hasSize(PARTITIONS);
        });
        assertThat(orphaned).as("the killed gate owned partitions").isNotEmpty();

        List<String> expected = new ArrayList<>();
        second.forEach(t -> expected.add(t + "@1.0.0"));
        first.forEach(t -> expected.add(t + "@2.0.0"));
        Map<String, DeploymentCommand> commands = awaitCommands(expected);
        for (String target : first) {
            // The survivor continued the target's own sequence (1 was the dead instance's, or its
            // own): the rollout state came over, it did not start the target again.
            assertThat(commands.get(target + "@2.0.0").getSequence()).as(target).isEqualTo(2L);
        }
        List<GateDecided> decisions = await().atMost(WAIT).until(() -> read(Topics.DECISIONS),
                all -> first.stream().allMatch(t -> latest(all, t, "1.0.0") == GateOutcome.NO_GO)
                        && first.stream().allMatch(t -> latest(all, t, "2.0.0") == GateOutcome.GO)
                        && second.stream().allMatch(t -> latest(all, t, "1.0.0") == GateOutcome.GO));
        assertEveryVerdictOnceInOneChain(decisions);

        // The survivor answers for every target itself now: no redirect to the dead instance.
        for (String target : concat(first, second)) {
            await().atMost(WAIT).untilAsserted(() -> {
                assertThat(send(gate, "GET", "/api/v1/releases/" + target + "/1.0.0", "bob", null).statusCode())
                        .as(target).isEqualTo(200);
                assertThat(send(rollout, "GET", "/api/v1/rollouts/" + target, "bob", null).statusCode())
                        .as(target).isEqualTo(200);
            });
        }
    }

    // --- what the test checks -----------------------------------------------------------------

    /**
     * Every (target, version, stage) has one chain of verdicts on the decisions topic: the first
     * names no previous decision, each later one names the one before it. A decision written
     * twice, one lost, or a chain started again by an instance that did not know the state
     * breaks it.
     */
    private static void assertEveryVerdictOnceInOneChain(List<GateDecided> decisions) {
        assertThat(decisions.stream().map(GateDecided::getDecisionId))
                .as("every decision id once").doesNotHaveDuplicates();
        Map<String, List<GateDecided>> chains = decisions.stream().collect(Collectors.groupingBy(
                d -> d.getTarget() + "@" + d.getVersion() + "/" + d.getStage(), LinkedHashMap::new, Collectors.toList()));
        chains.forEach((release, chain) -> {
            assertThat(chain.get(0).getPreviousDecisionId()).as(release + " starts its chain").isNull();
            for (int i = 1; i < chain.size(); i++) {
                assertThat(chain.get(i).getPreviousDecisionId()).as(release + " decision " + i)
                        .isEqualTo(chain.get(i - 1).getDecisionId());
                assertThat(chain.get(i).getOutcome() != chain.get(i - 1).getOutcome()
                        || !chain.get(i).getCriteria().equals(chain.get(i - 1).getCriteria()))
                        .as(release + " decision " + i + " says something new").isTrue();
            }
        });
    }

    /** Waits for one command per expected {@code target@version}, and never a second one. */
    private Map<String, DeploymentCommand> awaitCommands(List<String> expected) {
        List<DeploymentCommand> all = await().atMost(WAIT).until(() -> read(Topics.DEPLOYMENT_COMMANDS),
                commands -> commands.stream().map(c -> c.getTarget() + "@" + c.getVersion())
                        .collect(Collectors.toSet()).containsAll(expected));
        assertThat(all.stream().map(c -> c.getTarget() + "@" + c.getVersion()))
                .as("one deployment command per release").doesNotHaveDuplicates();
        assertThat(all.stream().map(DeploymentCommand::getCommandId)).doesNotHaveDuplicates();
        return all.stream().collect(Collectors.toMap(c -> c.getTarget() + "@" + c.getVersion(), Function.identity()));
    }

    private static GateOutcome latest(List<GateDecided> decisions, String target, String version) {
        GateOutcome outcome = null;
        for (GateDecided decision : decisions) {
            if (decision.getTarget().equals(target) && decision.getVersion().equals(version)) {
                outcome = decision.getOutcome();
            }
        }
        return outcome;
    }

    /**
     * Asks both instances; once the assignment has settled one answers 200 and the other 307 to
     * it, for the same path and query. Returns the owner's name.
     */
    private String assertRedirectedToOwner(List<Instance> service, String pathAndQuery) {
        String[] owner = new String[1];
        await().atMost(WAIT).untilAsserted(() -> {
            HttpResponse<String> a = send(service.get(0), "GET", pathAndQuery, "bob", null);
            HttpResponse<String> b = send(service.get(1), "GET", pathAndQuery, "bob", null);
            assertThat(List.of(a.statusCode(), b.statusCode())).as(pathAndQuery).containsExactlyInAnyOrder(200, 307);
            Instance ownerInstance = a.statusCode() == 200 ? service.get(0) : service.get(1);
            HttpResponse<String> redirect = a.statusCode() == 307 ? a : b;
            assertThat(redirect.headers().firstValue("Location")).as(pathAndQuery)
                    .contains(ownerInstance.url() + pathAndQuery);
            assertThat(redirect.body()).isEmpty();
            owner[0] = ownerInstance.name();
        });
        return owner[0];
    }

    private Instance nonOwner(List<Instance> service, String path) {
        return await().atMost(WAIT).until(() -> service.stream()
                        .filter(i -> send(i, "GET", path, "bob", null).statusCode() == 307).findFirst().orElse(null),
                instance -> instance != null);
    }

    /** What a client does with a 307: the same request, with its credentials, at the Location. */
    private String followed(Instance instance, String path) {
        HttpResponse<String> response = send(instance, "GET", path, "bob", null);
        if (response.statusCode() == 307) {
            response = send(URI.create(response.headers().firstValue("Location").orElseThrow()), "GET", "bob", null);
        }
        return response.statusCode() + " " + response.body();
    }

    // --- events -------------------------------------------------------------------------------

    private void release(String target, String version, String revision, CheckStatus status) throws Exception {
        Instant now = Instant.now();
        producer.send(new ProducerRecord<>(Topics.RELEASES.name(), target, new ReleaseRegistered(
                new EventMetadata("reg-" + target + "-" + version, now, "ci"), target, version, ReleaseType.BUGFIX,
                revision, "alice", null, "scale-out", null, List.of()))).get();
        producer.send(new ProducerRecord<>(Topics.CHECKS.name(), target,
                check(target, version, revision, status, "run-1"))).get();
    }

    private static CheckReported check(String target, String version, String revision, CheckStatus status, String run) {
        Instant now = Instant.now();
        return new CheckReported(new EventMetadata("check-" + target + "-" + version + "-" + run, now, "ci"),
                target, version, "tests", status, revision, now.minusSeconds(60), now, null, null, Map.of(), null, null);
    }

    private static DeploymentApplied applied(DeploymentCommand command) {
        return new DeploymentApplied(new EventMetadata("applied:" + command.getCommandId(), Instant.now(), "deployer"),
                command.getTarget(), command.getCommandId(), command.getSequence(), "scale-out-it",
                DeploymentStatus.APPLIED, null);
    }

    /** Everything committed on {@code topic}, as a read_committed consumer sees it. */
    private <V> List<V> read(Topic<V> topic) {
        Map<String, Object> config = new HashMap<>(credentials.adminProperties());
        config.putAll(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false));
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new AvroDeserializer<>(registryClient, topic.valueSchema()))) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (int p = 0; p < topic.partitions(); p++) {
                partitions.add(new TopicPartition(topic.name(), p));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<V> values = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, V> record : consumer.poll(Duration.ofMillis(500))) {
                    values.add(record.value());
                }
            }
            return values;
        }
    }

    // --- the instances ------------------------------------------------------------------------

    private record Instance(String name, int port, ConfigurableApplicationContext context) {

        String url() {
            return "http://localhost:" + port;
        }

        KafkaStreams streams() {
            return context.getBean(StreamsBuilderFactoryBean.class).getKafkaStreams();
        }

        Set<Integer> active() {
            return partitions(ThreadMetadata::activeTasks);
        }

        Set<Integer> standby() {
            return partitions(ThreadMetadata::standbyTasks);
        }

        private Set<Integer> partitions(Function<ThreadMetadata, Set<TaskMetadata>> tasks) {
            return streams().metadataForLocalThreads().stream().flatMap(thread -> tasks.apply(thread).stream())
                    .map(task -> task.taskId().partition()).collect(Collectors.toSet());
        }
    }

    private CompletableFuture<Instance> instance(String name, SpringApplicationBuilder builder, KafkaUser user, int port) {
        return CompletableFuture.supplyAsync(() -> new Instance(name, port, run(builder, port, user, List.of(
                // The topics exist; services may not create or alter one.
                "--spring.kafka.admin.auto-create=false",
                "--spring.kafka.properties.schema.registry.url=" + registryUrl,
                "--spring.kafka.streams.state-dir=" + dataDir.resolve("streams").resolve(name),
                // What an operator sets per instance: the address its HTTP API is reached at.
                "--spring.kafka.streams.properties.application.server=localhost:" + port,
                // Test only: notice a dead instance in seconds (the default session is 45 s).
                "--spring.kafka.streams.properties.session.timeout.ms=10000",
                "--spring.kafka.streams.properties.heartbeat.interval.ms=2000",
                "--greenlight.security.demo-users=true",
                "--greenlight.policies.dirs=" + POLICIES))));
    }

    /** As the local stack runs its applications: own principal, no JMX, quiet, stopped by the test. */
    private ConfigurableApplicationContext run(SpringApplicationBuilder builder, int port, KafkaUser user,
                                               List<String> extra) {
        List<String> args = LocalStack.embeddedArgs(port, broker.bootstrapServers());
        credentials.clientProperties(user).forEach((key, value) -> args.add("--spring.kafka.properties." + key + "=" + value));
        args.addAll(extra);
        return builder.run(args.toArray(String[]::new));
    }

    private static HttpResponse<String> send(Instance instance, String method, String pathAndQuery, String user,
                                             String json) {
        return send(URI.create(instance.url() + pathAndQuery), method, user, json);
    }

    private static HttpResponse<String> send(URI uri, String method, String user, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
        if (user != null) {
            request.header("Authorization", "Bearer demo-" + user);
        }
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("calling " + uri + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Target names chosen so that each partition holds {@code perPartition} of them (the default partitioner). */
    private static List<String> targetsOnEveryPartition(String prefix, int perPartition) {
        Map<Integer, List<String>> byPartition = new LinkedHashMap<>();
        for (int i = 0; byPartition.values().stream().mapToInt(List::size).sum() < perPartition * PARTITIONS; i++) {
            String target = prefix + i;
            int partition = Utils.toPositive(Utils.murmur2(target.getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
            List<String> onIt = byPartition.computeIfAbsent(partition, p -> new ArrayList<>());
            if (onIt.size() < perPartition) {
                onIt.add(target);
            }
        }
        return byPartition.values().stream().flatMap(List::stream).toList();
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

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
