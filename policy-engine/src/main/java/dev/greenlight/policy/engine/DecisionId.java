package dev.greenlight.policy.engine;

import java.time.Instant;
import java.util.List;

/**
 * Deterministic decision id, so re-evaluating the same evidence at the same instant yields the
 * same id and duplicate decisions are detectable downstream.
 *
 * <p>Definition: lower-case hex SHA-256 of the UTF-8 bytes of these lines, each ended by
 * {@code \n}: {@code greenlight-decision/1}, policy content hash, target, version, stage,
 * evaluation time in epoch milliseconds, then every evidence id sorted ascending.
 */
final class DecisionId {

    private DecisionId() {
    }

    static String of(String policyHash, String target, String version, String stage, Instant at,
                      List<String> sortedEvidenceIds) {
        StringBuilder text = new StringBuilder("greenlight-decision/1\n");
        for (String line : List.of(policyHash, target, version, stage, Long.toString(at.toEpochMilli()))) {
            text.append(line).append('\n');
        }
        sortedEvidenceIds.forEach(id -> text.append(id).append('\n'));
        return Sha256.hex(text.toString());
    }
}
