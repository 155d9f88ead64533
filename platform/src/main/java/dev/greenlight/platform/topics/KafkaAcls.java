package dev.greenlight.platform.topics;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * The ACLs of a Greenlight cluster, derived from {@link TopicAccess} and {@link KafkaUser}: the
 * broker runs with an authorizer that denies whatever no ACL allows, so these bindings are all any
 * principal but the cluster's super user may do. Only ALLOW entries, only named principals, never
 * a wildcard resource.
 *
 * <p>No binding allows deleting, altering or reconfiguring a catalogue topic: nobody but the super
 * user can delete the ledger, shorten its retention or delete records from it.
 */
public final class KafkaAcls {

    private KafkaAcls() {
    }

    /**
     * Every binding the cluster needs.
     *
     * @param schemaStoreTopic the schema registry's own store topic (Confluent's {@code kafkastore.topic}),
     *                         which the registry creates, reads and writes alone
     */
    public static List<AclBinding> bindings(String schemaStoreTopic) {
        Set<AclBinding> bindings = new LinkedHashSet<>();
        for (Topic<?> topic : Topics.all()) {
            ResourcePattern pattern = literal(ResourceType.TOPIC, topic.name());
            TopicAccess.writers(topic).forEach(user -> bindings.add(allow(user, pattern, AclOperation.WRITE)));
            TopicAccess.readers(topic).forEach(user -> bindings.add(allow(user, pattern, AclOperation.READ)));
            // Owning services describe (never alter) their topics' configs: each checks them at start
            // (TopicSettingsVerifier). Deployers run no such check.
            TopicAccess.writers(topic).stream().filter(user -> user != KafkaUser.DEPLOYER)
                    .forEach(user -> bindings.add(allow(user, pattern, AclOperation.DESCRIBE_CONFIGS)));
        }
        ResourcePattern store = literal(ResourceType.TOPIC, schemaStoreTopic);
        for (AclOperation operation : List.of(AclOperation.CREATE, AclOperation.DESCRIBE, AclOperation.READ,
                AclOperation.WRITE)) {
            bindings.add(allow(KafkaUser.REGISTRY, store, operation));
        }
        for (KafkaUser user : KafkaUser.values()) {
            user.groups().forEach(group -> bindings.add(allow(user, group, AclOperation.READ)));
            for (ResourcePattern transactionalId : user.transactionalIds()) {
                bindings.add(allow(user, transactionalId, AclOperation.WRITE));
                bindings.add(allow(user, transactionalId, AclOperation.DESCRIBE));
            }
            user.streamsApplicationId().ifPresent(applicationId -> bindings.addAll(streams(user, applicationId)));
        }
        return List.copyOf(bindings);
    }

    /**
     * A Kafka Streams application: its consumer group, its internal topics (changelogs and
     * repartition topics, all named {@code <application.id>-...}, which it creates, configures and
     * purges itself), and its exactly-once transactional ids ({@code <application.id>-<process>-<n>}).
     */
    private static List<AclBinding> streams(KafkaUser user, String applicationId) {
        List<AclBinding> bindings = new ArrayList<>();
        bindings.add(allow(user, literal(ResourceType.GROUP, applicationId), AclOperation.READ));
        bindings.add(allow(user, prefixed(ResourceType.TOPIC, applicationId + "-"), AclOperation.ALL));
        ResourcePattern transactionalIds = prefixed(ResourceType.TRANSACTIONAL_ID, applicationId + "-");
        bindings.add(allow(user, transactionalIds, AclOperation.WRITE));
        bindings.add(allow(user, transactionalIds, AclOperation.DESCRIBE));
        return bindings;
    }

    private static AclBinding allow(KafkaUser user, ResourcePattern pattern, AclOperation operation) {
        return new AclBinding(pattern, new AccessControlEntry(user.principal(), "*", operation,
                AclPermissionType.ALLOW));
    }

    private static ResourcePattern literal(ResourceType type, String name) {
        return new ResourcePattern(type, name, PatternType.LITERAL);
    }

    private static ResourcePattern prefixed(ResourceType type, String prefix) {
        return new ResourcePattern(type, prefix, PatternType.PREFIXED);
    }
}
