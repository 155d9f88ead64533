package dev.greenlight.checkingest.release.application;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.checkingest.evidence.application.IngestProperties;
import dev.greenlight.checkingest.release.domain.ReleaseCandidate;
import dev.greenlight.checkingest.release.domain.SemanticVersion;
import dev.greenlight.events.PolicyActivated;
import dev.greenlight.events.ReleaseType;
import dev.greenlight.evidence.policies.PolicyDirectory;
import dev.greenlight.platform.security.Actor;
import dev.greenlight.platform.topics.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** Before the gate announced any policy, no registration can be judged, so none is accepted. */
class PolicyBindingTest {

    private final MockConsumer<String, PolicyActivated> consumer = new MockConsumer<>("earliest");
    private final PolicyDirectory directory = new PolicyDirectory(() -> consumer);

    @AfterEach
    void stop() {
        directory.stop();
    }

    @Test
    void withNoAnnouncedPolicyARegistrationIsToldToRetry() {
        TopicPartition partition = new TopicPartition(Topics.POLICIES.name(), 0);
        consumer.updatePartitions(Topics.POLICIES.name(), List.of(new PartitionInfo(Topics.POLICIES.name(), 0,
                Node.noNode(), new Node[0], new Node[0])));
        consumer.updateBeginningOffsets(Map.of(partition, 0L));
        consumer.updateEndOffsets(Map.of(partition, 0L));
        directory.start();
        PolicyBinding binding = new PolicyBinding(directory, new IngestProperties(Duration.ofMinutes(5),
                Duration.ofMillis(300), 1000, DataSize.ofMegabytes(1), "release-captain", 2,
                Duration.ofMillis(5)));
        ReleaseCandidate hotfix = new ReleaseCandidate("ict-qm", SemanticVersion.parse("2.0.4"), ReleaseType.HOTFIX,
                "abcdef1", "alice", Optional.empty(), Optional.empty(), Optional.empty());

        assertThatThrownBy(() -> binding.authorize(hotfix, new Actor("ci", Set.of("publisher"), List.of("*"))))
                .isInstanceOf(PoliciesNotLoadedException.class);
    }
}
