package dev.greenlight.rollout.kafka;

import static dev.greenlight.rollout.kafka.RolloutEvents.applied;

import dev.greenlight.events.DeploymentCommand;
import dev.greenlight.platform.kafka.TopicSerdes;
import dev.greenlight.platform.testing.InMemorySchemaRegistryClient;
import dev.greenlight.platform.topics.Topic;
import dev.greenlight.platform.topics.Topics;
import dev.greenlight.policy.catalog.PolicyCatalog;
import dev.greenlight.rollout.domain.MutableClock;
import dev.greenlight.rollout.domain.Policies;
import dev.greenlight.rollout.domain.RolloutMachine;
import dev.greenlight.rollout.domain.RolloutSettings;
import dev.greenlight.rollout.domain.TargetState;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real rollout topology (shipped policies, default settings) on a {@link TopologyTestDriver}
 * with a clock the test moves, and the moves every topology test makes: send an event at the
 * clock's time, advance time, collect what the topology wrote, play the deployer that applies
 * commands, read a target's state. One copy instead of one per test class.
 */
abstract class RolloutTopologyHarness {

    static final Instant START = Instant.parse("2026-11-02T08:00:00Z");

    @TempDir
    Path stateDir;

    final MutableClock clock = new MutableClock(START);
    final TopicSerdes serdes = new TopicSerdes(new InMemorySchemaRegistryClient(), true);
    /** Everything the topology wrote so far, in order (filled by {@link #drain()}). */
    final List<DeploymentCommand> commandLog = new ArrayList<>();
    final List<SpecificRecord> rolloutLog = new ArrayList<>();
    private final Set<String> acked = new HashSet<>();
    TopologyTestDriver driver;
    TestOutputTopic<String, DeploymentCommand> commands;
    TestOutputTopic<String, SpecificRecord> rollouts;

    @BeforeEach
    void startTopology() {
        StreamsBuilder builder = new StreamsBuilder();
        RolloutTopology.build(builder, serdes, new RolloutMachine(clock, RolloutSettings.defaults()),
                RolloutPolicies.of(PolicyCatalog.load(Policies.DIR)), clock, Duration.ofSeconds(1));
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, getClass().getSimpleName());
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(builder.build(), config, START);
        commands = output(Topics.DEPLOYMENT_COMMANDS);
        rollouts = output(Topics.ROLLOUTS);
    }

    @AfterEach
    void stopTopology() {
        driver.close();
    }

    <V> TestInputTopic<String, V> input(Topic<V> topic) {
        return driver.createInputTopic(topic.name(), new StringSerializer(), serdes.forTopic(topic).serializer());
    }

    <V> TestOutputTopic<String, V> output(Topic<V> topic) {
        return driver.createOutputTopic(topic.name(), new StringDeserializer(), serdes.forTopic(topic).deserializer());
    }

    /** One event at the clock's time, then collect what it caused. */
    <V> void send(Topic<V> topic, String target, V value) {
        input(topic).pipeInput(target, value, clock.instant());
        drain();
    }

    void advance(Duration duration) {
        clock.advance(duration);
        driver.advanceWallClockTime(duration);
        drain();
    }

    void drain() {
        commandLog.addAll(commands.readValuesToList());
        rolloutLog.addAll(rollouts.readValuesToList());
    }

    /** The deployer applies every command for {@code target} it has not applied yet. */
    void ackCommands(String target) {
        for (DeploymentCommand command : List.copyOf(commandLog)) {
            if (command.getTarget().equals(target) && acked.add(target + "#" + command.getSequence())) {
                send(Topics.DEPLOYMENT_REPORTS, target, applied(target, command.getCommandId(), command.getSequence(),
                        clock.instant()));
            }
        }
    }

    TargetState state(String target) {
        KeyValueStore<String, TargetState> store = driver.getKeyValueStore(RolloutTopology.STATE_STORE);
        return store.get(target);
    }
}
