package dev.greenlight.platform.topics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares a topic as the cluster has it with its catalogue entry and the environment's required
 * durability, so a service notices at start that somebody created its topics weaker than
 * Greenlight relies on (a finite retention silently expires evidence; compaction deletes history by
 * key; a producer-set timestamp lets a writer backdate a ledger entry; one replica loses acknowledged
 * events with one disk).
 *
 * <p>What each finding does, per setting:
 * <ul>
 *   <li>on the ledger topics ({@link Topics#LEDGER}, its checkpoints and cosignatures) every weaker
 *       setting refuses the start: the ledger is the audit trail, and a ledger that may expire,
 *       compact or accept backdated entries is not one;</li>
 *   <li>on every other topic a weaker setting is a warning: the event topics are rebuilt by their
 *       writers' retries and replays, and Kafka Streams itself refuses co-partitioning mismatches.</li>
 * </ul>
 * Checked: {@code partitions} (equal to the catalogue), {@code replication.factor} and
 * {@code min.insync.replicas} (at least the environment's), {@code cleanup.policy} (no policy the
 * catalogue does not name: {@code delete} unless it says otherwise), {@code retention.ms} and
 * {@code retention.bytes} (infinite where the catalogue says {@code -1}), {@code message.timestamp.type}
 * (as the catalogue says).
 */
public final class TopicSettingsCheck {

    /** Topics whose weaker settings refuse a start rather than warn. */
    private static final Set<String> REFUSING = Set.of(Topics.LEDGER.name(), Topics.LEDGER_CHECKPOINTS.name(),
            Topics.LEDGER_COSIGNATURES.name());

    static final String REPLICATION_FACTOR = "replication.factor";
    static final String MIN_INSYNC_REPLICAS = "min.insync.replicas";
    static final String CLEANUP_POLICY = "cleanup.policy";

    private TopicSettingsCheck() {
    }

    /**
     * @param expected          the catalogue entry
     * @param actual            the topic as described by the cluster
     * @param replicationFactor the environment's required replicas (1 locally, 3 in production)
     * @param minInsyncReplicas the environment's required {@code min.insync.replicas} (1 locally, 2 in production)
     * @return every weaker setting, empty when the topic is as strong as required
     */
    public static List<TopicSettingProblem> check(Topic<?> expected, TopicSettings actual, int replicationFactor,
            int minInsyncReplicas) {
        boolean refuses = REFUSING.contains(expected.name());
        List<TopicSettingProblem> problems = new ArrayList<>();
        if (actual.partitions() != expected.partitions()) {
            problems.add(problem(expected, "partitions", String.valueOf(expected.partitions()),
                    String.valueOf(actual.partitions()), refuses));
        }
        if (actual.replicationFactor() < replicationFactor) {
            problems.add(problem(expected, REPLICATION_FACTOR, "at least " + replicationFactor,
                    String.valueOf(actual.replicationFactor()), refuses));
        }
        int minIsr = parseInt(actual.configs().get(MIN_INSYNC_REPLICAS), 1);
        if (minIsr < minInsyncReplicas) {
            problems.add(problem(expected, MIN_INSYNC_REPLICAS, "at least " + minInsyncReplicas,
                    String.valueOf(minIsr), refuses));
        }
        String expectedPolicy = expected.configs().getOrDefault(CLEANUP_POLICY, "delete");
        String actualPolicy = actual.configs().getOrDefault(CLEANUP_POLICY, "delete");
        if (!policies(expectedPolicy).containsAll(policies(actualPolicy))) {
            problems.add(problem(expected, CLEANUP_POLICY, expectedPolicy, actualPolicy, refuses));
        }
        for (Map.Entry<String, String> setting : expected.configs().entrySet()) {
            String name = setting.getKey();
            if (name.equals(CLEANUP_POLICY)) {
                continue;
            }
            String actualValue = actual.configs().get(name);
            if (!setting.getValue().equalsIgnoreCase(String.valueOf(actualValue))) {
                problems.add(problem(expected, name, setting.getValue(), String.valueOf(actualValue), refuses));
            }
        }
        return List.copyOf(problems);
    }

    private static TopicSettingProblem problem(Topic<?> topic, String setting, String expected, String actual,
            boolean refuses) {
        return new TopicSettingProblem(topic.name(), setting, expected, actual, refuses);
    }

    private static Set<String> policies(String value) {
        Set<String> policies = new HashSet<>();
        Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(policies::add);
        return policies;
    }

    private static int parseInt(String value, int otherwise) {
        try {
            return value == null ? otherwise : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }
}
