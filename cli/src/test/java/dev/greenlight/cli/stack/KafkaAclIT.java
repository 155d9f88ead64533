package dev.greenlight.cli.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import dev.greenlight.events.EventMetadata;
import dev.greenlight.events.RolloutCommandRequested;
import dev.greenlight.events.RolloutCommandType;
import dev.greenlight.platform.topics.KafkaAcls;
import dev.greenlight.platform.topics.KafkaUser;
import dev.greenlight.platform.topics.Topic;
import dev.greenlight.platform.topics.TopicAccess;
import dev.greenlight.platform.topics.Topics;
import dev.greenlight.registry.kafka.SchemaStoreProperties;
import dev.greenlight.registry.kafka.TopicReadiness;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TransactionalIdAuthorizationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kafka as the security boundary, attacked as a client would attack it: one broker for the class,
 * secured exactly as {@code ./greenlight up} secures it (SASL on both listeners, StandardAuthorizer
 * without an allow-everyone fallback, the users and ACLs {@link KafkaSecuritySetup} applies), with
 * every catalogue topic and the registry's store. Every refusal is asserted together with its
 * consequence: nothing was written (end offsets read as the super user do not move).
 */
class KafkaAclIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String SCHEMAS = SchemaStoreProperties.DEFAULT_TOPIC;

    /** One topic of each kind: evidence, people's sign-offs, the kill switch, verdicts, commands, reports, the record. */
    private static final List<String> TOPIC_CLASSES = List.of(Topics.RELEASES.name(), Topics.APPROVALS.name(),
            Topics.KILL_SWITCH.name(), Topics.DECISIONS.name(), Topics.ROLLOUT_COMMANDS.name(),
            Topics.DEPLOYMENT_COMMANDS.name(), Topics.DEPLOYMENT_REPORTS.name(), Topics.LEDGER.name(), SCHEMAS);

    @TempDir
    static Path dataDir;

    private static LocalKafkaBroker broker;
    private static KafkaCredentials credentials;
    private static Admin admin;

    @BeforeAll
    static void startSecuredBroker() throws Exception {
        StackConfig ports = StackConfig.withFreePorts(dataDir);
        credentials = KafkaCredentials.loadOrGenerate(dataDir);
        broker = new LocalKafkaBroker(ports.kafkaDir(), ports.kafkaPort(), ports.controllerPort(), credentials)
                .start(TIMEOUT);
        admin = Admin.create(broker.adminConfig(Map.of()));
        KafkaSecuritySetup.apply(admin, broker.bootstrapServers(), credentials, TIMEOUT);
        List<NewTopic> topics = new ArrayList<>();
        for (Topic<?> topic : Topics.all()) {
            topics.add(new NewTopic(topic.name(), topic.partitions(), (short) 1).configs(topic.configs()));
        }
        topics.add(new NewTopic(SCHEMAS, 1, (short) 1));
        admin.createTopics(topics).all().get();
        TopicReadiness.await(admin, topics.stream().map(NewTopic::name).toList(), TIMEOUT);
    }

    @AfterAll
    static void stopBroker() {
        if (admin != null) {
            admin.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void anAnonymousClientWritesNothing() throws Exception {
        Map<String, Long> before = endOffsets();

        // No SASL at all: the broker answers nothing but the handshake, the client never gets metadata.
        Map<String, Object> anonymous = producerConfig(Map.of());
        anonymous.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 2_000);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(anonymous)) {
            Throwable refused = catchThrowable(() -> producer.send(record(Topics.ROLLOUT_COMMANDS.name())).get());
            assertThat(refused).isNotNull();
        }
        // SASL with a guessed password, and with a user the broker does not know.
        for (Map<String, Object> login : List.of(
                KafkaCredentials.scramLogin(KafkaUser.ROLLOUT_CONTROLLER.userName(), "not-the-password-at-all"),
                KafkaCredentials.scramLogin("mallory", credentials.password(KafkaUser.APPROVAL.userName())),
                Map.<String, Object>of("security.protocol", "SASL_PLAINTEXT", "sasl.mechanism", "PLAIN",
                        "sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required"
                                + " username=\"admin\" password=\"guessed-admin-password\";"))) {
            Map<String, Object> config = producerConfig(login);
            // An authentication failure is final; do not spend the test waiting between reconnects.
            config.put(ProducerConfig.RECONNECT_BACKOFF_MS_CONFIG, 10);
            config.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 20);
            try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config)) {
                for (String topic : TOPIC_CLASSES) {
                    assertThatThrownBy(() -> producer.send(record(topic)).get()).as(topic)
                            .hasRootCauseInstanceOf(SaslAuthenticationException.class);
                }
            }
        }

        assertThat(endOffsets()).isEqualTo(before);
    }

    @Test
    void onlyATopicsOwnerMayWriteIt() throws Exception {
        Map<String, Long> before = endOffsets();
        List<String> refusals = new ArrayList<>();
        for (KafkaUser user : KafkaUser.values()) {
            try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig(
                    credentials.clientProperties(user)))) {
                for (String topic : allTopics()) {
                    if (writers(topic).contains(user)) {
                        continue;
                    }
                    // A user that writes nowhere (the console) is refused the topic or, whichever the producer
                    // asks first, an idempotent producer id (ClusterAuthorizationException); the others
                    // are refused the topic itself.
                    assertThat(catchThrowable(() -> producer.send(record(topic)).get())).as(user + " writing " + topic)
                            .hasCauseInstanceOf(writesNowhere(user) ? AuthorizationException.class
                                    : TopicAuthorizationException.class);
                    refusals.add(user + "->" + topic);
                }
            }
        }
        // e.g. check-ingest writing approvals or the kill switch, the deployer writing rollout commands.
        assertThat(refusals).contains("CHECK_INGEST->" + Topics.APPROVALS.name(),
                "CHECK_INGEST->" + Topics.KILL_SWITCH.name(), "DEPLOYER->" + Topics.ROLLOUT_COMMANDS.name(),
                "GATE_EVALUATOR->" + Topics.LEDGER.name(), "APPROVAL->" + SCHEMAS);
        assertThat(endOffsets()).as("nothing was written").isEqualTo(before);

        // The owners themselves may: the refusals above are the ACLs, not a broken broker.
        for (String topic : allTopics()) {
            KafkaUser owner = writers(topic).iterator().next();
            try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig(
                    credentials.clientProperties(owner)))) {
                producer.send(record(topic)).get();
            }
        }
        Map<String, Long> after = endOffsets();
        allTopics().forEach(topic -> assertThat(after.get(topic)).as(topic).isEqualTo(before.get(topic) + 1));
    }

    @Test
    void aForgedFounderOverrideFromAnotherPrincipalNeverReachesTheRolloutCommandsTopic() throws Exception {
        RolloutCommandRequested forged = new RolloutCommandRequested(
                new EventMetadata("forged-1", Instant.parse("2026-12-05T12:00:00Z"), "dave"), "trading-engine",
                "9.9.9", RolloutCommandType.PROMOTE, "dave", List.of("founder"), "founder override");
        byte[] value = wireFormat(forged);
        Map<String, Long> before = endOffsets();

        for (KafkaUser user : List.of(KafkaUser.CHECK_INGEST, KafkaUser.APPROVAL, KafkaUser.GATE_EVALUATOR,
                KafkaUser.AUDIT_LEDGER, KafkaUser.DEPLOYER, KafkaUser.REGISTRY)) {
            try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig(
                    credentials.clientProperties(user)))) {
                assertThatThrownBy(() -> producer.send(new ProducerRecord<>(Topics.ROLLOUT_COMMANDS.name(),
                        bytes("trading-engine"), value)).get()).as(user.name())
                        .hasCauseInstanceOf(TopicAuthorizationException.class);
            }
        }

        assertThat(endOffsets()).isEqualTo(before);
    }

    @Test
    void onlyTheAuditLedgerHoldsItsTransactionalId() throws Exception {
        for (KafkaUser user : List.of(KafkaUser.CHECK_INGEST, KafkaUser.ROLLOUT_CONTROLLER, KafkaUser.DEPLOYER)) {
            Map<String, Object> config = producerConfig(credentials.clientProperties(user));
            config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "greenlight-audit-ledger");
            try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config)) {
                // Had it been allowed, this would have fenced the ledger's writer.
                assertThatThrownBy(producer::initTransactions).as(user.name())
                        .isInstanceOf(TransactionalIdAuthorizationException.class);
            }
        }
        Map<String, Object> ledger = producerConfig(credentials.clientProperties(KafkaUser.AUDIT_LEDGER));
        ledger.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "greenlight-audit-ledger");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(ledger)) {
            producer.initTransactions();
        }
    }

    @Test
    void nobodyButTheSuperUserMayDeleteTheLedgerOrShortenItsRetention() throws Exception {
        for (KafkaUser user : KafkaUser.values()) {
            try (Admin as = Admin.create(clientConfig(credentials.clientProperties(user)))) {
                for (Topic<?> topic : List.of(Topics.LEDGER, Topics.LEDGER_CHECKPOINTS)) {
                    String name = topic.name();
                    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, name);
                    refused(() -> as.deleteTopics(List.of(name)).all().get(), user + " deleting " + name);
                    refused(() -> as.incrementalAlterConfigs(Map.of(resource, List.of(new AlterConfigOp(
                            new ConfigEntry("retention.ms", "1000"), AlterConfigOp.OpType.SET)))).all().get(),
                            user + " shortening the retention of " + name);
                    refused(() -> as.deleteRecords(Map.of(new TopicPartition(name, 0),
                            RecordsToDelete.beforeOffset(1))).all().get(), user + " deleting records of " + name);
                    refused(() -> as.createPartitions(Map.of(name, NewPartitions.increaseTo(topic.partitions() + 1)))
                            .all().get(), user + " adding partitions to " + name);
                }
            }
        }

        assertThat(admin.listTopics().names().get()).contains(Topics.LEDGER.name(), Topics.LEDGER_CHECKPOINTS.name());
        assertThat(retention(Topics.LEDGER.name())).isEqualTo("-1");
        assertThat(retention(Topics.LEDGER_CHECKPOINTS.name())).isEqualTo("-1");
        assertThat(admin.describeTopics(List.of(Topics.LEDGER.name())).allTopicNames().get()
                .get(Topics.LEDGER.name()).partitions()).hasSize(Topics.LEDGER.partitions());
    }

    @Test
    void theDeployerReadsDeploymentCommandsAndWritesDeploymentReportsButNothingElse() throws Exception {
        String commands = Topics.DEPLOYMENT_COMMANDS.name();
        try (KafkaProducer<byte[], byte[]> controller = new KafkaProducer<>(producerConfig(
                credentials.clientProperties(KafkaUser.ROLLOUT_CONTROLLER)))) {
            controller.send(record(commands)).get();
        }
        Map<String, Object> config = consumerConfig(credentials.clientProperties(KafkaUser.DEPLOYER));
        config.put(ConsumerConfig.GROUP_ID_CONFIG, KafkaUser.DEPLOYER_GROUP_PREFIX + "acl-it");
        try (KafkaConsumer<byte[], byte[]> deployer = new KafkaConsumer<>(config)) {
            deployer.subscribe(List.of(commands));
            List<byte[]> read = new ArrayList<>();
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (read.isEmpty() && System.nanoTime() < deadline) {
                deployer.poll(Duration.ofMillis(200)).forEach(r -> read.add(r.value()));
            }
            assertThat(read).isNotEmpty();
            deployer.commitSync();
        }
        try (KafkaProducer<byte[], byte[]> deployer = new KafkaProducer<>(producerConfig(
                credentials.clientProperties(KafkaUser.DEPLOYER)))) {
            deployer.send(record(Topics.DEPLOYMENT_REPORTS.name())).get();
        }

        // Reading anything else, or joining a service's consumer group, is refused.
        assertReadsRefused(KafkaUser.DEPLOYER);
        Map<String, Object> intruder = consumerConfig(credentials.clientProperties(KafkaUser.DEPLOYER));
        intruder.put(ConsumerConfig.GROUP_ID_CONFIG, "greenlight-audit-ledger");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(intruder)) {
            consumer.subscribe(List.of(commands));
            assertThatThrownBy(() -> pollUntilFailure(consumer)).isInstanceOf(GroupAuthorizationException.class);
        }
    }

    @Test
    void aStrayAclIsRemovedAtTheNextStart() throws Exception {
        AclBinding stray = new AclBinding(new ResourcePattern(ResourceType.TOPIC, Topics.APPROVALS.name(),
                PatternType.LITERAL), new AccessControlEntry(KafkaUser.DEPLOYER.principal(), "*", AclOperation.WRITE,
                AclPermissionType.ALLOW));
        admin.createAcls(List.of(stray)).all().get();
        // createAcls returns once the controller committed it; the broker apply() asks may learn of it
        // from the metadata log a moment later, and a stray it cannot see yet it cannot remove.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(admin.describeAcls(AclBindingFilter.ANY).values().get()).contains(stray));

        KafkaSecuritySetup.apply(admin, broker.bootstrapServers(), credentials, TIMEOUT);

        // The controller has committed the deletion when apply returns; the broker that answers
        // describeAcls (and authorizes the produce below) applies it from the metadata log a moment later.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(Set.copyOf(admin.describeAcls(AclBindingFilter.ANY).values().get()))
                        .isEqualTo(Set.copyOf(KafkaAcls.bindings(SCHEMAS))));
        Map<String, Long> before = endOffsets();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig(
                credentials.clientProperties(KafkaUser.DEPLOYER)))) {
            assertThat(catchThrowable(() -> producer.send(record(Topics.APPROVALS.name())).get()))
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
        assertThat(endOffsets()).isEqualTo(before);
    }

    @Test
    void everyPrincipalReadsOnlyTheTopicsItConsumes() {
        for (KafkaUser user : KafkaUser.values()) {
            assertReadsRefused(user);
        }
    }

    /** Assigned (no group), from the beginning: every topic {@code user} does not consume refuses the fetch. */
    private static void assertReadsRefused(KafkaUser user) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig(
                credentials.clientProperties(user)))) {
            for (String topic : allTopics()) {
                if (readers(topic).contains(user)) {
                    continue;
                }
                TopicPartition partition = new TopicPartition(topic, 0);
                consumer.assign(List.of(partition));
                consumer.seekToBeginning(List.of(partition));
                assertThatThrownBy(() -> pollUntilFailure(consumer)).as(user + " reading " + topic)
                        .isInstanceOf(TopicAuthorizationException.class);
            }
            consumer.unsubscribe();
        }
    }

    private static void pollUntilFailure(KafkaConsumer<byte[], byte[]> consumer) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(200));
            assertThat(records.isEmpty()).as("records were read").isTrue();
        }
    }

    private static void refused(ThrowingRunnable attempt, String what) {
        Throwable thrown = catchThrowable(attempt::run);
        assertThat(thrown).as(what).isInstanceOf(ExecutionException.class);
        assertThat(thrown.getCause()).as(what).isInstanceOf(TopicAuthorizationException.class);
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    private static String retention(String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return admin.describeConfigs(List.of(resource)).all().get().get(resource).get("retention.ms").value();
    }

    private static List<String> allTopics() {
        List<String> names = new ArrayList<>(Topics.all().stream().map(Topic::name).toList());
        names.add(SCHEMAS);
        return names;
    }

    private static Set<KafkaUser> writers(String topic) {
        return topic.equals(SCHEMAS) ? Set.of(KafkaUser.REGISTRY)
                : TopicAccess.writers(Topics.byName(topic).orElseThrow());
    }

    private static Set<KafkaUser> readers(String topic) {
        return topic.equals(SCHEMAS) ? Set.of(KafkaUser.REGISTRY)
                : TopicAccess.readers(Topics.byName(topic).orElseThrow());
    }

    /** Every partition's end offset, summed per topic, read as the super user. */
    private static Map<String, Long> endOffsets() throws Exception {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        for (String topic : allTopics()) {
            int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
            for (int p = 0; p < partitions; p++) {
                request.put(new TopicPartition(topic, p), OffsetSpec.latest());
            }
        }
        Map<String, Long> ends = new LinkedHashMap<>();
        admin.listOffsets(request).all().get(30, TimeUnit.SECONDS)
                .forEach((partition, info) -> ends.merge(partition.topic(), info.offset(), Long::sum));
        return ends;
    }

    private static ProducerRecord<byte[], byte[]> record(String topic) {
        return new ProducerRecord<>(topic, 0, bytes("target"), bytes("forged"));
    }

    private static Map<String, Object> clientConfig(Map<String, Object> login) {
        Map<String, Object> config = new HashMap<>(login);
        config.put("bootstrap.servers", broker.bootstrapServers());
        config.put("default.api.timeout.ms", 10_000);
        config.put("request.timeout.ms", 10_000);
        return config;
    }

    private static Map<String, Object> producerConfig(Map<String, Object> login) {
        Map<String, Object> config = new HashMap<>(login);
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        return config;
    }

    private static Map<String, Object> consumerConfig(Map<String, Object> login) {
        Map<String, Object> config = new HashMap<>(login);
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return config;
    }

    /** The Confluent wire format with any schema id: the broker never looks inside, the ACL alone decides. */
    private static byte[] wireFormat(RolloutCommandRequested command) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(ByteBuffer.allocate(5).put((byte) 0).putInt(1).array());
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<>(RolloutCommandRequested.class).write(command, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private boolean writesNowhere(KafkaUser user) {
        return allTopics().stream().noneMatch(topic -> writers(topic).contains(user));
    }
}
