package dev.greenlight.ledger.attestation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.ledger.domain.LedgerState;
import dev.greenlight.ledger.domain.SourceEvent;
import dev.greenlight.ledger.verify.AttestationCheck;
import dev.greenlight.ledger.verify.AttestationFormat;
import dev.greenlight.ledger.verify.AttestationVerifier;
import dev.greenlight.ledger.verify.DsseEnvelope;
import dev.greenlight.ledger.verify.Ed25519Keys;
import dev.greenlight.ledger.verify.Entry;
import dev.greenlight.ledger.verify.LedgerJson;
import dev.greenlight.ledger.verify.Sha256;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The statement of a GO and of a NO_GO decision says what was decided, for which release, under which
 * policy, from which ledger entries (their real hashes), in bytes that depend on nothing but the
 * ledger; signed with the ledger key it verifies offline.
 */
class DecisionStatementTest {

    private static final Instant T = Instant.parse("2026-03-01T12:00:00Z");
    private static final String REVISION = "4f0c6a7d9e1b2c3d4e5f60718293a4b5c6d7e8f9";
    private static final String POLICY_HASH = "ab".repeat(32);
    private static final KeyPair KEYS = Ed25519Keys.generate();
    private static final String KEY_ID = Ed25519Keys.keyId(KEYS.getPublic());

    private final LedgerState ledger = new LedgerState(3);
    private final Entry release = record(1, "rel-1", "dev.greenlight.events.ReleaseRegistered", 0);
    private final Entry scan = record(1, "chk-1", "dev.greenlight.events.CheckReported", 1);
    private final Entry approval = record(1, "apr-1", "dev.greenlight.events.ApprovalGranted", 2);
    private final Entry decided = record(1, "dec-1", "dev.greenlight.events.GateDecided", 3);

    private Entry record(int partition, String eventId, String type, int offset) {
        byte[] payload = ByteBuffer.allocate(5 + eventId.length()).put((byte) 0).putInt(7)
                .put(eventId.getBytes(StandardCharsets.UTF_8)).array();
        return ledger.append(partition, new SourceEvent("ict-qm", "greenlight.any", 0, offset, eventId, type, 7,
                payload), T.plusSeconds(offset));
    }

    private static DecisionFacts decision(String outcome, List<String> evidenceIds) {
        return new DecisionFacts("dec-1", "ict-qm", "2.1.0", "live-25", outcome,
                List.of(new CriterionFacts("security-scan", "check", "PASS", true),
                        new CriterionFacts("founder-approval", "approval", "GO".equals(outcome) ? "PASS" : "FAIL", true),
                        new CriterionFacts("latency", "metric", "WARN", false)),
                "GO".equals(outcome) ? List.of() : List.of("approval:founder"), "strategy-release", "3", POLICY_HASH,
                T, "dec-0", evidenceIds);
    }

    private Map<String, Entry> evidence() {
        Map<String, Entry> evidence = new LinkedHashMap<>();
        evidence.put("rel-1", release);
        evidence.put("chk-1", scan);
        evidence.put("apr-1", approval);
        return evidence;
    }

    private static JsonNode json(byte[] statement) {
        return LedgerJson.MAPPER.readTree(new String(statement, StandardCharsets.UTF_8));
    }

