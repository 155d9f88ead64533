package dev.greenlight.ledger.kafka;

import dev.greenlight.platform.topics.Topic;
import dev.greenlight.platform.topics.Topics;
import java.util.List;

/**
 * The topics the ledger records: every topic of the catalogue but the ledger's own two. Evidence is
 * included (checks, alerts, metrics) because replaying a gate decision needs the evidence it saw, and
 * the dead-letter topic too (as undecodable entries), because a record parked there is still a fact
 * that happened and the ledger accounts for every offset of every source topic.
 */
final class SourceTopics {

    private SourceTopics() {
    }

    static List<Topic<?>> all() {
        return Topics.all().stream()
                .filter(topic -> topic != Topics.LEDGER && topic != Topics.LEDGER_CHECKPOINTS
                        && topic != Topics.LEDGER_COSIGNATURES && topic != Topics.CDEVENTS
                        && topic != Topics.CONSOLE_BOARD)
                .toList();
    }
}
