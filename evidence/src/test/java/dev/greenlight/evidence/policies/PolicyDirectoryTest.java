package dev.greenlight.evidence.policies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.greenlight.events.EventMetadata;
import dev.greenlight.events.PolicyActivated;
import dev.greenlight.platform.topics.Topics;
import dev.greenlight.policy.model.Policy;
import dev.greenlight.policy.model.ReleaseType;
import dev.greenlight.policy.parser.PolicyParser;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The directory knows exactly the texts the gate announced, by their content hash. */
class PolicyDirectoryTest {

    private static final TopicPartition PARTITION = new TopicPartition(Topics.POLICIES.name(), 0);
    private static final String V1 = """
            name: svc-gate
            version: "1"
            governs: {targets: ["svc-*"]}
            stages:
              - name: live
                traffic: 100
            """;
    private static final String V2 = V1.replace("version: \"1\"", "version: \"2\"");

    private final MockConsumer<String, PolicyActivated> consumer = new MockConsumer<>("earliest");
    private final PolicyDirectory directory = new PolicyDirectory(() -> consumer);
    private long offset;

    @AfterEach
    void stop() {
        directory.stop();
    }

    private void start(PolicyActivated... announced) {
        consumer.updatePartitions(Topics.POLICIES.name(), List.of(new PartitionInfo(Topics.POLICIES.name(), 0,
                Node.noNode(), new Node[0], new Node[0])));
        consumer.updateBeginningOffsets(Map.of(PARTITION, 0L));
        consumer.updateEndOffsets(Map.of(PARTITION, (long) announced.length));
        consumer.schedulePollTask(() -> {
            for (PolicyActivated event : announced) {
                consumer.addRecord(new ConsumerRecord<>(PARTITION.topic(), 0, offset++, event.getName(), event));
            }
        });
        directory.start();
    }

    private static PolicyActivated announced(String text, String claimedHash) {
        Policy policy = new PolicyParser().parse("svc-gate.yaml", text);
        return new PolicyActivated(new EventMetadata(claimedHash, Instant.EPOCH, "gate-evaluator"), policy.name(),
                policy.name(), policy.version(), claimedHash, text);
    }

    private static String hash(String text) {
        return new PolicyParser().parse("p.yaml", text).contentHash();
    }

    @Test
    void everyAnnouncedTextIsFoundByItsHashAndTheLatestVersionGovernsNewReleases() {
        start(announced(V1, hash(V1)), announced(V2, hash(V2)));

        await().atMost(Duration.ofSeconds(10)).until(directory::isCaughtUp);
        assertThat(directory.byHash(hash(V1))).map(p -> p.text()).contains(V1);
        assertThat(directory.byHash(hash(V2))).map(p -> p.policy().version()).contains("2");
        assertThat(directory.current().governing("svc-a", ReleaseType.CONFIG, null)).map(Policy::contentHash)
                .contains(hash(V2));
    }

    @Test
    void anAnnouncementWhoseTextDoesNotHashToItsClaimIsIgnored() {
        String forged = V1.replace("traffic: 100", "traffic: 50");
        start(announced(forged, hash(V1)));

        await().atMost(Duration.ofSeconds(10)).until(directory::isCaughtUp);
        assertThat(directory.byHash(hash(V1))).isEmpty();
        assertThat(directory.byHash(hash(forged))).isEmpty();
        assertThat(directory.current().all()).isEmpty();
    }
}