    @Test
    void aGoNamesReleaseStageVerdictPolicyTimeAndTheCitedEntriesByTheirHashes() {
        JsonNode statement = json(DecisionStatement.build(decision("GO", List.of("apr-1", "chk-1", "rel-1")), decided,
                REVISION, evidence(), KEY_ID));

        assertThat(statement.path("_type").asString()).isEqualTo("https://in-toto.io/Statement/v1");
        assertThat(statement.path("subject")).hasSize(1);
        assertThat(statement.path("subject").get(0).path("name").asString()).isEqualTo("ict-qm@2.1.0");
        assertThat(statement.path("subject").get(0).path("digest").path("gitCommit").asString()).isEqualTo(REVISION);
        assertThat(statement.path("predicateType").asString())
                .isEqualTo("https://greenlight.dev/attestation/gate-decision/v1");
        JsonNode predicate = statement.path("predicate");
        assertThat(predicate.path("verifier").path("id").asString()).isEqualTo("https://greenlight.dev/gate-evaluator");
        assertThat(predicate.path("timeVerified").asString()).isEqualTo("2026-03-01T12:00:00Z");
        assertThat(predicate.path("resourceUri").asString()).isEqualTo("greenlight:release:ict-qm@2.1.0");
        assertThat(predicate.path("policy").path("uri").asString()).isEqualTo("greenlight:policy:strategy-release@3");
        assertThat(predicate.path("policy").path("digest").path("sha256").asString()).isEqualTo(POLICY_HASH);
        assertThat(predicate.path("policy").path("name").asString()).isEqualTo("strategy-release");
        assertThat(predicate.path("policy").path("version").asString()).isEqualTo("3");
        assertThat(predicate.path("verificationResult").asString()).isEqualTo("PASSED");
        assertThat(predicate.path("verifiedLevels").get(0).asString()).isEqualTo("GREENLIGHT_STAGE_LIVE_25");
        assertThat(predicate.path("release").path("revision").asString()).isEqualTo(REVISION);
        assertThat(predicate.path("stage").asString()).isEqualTo("live-25");
        JsonNode verdict = predicate.path("decision");
        assertThat(verdict.path("id").asString()).isEqualTo("dec-1");
        assertThat(verdict.path("outcome").asString()).isEqualTo("GO");
        assertThat(verdict.path("previousDecisionId").asString()).isEqualTo("dec-0");
        assertThat(verdict.path("criteriaSummary").toString())
                .isEqualTo("{\"PASS\":2,\"WARN\":1,\"FAIL\":0,\"PENDING\":0,\"WAIVED\":0}");
        assertThat(verdict.path("criteria").get(2).toString())
                .isEqualTo("{\"name\":\"latency\",\"kind\":\"metric\",\"status\":\"WARN\",\"blocking\":false}");

        List<Entry> cited = List.of(approval, scan, release);
        for (int i = 0; i < cited.size(); i++) {
            JsonNode item = predicate.path("evidence").get(i);
            assertThat(item.path("eventId").asString()).isEqualTo(cited.get(i).sourceEventId());
            assertThat(item.path("entryHash").asString()).isEqualTo(Sha256.hex(cited.get(i).entryHash()));
            assertThat(item.path("ledgerPartition").asInt()).isEqualTo(cited.get(i).ledgerPartition());
            assertThat(item.path("sequence").asLong()).isEqualTo(cited.get(i).sequence());
            JsonNode input = predicate.path("inputAttestations").get(i);
            assertThat(input.path("uri").asString()).isEqualTo("greenlight:ledger:entry:1/" + cited.get(i).sequence());
            assertThat(input.path("digest").path("sha256").asString()).isEqualTo(Sha256.hex(cited.get(i).entryHash()));
        }
        assertThat(predicate.path("unrecordedEvidence")).isEmpty();
        JsonNode own = predicate.path("ledger").path("decisionEntry");
        assertThat(own.path("entryHash").asString()).isEqualTo(Sha256.hex(decided.entryHash()));
        assertThat(own.path("sequence").asLong()).isEqualTo(3);
        assertThat(predicate.path("ledger").path("keyId").asString()).isEqualTo(KEY_ID);
    }

