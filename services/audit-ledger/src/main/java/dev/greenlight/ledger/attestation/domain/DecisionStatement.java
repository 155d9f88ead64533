package dev.greenlight.ledger.attestation.domain;

import dev.greenlight.ledger.verify.AttestationFormat;
import dev.greenlight.ledger.verify.Entry;
import dev.greenlight.ledger.verify.LedgerJson;
import dev.greenlight.ledger.verify.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the in-toto Statement v1 of one recorded gate decision (docs/ledger.md, "Decision
 * attestations"): subject the release, predicate a gate decision shaped after the SLSA verification
 * summary — who decided, when, under which policy (by content digest), with which result, from which
 * ledger entries.
 *
 * <p>A pure function of ledger entries: every field comes from the recorded decision, the release's
 * registration and the entries' own hashes, and is written in a fixed order with no whitespace, so the
 * same ledger gives the same bytes and a re-fetched (deterministically signed) envelope is identical.
 * Nothing time-dependent such as the latest checkpoint enters the statement; inclusion of the cited
 * entries is proved separately ({@code GET /proof/inclusion}).
 */
public final class DecisionStatement {

    /** {@code predicate.verifier.id}: the gate evaluator decided; the ledger's signature vouches it recorded that. */
    public static final String VERIFIER_ID = "https://greenlight.dev/gate-evaluator";
    private static final List<String> STATUSES = List.of("PASS", "WARN", "FAIL", "PENDING", "WAIVED");

    private DecisionStatement() {
    }

    /**
     * The statement's UTF-8 JSON bytes.
     *
     * @param decision      the recorded decision
     * @param decisionEntry the ledger entry that recorded it
     * @param revision      the release's recorded revision, or null when not recorded
     * @param evidence      the first valid ledger entry of each cited event id that the ledger holds
     * @param keyId         id of the ledger key that signs the envelope
     */
    public static byte[] build(DecisionFacts decision, Entry decisionEntry, String revision,
            Map<String, Entry> evidence, String keyId) {
        return build(decision, decisionEntry, revision, evidence, List.of(), keyId);
    }

    /**
     * As above, for a decision that also cites metric windows as series: each one resolved to the
     * entries of exactly the samples it counted ({@code series} holds only the resolved ones; a cited
     * series that does not resolve is listed as unrecorded evidence). A decision citing no series gets
     * the same bytes as before series existed.
     */
    public static byte[] build(DecisionFacts decision, Entry decisionEntry, String revision,
            Map<String, Entry> evidence, List<SeriesEvidence> series, String keyId) {
        ObjectNode statement = LedgerJson.MAPPER.createObjectNode();
        statement.put("_type", AttestationFormat.STATEMENT_TYPE);
        ObjectNode subject = statement.putArray("subject").addObject();
        subject.put("name", AttestationFormat.subjectName(decision.target(), decision.version()));
        digest(subject, new TreeMap<>(AttestationFormat.subjectDigest(decision.target(), decision.version(), revision)));
        statement.put("predicateType", AttestationFormat.PREDICATE_TYPE);
        statement.set("predicate", predicate(decision, decisionEntry, revision, evidence, series, keyId));
        return LedgerJson.MAPPER.writeValueAsString(statement).getBytes(StandardCharsets.UTF_8);
    }

    private static ObjectNode predicate(DecisionFacts decision, Entry decisionEntry, String revision,
            Map<String, Entry> evidence, List<SeriesEvidence> series, String keyId) {
        Map<String, SeriesEvidence> seriesById = new TreeMap<>();
        series.forEach(s -> seriesById.put(s.citation(), s));
        boolean go = "GO".equals(decision.outcome());
        ObjectNode predicate = LedgerJson.MAPPER.createObjectNode();
        predicate.putObject("verifier").put("id", VERIFIER_ID);
        predicate.put("timeVerified", decision.evaluatedAt().toString());
        predicate.put("resourceUri", "greenlight:release:" + decision.target() + "@" + decision.version());
        ObjectNode policy = predicate.putObject("policy");
        policy.put("uri", "greenlight:policy:" + decision.policyName() + "@" + decision.policyVersion());
        digest(policy, Map.of("sha256", decision.policyContentHash()));
        policy.put("name", decision.policyName());
        policy.put("version", decision.policyVersion());
        ArrayNode inputs = predicate.putArray("inputAttestations");
        for (String id : decision.evidenceIds()) {
            Entry entry = evidence.get(id);
            if (entry != null) {
                ObjectNode input = inputs.addObject().put("uri", entryUri(entry));
                digest(input, Map.of("sha256", Sha256.hex(entry.entryHash())));
            } else if (seriesById.containsKey(id)) {
                ObjectNode input = inputs.addObject().put("uri", "greenlight:ledger:series:" + id);
                digest(input, Map.of("sha256", seriesById.get(id).entriesDigest()));
            }
        }
        predicate.put("verificationResult", go ? AttestationFormat.PASSED : AttestationFormat.FAILED);
        ArrayNode levels = predicate.putArray("verifiedLevels");
        if (go) {
            levels.add("GREENLIGHT_STAGE_" + decision.stage().toUpperCase(Locale.ROOT).replace('-', '_'));
        }
        ObjectNode release = predicate.putObject("release");
        release.put("target", decision.target());
        release.put("version", decision.version());
        release.put("revision", revision);
        predicate.put("stage", decision.stage());
        predicate.set("decision", decision(decision));
        ArrayNode cited = predicate.putArray("evidence");
        ArrayNode unrecorded = LedgerJson.MAPPER.createArrayNode();
        for (String id : decision.evidenceIds()) {
            Entry entry = evidence.get(id);
            if (entry == null && !seriesById.containsKey(id)) {
                unrecorded.add(id);
            } else if (entry != null) {
                position(cited.addObject().put("eventId", id).put("eventType", entry.eventType()), entry);
            }
        }
        if (!seriesById.isEmpty()) {
            ArrayNode windows = predicate.putArray("series");
            for (String id : decision.evidenceIds()) {
                SeriesEvidence window = seriesById.get(id);
                if (window != null && evidence.get(id) == null) {
                    windows.add(series(window));
                }
            }
        }
        predicate.set("unrecordedEvidence", unrecorded);
        ObjectNode ledger = predicate.putObject("ledger");
        ledger.put("keyId", keyId);
        position(ledger.putObject("decisionEntry"), decisionEntry).put("recordedAt",
                decisionEntry.recordedAt().toString());
        return predicate;
    }

    private static ObjectNode series(SeriesEvidence window) {
        ObjectNode node = LedgerJson.MAPPER.createObjectNode();
        node.put("citation", window.citation()).put("metric", window.metric()).put("count", window.count())
                .put("samplesDigest", window.digest()).put("entries", window.entries().size());
        node.putObject("entriesDigest").put("sha256", window.entriesDigest());
        if (!window.entries().isEmpty()) {
            position(node.putObject("firstEntry"), window.entries().get(0));
            position(node.putObject("lastEntry"), window.entries().get(window.entries().size() - 1));
        }
        return node;
    }

    private static ObjectNode decision(DecisionFacts decision) {
        ObjectNode node = LedgerJson.MAPPER.createObjectNode();
        node.put("id", decision.decisionId());
        node.put("outcome", decision.outcome());
        node.put("evaluatedAt", decision.evaluatedAt().toString());
        node.put("previousDecisionId", decision.previousDecisionId());
        ObjectNode counts = node.putObject("criteriaSummary");
        for (String status : STATUSES) {
            counts.put(status, decision.criteria().stream().filter(c -> c.status().equals(status)).count());
        }
        ArrayNode criteria = node.putArray("criteria");
        for (CriterionFacts criterion : decision.criteria()) {
            criteria.addObject().put("name", criterion.name()).put("kind", criterion.kind())
                    .put("status", criterion.status()).put("blocking", criterion.blocking());
        }
        ArrayNode missing = node.putArray("missing");
        decision.missing().forEach(missing::add);
        return node;
    }

    private static ObjectNode position(ObjectNode node, Entry entry) {
        return node.put("ledgerPartition", entry.ledgerPartition()).put("sequence", entry.sequence())
                .put("entryHash", Sha256.hex(entry.entryHash()));
    }

    private static void digest(ObjectNode node, Map<String, String> digest) {
        ObjectNode set = node.putObject("digest");
        new TreeMap<>(digest).forEach(set::put);
    }

    private static String entryUri(Entry entry) {
        return "greenlight:ledger:entry:" + entry.ledgerPartition() + "/" + entry.sequence();
    }
}
