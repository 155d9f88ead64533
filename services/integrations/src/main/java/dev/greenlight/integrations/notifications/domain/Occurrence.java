package dev.greenlight.integrations.notifications.domain;

import dev.greenlight.integrations.subscriptions.domain.EventKind;
import java.time.Instant;
import java.util.List;

/**
 * Something people may want to be told about, already in words: what every channel renders. Built
 * from recorded events by the Kafka adapter (and, for decisions, by {@link DecisionChanges}).
 *
 * @param id      unique and stable per fact (an event id, or a decision id with the kind): redelivering
 *                the same event yields the same id, hence the same dedupe key
 * @param kind    what kind of occurrence
 * @param target  the release target, or a target pattern for holds and org-wide kill switches
 * @param version the release version; null when the fact is not about one release
 * @param stage   the stage; null when not about one stage
 * @param title   one line, e.g. "ict-qm 1.2.3 canary: NO_GO"
 * @param text    one or two sentences saying why and what to do
 * @param facts   labelled details
 * @param at      when it happened
 */
public record Occurrence(String id, EventKind kind, String target, String version, String stage, String title,
                         String text, List<Fact> facts, Instant at) {

    public Occurrence {
        facts = List.copyOf(facts);
    }
}
