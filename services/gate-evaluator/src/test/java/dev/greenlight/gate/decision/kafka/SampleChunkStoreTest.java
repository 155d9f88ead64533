package dev.greenlight.gate.decision.kafka;

import static dev.greenlight.evidence.EvidenceEvents.metric;
import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.events.MetricObserved;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.avro.Schema;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the sample chunk store writes to its changelog (which is what a restore or a standby gets):
 * a target's samples of one commit as one record, a chunk of forgotten samples as a tombstone, and
 * nothing for samples forgotten before their commit. The test driver commits after every input
 * record; each input record here adds or forgets many samples, as a poll of a burst does.
 */
class SampleChunkStoreTest {

    private static final String APP = "sample-chunk-store-test";
    private static final String CHANGELOG = APP + "-" + GateTopology.SAMPLE_CHUNKS_STORE + "-changelog";
    private static final Instant T = Instant.parse("2026-03-10T12:00:00Z");

    @TempDir
    Path stateDir;
    private TopologyTestDriver driver;
    private TestInputTopic<String, String> commands;
    private TestOutputTopic<String, List<MetricObserved>> changelog;
    private final List<List<MetricObserved>> loaded = new ArrayList<>();

    @BeforeEach
    void start() {
        Serde<List<MetricObserved>> chunks = StoreSerde.of(Schema.createArray(MetricObserved.getClassSchema()));
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(new CommitBufferedStoreBuilder<>(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(GateTopology.SAMPLE_CHUNKS_STORE), Serdes.String(), chunks),
                SampleChunkStore::new));
        builder.stream("commands", Consumed.with(Serdes.String(), Serdes.String()))
                .process(Commands::new, GateTopology.SAMPLE_CHUNKS_STORE);
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, APP);
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(builder.build(), config, T);
        commands = driver.createInputTopic("commands", new StringSerializer(), new StringSerializer());
        Deserializer<List<MetricObserved>> values = chunks.deserializer();
        changelog = driver.createOutputTopic(CHANGELOG, new StringDeserializer(), values);
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void aTargetsSamplesOfOneCommitAreOneChangelogRecord() {
        commands.pipeInput("svc-a", "append 0 500");
        commands.pipeInput("svc-b", "append 0 3");

        List<TestRecord<String, List<MetricObserved>>> written = changelog.readRecordsToList();
        assertThat(written).extracting(TestRecord::key)
                .containsExactly(SampleChunkStore.key("svc-a", 0), SampleChunkStore.key("svc-b", 0));
        assertThat(written.get(0).value()).hasSize(500)
                .extracting(sample -> sample.getMeta().getEventId()).startsWith("svc-a-0", "svc-a-1").endsWith("svc-a-499");
        assertThat(written.get(1).value()).hasSize(3);
    }

    @Test
    void aCommitOfMoreSamplesThanAChunkHoldsWritesFullChunks() {
        commands.pipeInput("svc-a", "append 0 2500");

        assertThat(changelog.readRecordsToList()).extracting(record -> record.value().size())
                .containsExactly(SampleChunkStore.MAX_SAMPLES, SampleChunkStore.MAX_SAMPLES, 500);
    }

    @Test
    void aChunkWhoseSamplesAreAllForgottenIsDeleted_andSamplesForgottenBeforeTheirCommitAreNeverWritten() {
        commands.pipeInput("svc-a", "append 0 10");
        // The next commit's chunk (1): two of its samples forgotten before the commit, then chunk 0 deleted.
        commands.pipeInput("svc-a", "append 1 5 forget 1 svc-a-1 forget 1 svc-a-3 delete 0");

        List<TestRecord<String, List<MetricObserved>>> written = changelog.readRecordsToList();
        assertThat(written).extracting(TestRecord::key).containsExactly(SampleChunkStore.key("svc-a", 0),
                SampleChunkStore.key("svc-a", 0), SampleChunkStore.key("svc-a", 1));
        assertThat(written.get(1).value()).as("a tombstone").isNull();
        assertThat(written.get(2).value()).extracting(sample -> sample.getMeta().getEventId())
                .containsExactly("svc-a-0", "svc-a-2", "svc-a-4");
    }

    @Test
    void aTargetsChunksAreReadBackInOrder_theOpenOneLast() {
        commands.pipeInput("svc-a", "append 0 2");
        commands.pipeInput("svc-b", "append 0 1");
        commands.pipeInput("svc-a", "append 1 1 read");

        assertThat(loaded).extracting(List::size).containsExactly(2, 1);
    }

    /**
     * Commands on the chunks of the record's key: {@code append <chunk> <n>} adds n samples,
     * {@code forget <chunk> <id>}, {@code delete <chunk>}, {@code read} loads every chunk.
     */
    private final class Commands implements Processor<String, String, Void, Void> {
        private SampleChunkStore store;

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            store = context.getStateStore(GateTopology.SAMPLE_CHUNKS_STORE);
        }

        @Override
        public void process(Record<String, String> record) {
            String target = record.key();
            String[] words = record.value().split(" ");
            for (int i = 0; i < words.length; i++) {
                switch (words[i]) {
                    case "append" -> {
                        long chunk = Long.parseLong(words[++i]);
                        int n = Integer.parseInt(words[++i]);
                        for (int k = 0; k < n; k++) {
                            long into = store.append(target, metric(target + "-" + k, target, null, "error_rate",
                                    0.01, T.plusMillis(k)), chunk);
                            chunk = into + (k % SampleChunkStore.MAX_SAMPLES == SampleChunkStore.MAX_SAMPLES - 1 ? 1 : 0);
                        }
                    }
                    case "forget" -> {
                        long chunk = Long.parseLong(words[++i]);
                        store.forget(target, chunk, words[++i]);
                    }
                    case "delete" -> store.delete(target, Long.parseLong(words[++i]));
                    case "read" -> store.chunks(target, (number, samples) -> loaded.add(samples));
                    default -> throw new IllegalArgumentException(words[i]);
                }
            }
        }
    }
}
