package dev.greenlight.platform.topics;

import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * The Kafka principals of Greenlight: one per service, one for the schema registry and one for
 * deployers. Each authenticates as {@code User:<name>}; what it may do on topics is
 * {@link TopicAccess}, and the consumer groups, transactional ids and Kafka Streams application it
 * owns are declared here, so {@link KafkaAcls} can turn both into the cluster's ACLs and nothing
 * else grants anything. Consumers trust identity fields inside events (the {@code requestedBy} of a
 * rollout command, the approver of an approval) only because these ACLs let nobody but the owning
 * principal write those topics.
 *
 * <p>The names below must match what each service configures (its {@code application-id},
 * consumer group and transactional ids); the local stack's end-to-end tests run every service under
 * these ACLs, so a mismatch fails them.
 */
public enum KafkaUser {

    /** Evidence from machines; transactional ids {@code check-ingest-<uuid>-n} (one prefix per process). */
    CHECK_INGEST("check-ingest", List.of(), List.of(prefixed(ResourceType.TRANSACTIONAL_ID, "check-ingest-")), null),

    /** Evidence from people; its sign-off view reads in a fresh group {@code approval-view-<uuid>} at each start. */
    APPROVAL("approval", List.of(prefixed(ResourceType.GROUP, "approval-view-")), List.of(), null),

    /** The gate: a Kafka Streams application (exactly-once). */
    GATE_EVALUATOR("gate-evaluator", List.of(), List.of(), "greenlight-gate-evaluator"),

    /** Rollouts and deployment commands: a Kafka Streams application (exactly-once). */
    ROLLOUT_CONTROLLER("rollout-controller", List.of(), List.of(), "greenlight-rollout-controller"),

    /** The ledger's single transactional writer; its group's offsets commit inside the ledger's transactions. */
    AUDIT_LEDGER("audit-ledger", List.of(literal(ResourceType.GROUP, "greenlight-audit-ledger"),
            literal(ResourceType.GROUP, "greenlight-audit-ledger-cdevents")),
            List.of(literal(ResourceType.TRANSACTIONAL_ID, "greenlight-audit-ledger")), null),

    /**
     * The console, a read side for people: reads the topics its board and pages show (see
     * {@link TopicAccess}); its partitioned projector shares the release-keyed topics in group
     * {@value #CONSOLE_PROJECTOR_GROUP} and writes only the console's own read model
     * ({@code Topics.CONSOLE_BOARD}); people's actions go through the owning services' APIs under
     * their own identity.
     */
    CONSOLE("console", List.of(literal(ResourceType.GROUP, KafkaUser.CONSOLE_PROJECTOR_GROUP)), List.of(), null),

    /** The embedded schema registry: its own store topic only (see {@link KafkaAcls#bindings(String)}). */
    REGISTRY("registry", List.of(), List.of(), null),

    /**
     * Deployers (the reference {@code greenlight follow}, or an adapter to a real deployment system):
     * they read deployment commands and report on them, in groups named {@value #DEPLOYER_GROUP_PREFIX}...
     */
    DEPLOYER("deployer", List.of(prefixed(ResourceType.GROUP, KafkaUser.DEPLOYER_GROUP_PREFIX)), List.of(), null),

    /**
     * Notifications and the GitHub integration: its delivery consumer commits in
     * {@code integrations-delivery}, its views read in fresh groups {@code integrations-view-<uuid>}.
     */
    INTEGRATIONS("integrations", List.of(prefixed(ResourceType.GROUP, "integrations-")), List.of(), null);

    /** Every deployer's consumer group starts with this, so a deployer can never join a service's group. */
    public static final String DEPLOYER_GROUP_PREFIX = "deployer-";

    /** The console's partitioned projector: its instances share the release-keyed topics in this group. */
    public static final String CONSOLE_PROJECTOR_GROUP = "greenlight-console-projector";

    private final String userName;
    private final List<ResourcePattern> groups;
    private final List<ResourcePattern> transactionalIds;
    private final String streamsApplicationId;

    KafkaUser(String userName, List<ResourcePattern> groups, List<ResourcePattern> transactionalIds,
              String streamsApplicationId) {
        this.userName = userName;
        this.groups = groups;
        this.transactionalIds = transactionalIds;
        this.streamsApplicationId = streamsApplicationId;
    }

    /** The SASL user name, e.g. {@code check-ingest}. */
    public String userName() {
        return userName;
    }

    /** The principal as ACLs name it: {@code User:<name>}. */
    public String principal() {
        return "User:" + userName;
    }

    /** Consumer groups this user may join and commit in (besides its Streams application's). */
    public List<ResourcePattern> groups() {
        return groups;
    }

    /** Transactional ids this user may hold (besides its Streams application's). */
    public List<ResourcePattern> transactionalIds() {
        return transactionalIds;
    }

    /** The Kafka Streams {@code application.id} this user runs, if any. */
    public Optional<String> streamsApplicationId() {
        return Optional.ofNullable(streamsApplicationId);
    }

    private static ResourcePattern literal(ResourceType type, String name) {
        return new ResourcePattern(type, name, PatternType.LITERAL);
    }

    private static ResourcePattern prefixed(ResourceType type, String prefix) {
        return new ResourcePattern(type, prefix, PatternType.PREFIXED);
    }
}
