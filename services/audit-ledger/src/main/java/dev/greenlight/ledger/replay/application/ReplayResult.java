package dev.greenlight.ledger.replay.application;

import java.util.List;

/**
 * The replay of one recorded {@code GateDecided}.
 *
 * @param position    ledger position of the recorded decision, {@code partition/sequence}
 * @param decisionId  the recorded decision id
 * @param release     {@code target@version}
 * @param stage       the recorded stage
 * @param outcome     the recorded outcome (GO, NO_GO, HOLD)
 * @param status      what the replay showed
 * @param detail      one sentence for humans: why it is a mismatch or unreplayable
 * @param differences for a mismatch, each differing field as {@code path: recorded X, replayed Y}
 */
public record ReplayResult(String position, String decisionId, String release, String stage, String outcome,
        ReplayStatus status, String detail, List<String> differences) {

    public ReplayResult {
        differences = List.copyOf(differences);
    }
}
