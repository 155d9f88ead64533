package dev.greenlight.platform.topics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;

class KafkaAclsTest {

    private static final List<AclBinding> BINDINGS = KafkaAcls.bindings("_schemas");

    @Test
    void everyCatalogueTopicHasAnOwnerAndOnlyTheTableGrantsWritesToIt() {
        for (Topic<?> topic : Topics.all()) {
            assertThat(TopicAccess.writers(topic)).as(topic.name()).isNotEmpty();
            assertThat(principalsAllowed(topic.name(), AclOperation.WRITE)).as(topic.name())
                    .isEqualTo(principals(TopicAccess.writers(topic)));
        }
    }

    @Test
    void ownershipFollowsTheIssue() {
        assertThat(TopicAccess.writers(Topics.APPROVALS)).containsExactly(KafkaUser.APPROVAL);
        assertThat(TopicAccess.writers(Topics.ROLLOUT_COMMANDS)).containsExactly(KafkaUser.ROLLOUT_CONTROLLER);
        assertThat(TopicAccess.writers(Topics.DEPLOYMENT_COMMANDS)).containsExactly(KafkaUser.ROLLOUT_CONTROLLER);
        assertThat(TopicAccess.writers(Topics.DEPLOYMENT_REPORTS)).containsExactly(KafkaUser.DEPLOYER);
        assertThat(TopicAccess.writers(Topics.LEDGER)).containsExactly(KafkaUser.AUDIT_LEDGER);
        assertThat(TopicAccess.writers(Topics.LEDGER_CHECKPOINTS)).containsExactly(KafkaUser.AUDIT_LEDGER);
        assertThat(TopicAccess.writers(Topics.LEDGER_COSIGNATURES)).containsExactly(KafkaUser.AUDIT_LEDGER);
        assertThat(TopicAccess.writers(Topics.SUBSCRIPTIONS)).containsExactly(KafkaUser.INTEGRATIONS);
        assertThat(TopicAccess.readers(Topics.SUBSCRIPTIONS)).contains(KafkaUser.AUDIT_LEDGER);
        assertThat(TopicAccess.readers(Topics.DECISIONS)).contains(KafkaUser.INTEGRATIONS, KafkaUser.ROLLOUT_CONTROLLER);
        assertThat(TopicAccess.writers(Topics.DECISIONS)).containsExactly(KafkaUser.GATE_EVALUATOR);
        assertThat(principalsAllowed("_schemas", AclOperation.WRITE)).containsExactly(KafkaUser.REGISTRY.principal());
    }

    @Test
    void theDeployerReadsDeploymentCommandsAndWritesDeploymentReportsOnly() {
        List<AclBinding> deployer = BINDINGS.stream()
                .filter(b -> b.entry().principal().equals(KafkaUser.DEPLOYER.principal())).toList();
        assertThat(deployer).extracting(b -> b.pattern().resourceType() + " " + b.pattern().name() + " "
                        + b.entry().operation())
                .containsExactlyInAnyOrder(
                        "TOPIC " + Topics.DEPLOYMENT_COMMANDS.name() + " READ",
                        "TOPIC " + Topics.DEPLOYMENT_REPORTS.name() + " WRITE",
                        "GROUP " + KafkaUser.DEPLOYER_GROUP_PREFIX + " READ");
    }

    @Test
    void nobodyMayDeleteAlterOrReconfigureACatalogueTopic() {
        Set<AclOperation> destructive = EnumSet.of(AclOperation.ALL, AclOperation.DELETE, AclOperation.ALTER,
                AclOperation.ALTER_CONFIGS, AclOperation.CREATE);
        for (Topic<?> topic : Topics.all()) {
            assertThat(BINDINGS).as(topic.name()).noneMatch(b -> b.pattern().resourceType() == ResourceType.TOPIC
                    && matches(b, topic.name()) && destructive.contains(b.entry().operation()));
        }
    }

    @Test
    void onlyAllowEntriesForNamedPrincipalsOnNamedResourcesAndNothingOnTheCluster() {
        assertThat(BINDINGS).allSatisfy(b -> {
            assertThat(b.entry().permissionType()).isEqualTo(AclPermissionType.ALLOW);
            assertThat(b.entry().principal()).startsWith("User:").doesNotContain("*");
            assertThat(b.pattern().name()).isNotEmpty().isNotEqualTo("*");
            assertThat(b.pattern().resourceType()).isNotEqualTo(ResourceType.CLUSTER);
        });
    }

    @Test
    void streamsApplicationsOwnTheirInternalTopicsGroupAndTransactionalIdsOnly() {
        assertThat(BINDINGS).anySatisfy(b -> {
            assertThat(b.entry().principal()).isEqualTo(KafkaUser.GATE_EVALUATOR.principal());
            assertThat(b.pattern().resourceType()).isEqualTo(ResourceType.TOPIC);
            assertThat(b.pattern().patternType()).isEqualTo(PatternType.PREFIXED);
            assertThat(b.pattern().name()).isEqualTo("greenlight-gate-evaluator-");
        });
        // An internal-topic prefix never covers a catalogue topic.
        for (Topic<?> topic : Topics.all()) {
            assertThat(BINDINGS).noneMatch(b -> b.pattern().patternType() == PatternType.PREFIXED
                    && b.pattern().resourceType() == ResourceType.TOPIC && topic.name().startsWith(b.pattern().name()));
        }
    }

    private static boolean matches(AclBinding binding, String name) {
        return binding.pattern().patternType() == PatternType.PREFIXED ? name.startsWith(binding.pattern().name())
                : binding.pattern().name().equals(name);
    }

    private static Set<String> principalsAllowed(String topic, AclOperation operation) {
        return Set.copyOf(BINDINGS.stream()
                .filter(b -> b.pattern().resourceType() == ResourceType.TOPIC && matches(b, topic))
                .filter(b -> b.entry().operation() == operation || b.entry().operation() == AclOperation.ALL)
                .map(b -> b.entry().principal()).toList());
    }

    private static Set<String> principals(Set<KafkaUser> users) {
        return Set.copyOf(users.stream().map(KafkaUser::principal).toList());
    }
}
