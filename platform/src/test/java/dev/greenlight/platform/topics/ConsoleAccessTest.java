package dev.greenlight.platform.topics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;

/**
 * The console is a read side: it reads the topics its pages show and may write none, join no
 * group and hold no transactional id, so a compromised console can forge no fact.
 */
class ConsoleAccessTest {

    @Test
    void theConsoleReadsWhatItShowsAndMayWriteNothing() {
        List<AclBinding> console = KafkaAcls.bindings("_schemas").stream()
                .filter(b -> b.entry().principal().equals(KafkaUser.CONSOLE.principal())).toList();

        assertThat(console).allSatisfy(b -> {
            assertThat(b.entry().operation()).isEqualTo(AclOperation.READ);
            assertThat(b.pattern().resourceType()).isEqualTo(ResourceType.TOPIC);
        });
        assertThat(console.stream().map(b -> b.pattern().name())).containsExactlyInAnyOrder(
                Topics.RELEASES.name(), Topics.POLICIES.name(), Topics.DECISIONS.name(), Topics.APPROVALS.name(),
                Topics.ROLLOUTS.name(), Topics.KILL_SWITCH.name(), Topics.KILL_SWITCH_PATTERNS.name(),
                Topics.HOLDS.name(), Topics.LEDGER.name(), Topics.LEDGER_CHECKPOINTS.name(),
                Topics.LEDGER_COSIGNATURES.name());
        for (Topic<?> topic : Topics.all()) {
            assertThat(TopicAccess.writers(topic)).as(topic.name()).doesNotContain(KafkaUser.CONSOLE);
        }
    }

    @Test
    void addingTheConsoleTookNoReaderAwayFromAnyTopic() {
        assertThat(TopicAccess.readers(Topics.APPROVALS)).contains(KafkaUser.APPROVAL, KafkaUser.GATE_EVALUATOR,
                KafkaUser.AUDIT_LEDGER, KafkaUser.CONSOLE);
        assertThat(TopicAccess.readers(Topics.LEDGER)).containsExactlyInAnyOrder(KafkaUser.AUDIT_LEDGER,
                KafkaUser.CONSOLE);
        assertThat(TopicAccess.readers(Topics.CHECKS)).doesNotContain(KafkaUser.CONSOLE);
    }
}
