package dev.greenlight.platform.topics;

/**
 * One setting of a topic weaker than the catalogue (or the environment's required replication)
 * asks for.
 *
 * @param topic    the topic name
 * @param setting  the Kafka setting, e.g. {@code retention.ms}, {@code replication.factor}
 * @param expected what the catalogue or the environment requires
 * @param actual   what the cluster has
 * @param refuses  true when a service must not run on it (a ledger topic), false when a warning is enough
 */
public record TopicSettingProblem(String topic, String setting, String expected, String actual, boolean refuses) {

    /** "greenlight.ledger: retention.ms is 1000, must be -1". */
    public String describe() {
        return topic + ": " + setting + " is " + actual + ", must be " + expected;
    }
}
