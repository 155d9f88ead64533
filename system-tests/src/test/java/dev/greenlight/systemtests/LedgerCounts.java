package dev.greenlight.systemtests;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * What the ledger holds about a load, counted from a whole-ledger export (one line per entry, each
 * naming its source record and event id, docs/ledger.md §6): how many of the acknowledged evidence
 * events are there, how many source records were recorded twice, how many decisions appear twice.
 */
record LedgerCounts(int evidenceSent, int evidenceRecorded, int evidenceLost, int evidenceResent,
                    int decisions, int decisionsDoubled, int sourceRecordsDoubled, Set<String> targetsWithDecisions) {

    static LedgerCounts of(List<JsonNode> entries, Set<String> acknowledged, Set<String> targets) {
        Map<String, Integer> evidence = new HashMap<>();
        Map<String, Integer> decisions = new HashMap<>();
        Map<String, Integer> sourceRecords = new HashMap<>();
        Set<String> decided = new HashSet<>();
        for (JsonNode entry : entries) {
            if (!"entry".equals(entry.path("type").asString())) {
                continue;
            }
            String topic = entry.path("sourceTopic").asString("");
            sourceRecords.merge(topic + "-" + entry.path("sourcePartition").asInt() + "@"
                    + entry.path("sourceOffset").asLong(), 1, Integer::sum);
            String target = entry.path("target").asString("");
            if (!targets.contains(target)) {
                continue;
            }
            String eventId = entry.path("sourceEventId").asString("");
            if ("greenlight.checks".equals(topic)) {
                evidence.merge(eventId, 1, Integer::sum);
            } else if (entry.path("eventType").asString("").endsWith("GateDecided")) {
                decisions.merge(eventId, 1, Integer::sum);
                decided.add(target);
            }
        }
        int recorded = (int) acknowledged.stream().filter(evidence::containsKey).count();
        int resent = evidence.values().stream().mapToInt(count -> count - 1).sum();
        int decisionsDoubled = (int) decisions.values().stream().filter(count -> count > 1).count();
        int sourceDoubled = (int) sourceRecords.values().stream().filter(count -> count > 1).count();
        return new LedgerCounts(acknowledged.size(), recorded, acknowledged.size() - recorded, resent,
                decisions.size(), decisionsDoubled, sourceDoubled, decided);
    }

    String summary() {
        return "evidence sent %d, in the ledger %d, lost %d (records re-sent by a retry, counted once by eventId: %d);"
                .formatted(evidenceSent, evidenceRecorded, evidenceLost, evidenceResent)
                + " decisions %d, doubled %d; ledger entries for one source record twice: %d"
                .formatted(decisions, decisionsDoubled, sourceRecordsDoubled);
    }
}
