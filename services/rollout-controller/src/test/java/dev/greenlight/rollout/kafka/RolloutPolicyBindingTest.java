package dev.greenlight.rollout.kafka;

import static dev.greenlight.evidence.EvidenceEvents.release;
import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.events.DeploymentCommand;
import dev.greenlight.events.GateOutcome;
import dev.greenlight.events.ReleaseType;
import dev.greenlight.platform.kafka.TopicSerdes;
import dev.greenlight.platform.testing.InMemorySchemaRegistryClient;
import dev.greenlight.platform.topics.Topic;
import dev.greenlight.platform.topics.Topics;
import dev.greenlight.policy.model.Policy;
import dev.greenlight.policy.parser.PolicyParser;
import dev.greenlight.rollout.domain.MutableClock;
import dev.greenlight.rollout.domain.Policies;
import dev.greenlight.rollout.domain.RolloutMachine;
import dev.greenlight.rollout.domain.RolloutSettings;
import dev.greenlight.rollout.domain.TargetState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One policy source: a rollout ramps by exactly the policy text the gate decided with, found by
 * the decision's content hash among the announced ones — never by a policy's name, never by a text
 * the gate did not announce. Two texts of "trading-strategy" are announced here; they differ in
 * the traffic of live-25, so the traffic the controller commands shows which one it used.
 */
class RolloutPolicyBindingTest {

    private static final Instant START = Instant.parse("2026-11-02T08:00:00Z");
    private static final Policy SHIPPED = Policies.STRATEGY;
    private static final Policy AMENDED = amended();

    @TempDir
    Path stateDir;

    private final MutableClock clock = new MutableClock(START);
    private final TopicSerdes serdes = new TopicSerdes(new InMemorySchemaRegistryClient(), true);
    private final Map<String, Policy> announced = Map.of(SHIPPED.contentHash(), SHIPPED,
            AMENDED.contentHash(), AMENDED);
    private final List<DeploymentCommand> commands = new ArrayList<>();
    private TopologyTestDriver driver;
    private TestOutputTopic<String, DeploymentCommand> commandTopic;

    private static Policy amended() {
        try {
            String text = Files.readString(Policies.DIR.resolve("trading-strategy.yaml"))
                    .replace("  - name: live-25\n    traffic: 25\n", "  - name: live-25\n    traffic: 30\n");
            return new PolicyParser().parse("trading-strategy.yaml", text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @BeforeEach
    void start() {
        RolloutPolicies policies = new RolloutPolicies() {
            @Override
            public Optional<Policy> byHash(String contentHash) {
                return Optional.ofNullable(contentHash).map(announced::get);
            }

            @Override
            public Optional<Policy> awaitHash(String contentHash) {
                return byHash(contentHash);
            }
        };
        StreamsBuilder builder = new StreamsBuilder();
        RolloutTopology.build(builder, serdes, new RolloutMachine(clock, RolloutSettings.defaults()), policies, clock,
                Duration.ofSeconds(1));
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "rollout-policy-binding-test");
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(builder.build(), config, START);
        commandTopic = driver.createOutputTopic(Topics.DEPLOYMENT_COMMANDS.name(), new StringDeserializer(),
                serdes.forTopic(Topics.DEPLOYMENT_COMMANDS).deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private <V> void send(Topic<V> topic, String target, V value) {
        driver.createInputTopic(topic.name(), new StringSerializer(), serdes.forTopic(topic).serializer())
                .pipeInput(target, value, clock.instant());
        commands.addAll(commandTopic.readValuesToList());
    }

    private void go(String version, String stage, Policy policy) {
        send(Topics.DECISIONS, "ict-qm", RolloutEvents.decided("ict-qm", version, stage, GateOutcome.GO,
                clock.instant(), policy));
    }

    private void ackAll() {
        for (DeploymentCommand command : List.copyOf(commands)) {
            send(Topics.DEPLOYMENT_REPORTS, "ict-qm", RolloutEvents.applied("ict-qm", command.getCommandId(),
                    command.getSequence(), clock.instant()));
        }
    }

    private TargetState state() {
        KeyValueStore<String, TargetState> store = driver.getKeyValueStore(RolloutTopology.STATE_STORE);
        return store.get("ict-qm");
    }

    @Test
    void theRolloutIsBoundToThePolicyWithTheHashOfTheGatesDecisionNotTheOneOfItsName() {
        send(Topics.RELEASES, "ict-qm", release("rel-1", "ict-qm", "2.1.0", ReleaseType.STRATEGY, clock.instant()));

        go("2.1.0", "paper", AMENDED);
        ackAll();
        clock.advance(Duration.ofDays(4));
        driver.advanceWallClockTime(Duration.ofDays(4));
        go("2.1.0", "live-25", AMENDED);

        assertThat(state().rollout("2.1.0").orElseThrow().policyHash()).isEqualTo(AMENDED.contentHash());
        assertThat(commands).extracting(DeploymentCommand::getTrafficPercent).containsExactly(0, 30);
    }

    @Test
    void aDecisionWithAPolicyTheGateNeverAnnouncedMovesNothing() {
        send(Topics.RELEASES, "ict-qm", release("rel-1", "ict-qm", "2.1.0", ReleaseType.STRATEGY, clock.instant()));
        Policy local = new PolicyParser().parse("trading-strategy.yaml", "# a local copy\n" + text());

        go("2.1.0", "paper", local);

        assertThat(commands).isEmpty();
        assertThat(state()).isNull();
    }

    @Test
    void aDecisionComputedWithAnotherTextThanTheRunningRolloutsDoesNotMoveIt() {
        send(Topics.RELEASES, "ict-qm", release("rel-1", "ict-qm", "2.1.0", ReleaseType.STRATEGY, clock.instant()));
        go("2.1.0", "paper", SHIPPED);
        ackAll();
        clock.advance(Duration.ofDays(4));
        driver.advanceWallClockTime(Duration.ofDays(4));

        go("2.1.0", "live-25", AMENDED);

        assertThat(commands).extracting(DeploymentCommand::getTrafficPercent).containsExactly(0);
        assertThat(state().rollout("2.1.0").orElseThrow().policyHash()).isEqualTo(SHIPPED.contentHash());
    }

    private static String text() {
        try {
            return Files.readString(Policies.DIR.resolve("trading-strategy.yaml"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