    @Test
    void aNoGoIsFailedWithNoLevelAndNamesEvidenceTheLedgerNeverRecorded() {
        JsonNode statement = json(DecisionStatement.build(decision("NO_GO", List.of("chk-1", "gone-1")), decided,
                null, evidence(), KEY_ID));

        JsonNode predicate = statement.path("predicate");
        assertThat(predicate.path("verificationResult").asString()).isEqualTo("FAILED");
        assertThat(predicate.path("verifiedLevels")).isEmpty();
        assertThat(predicate.path("decision").path("outcome").asString()).isEqualTo("NO_GO");
        assertThat(predicate.path("decision").path("criteriaSummary").path("FAIL").asInt()).isEqualTo(1);
        assertThat(predicate.path("decision").path("missing").get(0).asString()).isEqualTo("approval:founder");
        assertThat(predicate.path("evidence")).hasSize(1);
        assertThat(predicate.path("evidence").get(0).path("entryHash").asString()).isEqualTo(Sha256.hex(scan.entryHash()));
        assertThat(predicate.path("unrecordedEvidence").get(0).asString()).isEqualTo("gone-1");
        assertThat(predicate.path("release").path("revision").isNull()).isTrue();
        // no digest-shaped revision: the subject digest is the SHA-256 of the release id itself
        assertThat(statement.path("subject").get(0).path("digest").path("sha256").asString())
                .isEqualTo(Sha256.hex(Sha256.of("ict-qm@2.1.0".getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void theSameLedgerGivesTheSameBytesWhateverOrderTheEntriesWereLookedUpIn() {
        Map<String, Entry> reversed = new LinkedHashMap<>();
        reversed.put("apr-1", approval);
        reversed.put("chk-1", scan);
        reversed.put("rel-1", release);
        DecisionFacts facts = decision("GO", List.of("apr-1", "chk-1", "rel-1"));

        byte[] first = DecisionStatement.build(facts, decided, REVISION, evidence(), KEY_ID);
        byte[] second = DecisionStatement.build(facts, decided, REVISION, reversed, KEY_ID);

        assertThat(second).isEqualTo(first);
        assertThat(DsseEnvelope.sign(AttestationFormat.PAYLOAD_TYPE, second, KEYS.getPrivate(), KEY_ID).json())
                .isEqualTo(DsseEnvelope.sign(AttestationFormat.PAYLOAD_TYPE, first, KEYS.getPrivate(), KEY_ID).json());
    }

    @Test
    void theSignedStatementVerifiesOfflineAsAGoForItsReleaseAndStage() {
        byte[] statement = DecisionStatement.build(decision("GO", List.of("chk-1")), decided, REVISION, evidence(),
                KEY_ID);
        String envelope = DsseEnvelope.sign(AttestationFormat.PAYLOAD_TYPE, statement, KEYS.getPrivate(), KEY_ID).json();

        AttestationCheck check = new AttestationVerifier(KEYS.getPublic()).verifyGo(envelope, "ict-qm", "2.1.0",
                "live-25");

        assertThat(check.valid()).as(check.failure()).isTrue();
        assertThat(check.decision().decisionId()).isEqualTo("dec-1");
    }

    @Test
    void aSeriesCitationIsNamedByTheDigestOfTheEntriesItResolvedTo_andOnlyAnUnresolvedOneIsUnrecorded() {
        Entry s1 = record(1, "m-1", "dev.greenlight.events.MetricObserved", 4);
        Entry s2 = record(1, "m-2", "dev.greenlight.events.MetricObserved", 5);
        String resolved = "series/-/1772366400000/2/" + "cd".repeat(32) + "/latency_p99";
        String unresolved = "series/-/1772366400000/9/" + "ef".repeat(32) + "/error_rate";
        DecisionFacts facts = decision("GO", List.of("chk-1", resolved, unresolved));
        // given in the other order: the digest is over ledger order
        SeriesEvidence window = new SeriesEvidence(resolved, "latency_p99", 2, "cd".repeat(32), List.of(s2, s1));

        JsonNode predicate = json(DecisionStatement.build(facts, decided, REVISION, evidence(), List.of(window),
                KEY_ID)).path("predicate");

        String expected = Sha256.hex(Sha256.of(concat(s1.entryHash(), s2.entryHash())));
        assertThat(predicate.path("series")).hasSize(1);
        JsonNode series = predicate.path("series").get(0);
        assertThat(series.path("citation").asString()).isEqualTo(resolved);
        assertThat(series.path("count").asLong()).isEqualTo(2);
        assertThat(series.path("samplesDigest").asString()).isEqualTo("cd".repeat(32));
        assertThat(series.path("entriesDigest").path("sha256").asString()).isEqualTo(expected);
        assertThat(series.path("firstEntry").path("sequence").asLong()).isEqualTo(s1.sequence());
        assertThat(series.path("lastEntry").path("sequence").asLong()).isEqualTo(s2.sequence());
        assertThat(predicate.path("inputAttestations").get(1).path("uri").asString())
                .isEqualTo("greenlight:ledger:series:" + resolved);
        assertThat(predicate.path("inputAttestations").get(1).path("digest").path("sha256").asString())
                .isEqualTo(expected);
        assertThat(predicate.path("unrecordedEvidence")).hasSize(1);
        assertThat(predicate.path("unrecordedEvidence").get(0).asString()).isEqualTo(unresolved);
    }

    @Test
    void aDecisionCitingNoSeriesHasTheBytesItHadBeforeSeriesExisted() {
        DecisionFacts facts = decision("GO", List.of("apr-1", "chk-1", "rel-1"));

        byte[] withNone = DecisionStatement.build(facts, decided, REVISION, evidence(), List.of(), KEY_ID);

        assertThat(withNone).isEqualTo(DecisionStatement.build(facts, decided, REVISION, evidence(), KEY_ID));
        assertThat(json(withNone).path("predicate").has("series")).isFalse();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
