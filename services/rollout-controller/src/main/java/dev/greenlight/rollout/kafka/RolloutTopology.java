package dev.greenlight.rollout.kafka;

import dev.greenlight.events.DeploymentCommand;
import dev.greenlight.events.KillSwitchActivated;
import dev.greenlight.events.ReleaseRegistered;
import dev.greenlight.platform.kafka.TopicSerdes;
import dev.greenlight.platform.topics.Topic;
import dev.greenlight.platform.topics.Topics;
import dev.greenlight.rollout.domain.RolloutMachine;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

/**
 * The rollout controller's Kafka Streams topology: every input about a target — registrations,
 * gate decisions, kill switch, metrics and alerts for guards, deployers' reports and manual
 * commands — is read as one stream keyed by target, so a single processor sees a target's events
 * in order and is the only writer of its rollout state. All inputs have the same partition count,
 * hence the same task owns a target on every topic.
 *
 * <p>Durability: the per-target state (rollouts, last command sequence, kill state, commands
 * awaiting acknowledgement), the registrations and the guard evidence live in changelogged stores.
 * Run with {@code processing.guarantee=exactly_once_v2}: a state update and the commands and
 * events it produced commit in one transaction, so a restarted or rebalanced controller neither
 * re-sends nor loses a command and every sequence appears exactly once. Timers are not timers but
 * deadlines in that state, checked by a punctuator against the injected clock.
 *
 * <p>Outputs: rollout events to {@link Topics#ROLLOUTS}, commands to
 * {@link Topics#DEPLOYMENT_COMMANDS}, and {@code KillSwitchActivated} (source GUARD) to
 * {@link Topics#KILL_SWITCH} when a KILL guard trips.
 */
public final class RolloutTopology {

    /** Per-target {@code TargetState}; the interactive-query store of the REST API. */
    public static final String STATE_STORE = "rollout-state";
    static final String RELEASE_STORE = "rollout-releases";
    static final String EVIDENCE_STORE = "rollout-guard-evidence";
    /** Event ids of the manual commands already applied: a retried command (same id) is applied once. */
    static final String REQUEST_STORE = "rollout-command-ids";
    /** Global: every org-wide kill switch flip, in flip order ({@link KillPatternStoreUpdater}). */
    static final String KILL_PATTERNS_STORE = "rollout-kill-patterns";
    /** Per target: the org-wide kill switch activations it already obeys ({@link PatternKills}). */
    static final String PATTERN_KILLS_STORE = "rollout-pattern-kills";

    static final List<Topic<?>> INPUTS = List.of(Topics.RELEASES, Topics.DECISIONS, Topics.KILL_SWITCH,
            Topics.METRICS, Topics.ALERTS, Topics.DEPLOYMENT_REPORTS, Topics.ROLLOUT_COMMANDS, Topics.CHECKS);

    private RolloutTopology() {
    }

    public static void build(StreamsBuilder builder, TopicSerdes serdes, RolloutMachine machine,
                             RolloutPolicies policies, Clock clock, Duration tickInterval) {
        List<Topic<?>> routed = new ArrayList<>(INPUTS);
        routed.add(Topics.ROLLOUTS);
        routed.add(Topics.DEPLOYMENT_COMMANDS);
        TopicRoutingSerde values = new TopicRoutingSerde(serdes, routed);

        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STATE_STORE),
                Serdes.String(), new TargetStateSerde()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(RELEASE_STORE),
                Serdes.String(), StoreAvroSerde.<ReleaseRegistered>of(ReleaseRegistered.getClassSchema())));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(EVIDENCE_STORE),
                Serdes.String(), StoreAvroSerde.evidenceLog()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(REQUEST_STORE),
                Serdes.String(), Serdes.Long()));

        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PATTERN_KILLS_STORE),
                Serdes.String(), Serdes.String()));
        builder.addGlobalStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(KILL_PATTERNS_STORE),
                        Serdes.String(), StoreAvroSerde.<SpecificRecord>of(Topics.KILL_SWITCH_PATTERNS.valueSchema()))
                        .withLoggingDisabled(),
                Topics.KILL_SWITCH_PATTERNS.name(), Consumed.with(Serdes.String(), patternSerde(serdes)),
                KillPatternStoreUpdater::new);

        builder.stream(INPUTS.stream().map(Topic::name).toList(), Consumed.with(Serdes.String(), values))
                .process(() -> new RolloutProcessor(machine, policies, clock, tickInterval),
                        STATE_STORE, RELEASE_STORE, EVIDENCE_STORE, REQUEST_STORE, PATTERN_KILLS_STORE)
                .to((target, value, context) -> outputTopic(value).name(), Produced.with(Serdes.String(), values));
    }

    @SuppressWarnings("unchecked")
    private static Serde<SpecificRecord> patternSerde(TopicSerdes serdes) {
        return (Serde<SpecificRecord>) (Serde<?>) serdes.forTopic(Topics.KILL_SWITCH_PATTERNS);
    }

    static Topic<?> outputTopic(Object value) {
        if (value instanceof DeploymentCommand) {
            return Topics.DEPLOYMENT_COMMANDS;
        }
        if (value instanceof KillSwitchActivated) {
            return Topics.KILL_SWITCH;
        }
        return Topics.ROLLOUTS;
    }
}
