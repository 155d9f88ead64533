package dev.greenlight.ledger.kafka;

import dev.greenlight.platform.topics.Topic;
import dev.greenlight.platform.topics.Topics;
import java.util.List;

/**
 * The topics the ledger records: every fact and command topic of the catalogue, evidence included
 * (checks, alerts, metrics), because replaying a gate decision needs the evidence it saw. The ledger's
 * own topics and the dead-letter topic (raw, undecodable bytes) are not recorded.
 */
final class SourceTopics {

    private SourceTopics() {
    }

    static List<Topic<?>> all() {
        return Topics.all().stream()
                .filter(topic -> topic != Topics.LEDGER && topic != Topics.LEDGER_CHECKPOINTS
                        && topic != Topics.LEDGER_COSIGNATURES
                        && topic != Topics.DEAD_LETTER)
                .toList();
    }
}
