package dev.greenlight.gate.release.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.events.EventMetadata;
import dev.greenlight.events.ReleaseRegistered;
import dev.greenlight.events.ReleaseType;
import dev.greenlight.platform.kafka.TopicSerdes;
import dev.greenlight.platform.testing.InMemorySchemaRegistryClient;
import dev.greenlight.platform.topics.Topics;
import java.time.Instant;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReleaseCatalogTopologyTest {

    private TopologyTestDriver driver;
    private TestInputTopic<String, ReleaseRegistered> releases;
    private KeyValueStore<String, ReleaseRegistered> store;

    @BeforeEach
    void startTopology() {
        Serde<ReleaseRegistered> serde = new TopicSerdes(new InMemorySchemaRegistryClient(), true)
                .forTopic(Topics.RELEASES);
        StreamsBuilder builder = new StreamsBuilder();
        ReleaseCatalogTopology.build(builder, serde);
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "release-catalog-test");
        driver = new TopologyTestDriver(builder.build(), config);
        releases = driver.createInputTopic(Topics.RELEASES.name(), new StringSerializer(), serde.serializer());
        store = driver.getKeyValueStore(ReleaseCatalogTopology.STORE);
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void everyVersionOfATargetIsKnownUnderItsReleaseId() {
        releases.pipeInput("ict-qm", release("ict-qm", "2.1.0", "aaaaaaa"));
        releases.pipeInput("ict-qm", release("ict-qm", "2.1.1", "bbbbbbb"));

        assertThat(store.get("ict-qm@2.1.0").getRevision()).isEqualTo("aaaaaaa");
        assertThat(store.get("ict-qm@2.1.1").getRevision()).isEqualTo("bbbbbbb");
        assertThat(store.get("ict-qm@9.9.9")).isNull();
    }

    @Test
    void aLaterConflictingRegistrationDoesNotReplaceTheFirst() {
        releases.pipeInput("ict-qm", release("ict-qm", "2.1.0", "aaaaaaa"));
        releases.pipeInput("ict-qm", release("ict-qm", "2.1.0", "ccccccc"));

        assertThat(store.get("ict-qm@2.1.0").getRevision()).isEqualTo("aaaaaaa");
    }

    static ReleaseRegistered release(String target, String version, String revision) {
        return ReleaseRegistered.newBuilder()
                .setMeta(new EventMetadata(target + version + revision, Instant.parse("2026-11-22T10:00:00Z"), "ci"))
                .setTarget(target)
                .setVersion(version)
                .setReleaseType(ReleaseType.STRATEGY)
                .setRevision(revision)
                .setAuthor("alice")
                .build();
    }
}
