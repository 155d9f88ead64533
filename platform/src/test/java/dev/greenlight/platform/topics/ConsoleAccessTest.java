package dev.greenlight.platform.topics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;

/**
 * The console is a read side: it reads the topics its pages show and may write none of them, hold
 * no transactional id and join only its projector's group; it writes only its own read model, which
 * no other service reads, so a compromised console can forge no fact.
 */
class ConsoleAccessTest {

    @Test
    void theConsoleReadsWhatItShowsAndMayWriteNothing() {
        List<AclBinding> console = KafkaAcls.bindings("_schemas").stream()
                .filter(b -> b.entry().principal().equals(KafkaUser.CONSOLE.principal())).toList();

        // Its one write: its own read model (whose settings a writer checks); its one group: its projector's.
        assertThat(console).filteredOn(b -> b.entry().operation() != AclOperation.READ)
                .extracting(b -> b.pattern().resourceType() + " " + b.pattern().name() + " " + b.entry().operation())
                .containsExactlyInAnyOrder("TOPIC " + Topics.CONSOLE_BOARD.name() + " WRITE",
                        "TOPIC " + Topics.CONSOLE_BOARD.name() + " DESCRIBE_CONFIGS");
        assertThat(console).filteredOn(b -> b.pattern().resourceType() == ResourceType.GROUP)
                .extracting(b -> b.pattern().name()).containsExactly(KafkaUser.CONSOLE_PROJECTOR_GROUP);
        assertThat(console.stream().filter(b -> b.pattern().resourceType() == ResourceType.TOPIC
                        && b.entry().operation() == AclOperation.READ && !b.pattern().name().equals(
                        Topics.CONSOLE_BOARD.name())).map(b -> b.pattern().name())).containsExactlyInAnyOrder(
                Topics.RELEASES.name(), Topics.POLICIES.name(), Topics.DECISIONS.name(), Topics.APPROVALS.name(),
                Topics.ROLLOUTS.name(), Topics.KILL_SWITCH.name(), Topics.KILL_SWITCH_PATTERNS.name(),
                Topics.HOLDS.name(), Topics.LEDGER.name(), Topics.LEDGER_CHECKPOINTS.name(),
                Topics.LEDGER_COSIGNATURES.name());
        for (Topic<?> topic : Topics.all()) {
            if (topic != Topics.CONSOLE_BOARD) {
                assertThat(TopicAccess.writers(topic)).as(topic.name()).doesNotContain(KafkaUser.CONSOLE);
            }
        }
        // No service takes the console's read model for a fact.
        assertThat(TopicAccess.readers(Topics.CONSOLE_BOARD)).containsExactly(KafkaUser.CONSOLE);
        assertThat(TopicAccess.writers(Topics.CONSOLE_BOARD)).containsExactly(KafkaUser.CONSOLE);
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
