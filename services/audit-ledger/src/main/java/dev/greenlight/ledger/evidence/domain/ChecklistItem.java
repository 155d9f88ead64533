package dev.greenlight.ledger.evidence.domain;

import java.util.List;

/**
 * One line of the trading runbook's audit sign-off checklist, filled from recorded facts only.
 * A line with no fact behind it says {@value #NOT_RECORDED}; it is never guessed.
 *
 * @param section  checklist section (Strategy audit, Validation, Approvals, Release decision)
 * @param item     the line as the runbook names it
 * @param value    the recorded value, or {@value #NOT_RECORDED}
 * @param recorded false when the value is {@value #NOT_RECORDED}
 * @param sources  the entries the value was read from (empty when not recorded)
 */
public record ChecklistItem(String section, String item, String value, boolean recorded, List<Source> sources) {

    public static final String NOT_RECORDED = "not recorded";

    public ChecklistItem {
        sources = List.copyOf(sources);
    }

    public static ChecklistItem of(String section, String item, String value, List<Source> sources) {
        return new ChecklistItem(section, item, value, true, sources);
    }

    public static ChecklistItem notRecorded(String section, String item) {
        return new ChecklistItem(section, item, NOT_RECORDED, false, List.of());
    }
}
