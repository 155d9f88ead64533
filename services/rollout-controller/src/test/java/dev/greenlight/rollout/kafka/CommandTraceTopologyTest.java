package dev.greenlight.rollout.kafka;

import static dev.greenlight.evidence.EvidenceEvents.release;
import static dev.greenlight.rollout.kafka.RolloutEvents.go;
import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.events.DeploymentCommand;
import dev.greenlight.events.ReleaseType;
import dev.greenlight.platform.kafka.TopicSerdes;
import dev.greenlight.platform.testing.InMemorySchemaRegistryClient;
import dev.greenlight.platform.topics.Topics;
import dev.greenlight.platform.tracing.Traceparent;
import dev.greenlight.policy.catalog.PolicyCatalog;
import dev.greenlight.rollout.domain.MutableClock;
import dev.greenlight.rollout.domain.Policies;
import dev.greenlight.rollout.domain.RolloutMachine;
import dev.greenlight.rollout.domain.RolloutSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A deployment command continues the trace of the decision that caused it: Streams drops headers,
 * so the processor carries the decision's {@code traceparent} onto what it forwards.
 */
class CommandTraceTopologyTest {

    private static final Instant START = Instant.parse("2026-11-02T08:00:00Z");
    private static final Traceparent DECISION =
            Traceparent.parse("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01").orElseThrow();

    @TempDir
    Path stateDir;

    private final MutableClock clock = new MutableClock(START);
    private final TopicSerdes serdes = new TopicSerdes(new InMemorySchemaRegistryClient(), true);
    private TopologyTestDriver driver;
    private TestOutputTopic<String, DeploymentCommand> commands;
    private TestOutputTopic<String, SpecificRecord> rollouts;

    @BeforeEach
    void start() {
        StreamsBuilder builder = new StreamsBuilder();
        RolloutTopology.build(builder, serdes, new RolloutMachine(clock, RolloutSettings.defaults()),
                RolloutPolicies.of(PolicyCatalog.load(Policies.DIR)), clock, Duration.ofSeconds(1));
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "command-trace-test");
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(builder.build(), config, START);
        commands = driver.createOutputTopic(Topics.DEPLOYMENT_COMMANDS.name(), new StringDeserializer(),
                serdes.forTopic(Topics.DEPLOYMENT_COMMANDS).deserializer());
        rollouts = driver.createOutputTopic(Topics.ROLLOUTS.name(), new StringDeserializer(),
                serdes.forTopic(Topics.ROLLOUTS).deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void theCommandAGoDecisionCausesCarriesTheDecisionsTraceparent() {
        driver.createInputTopic(Topics.RELEASES.name(), new StringSerializer(),
                serdes.forTopic(Topics.RELEASES).serializer())
                .pipeInput("ict-qm", release("rel-1", "ict-qm", "2.1.0", ReleaseType.STRATEGY, START), START);

        driver.createInputTopic(Topics.DECISIONS.name(), new StringSerializer(),
                serdes.forTopic(Topics.DECISIONS).serializer())
                .pipeInput(new TestRecord<>("ict-qm", go("ict-qm", "2.1.0", "paper", START),
                        DECISION.writeTo(new RecordHeaders()), START));

        List<TestRecord<String, DeploymentCommand>> sent = commands.readRecordsToList();
        assertThat(sent).isNotEmpty();
        assertThat(sent).allSatisfy(command -> assertThat(Traceparent.from(command.headers())).contains(DECISION));
        assertThat(rollouts.readRecordsToList()).as("the rollout steps it records follow the same trace")
                .isNotEmpty().allSatisfy(step -> assertThat(Traceparent.from(step.headers())).contains(DECISION));
    }

    @Test
    void aDecisionWithoutTraceContextCausesCommandsWithoutOne() {
        driver.createInputTopic(Topics.RELEASES.name(), new StringSerializer(),
                serdes.forTopic(Topics.RELEASES).serializer())
                .pipeInput("ict-qm", release("rel-1", "ict-qm", "2.1.0", ReleaseType.STRATEGY, START), START);
        driver.createInputTopic(Topics.DECISIONS.name(), new StringSerializer(),
                serdes.forTopic(Topics.DECISIONS).serializer())
                .pipeInput("ict-qm", go("ict-qm", "2.1.0", "paper", START), START);

        List<TestRecord<String, DeploymentCommand>> sent = commands.readRecordsToList();
        assertThat(sent).isNotEmpty();
        assertThat(sent).allSatisfy(command -> assertThat(command.headers().lastHeader(Traceparent.HEADER)).isNull());
    }
}
