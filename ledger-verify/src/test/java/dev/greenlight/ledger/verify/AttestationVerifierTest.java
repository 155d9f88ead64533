package dev.greenlight.ledger.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A deployer's offline check of a gate-decision attestation: a genuine envelope verifies with the
 * ledger's public key, and each way of forging one — altered payload, altered signature, another key,
 * another payload type, a statement for another release or outcome — is refused, saying why.
 */
class AttestationVerifierTest {

    private static final KeyPair LEDGER = Ed25519Keys.generate();
    private static final KeyPair OTHER = Ed25519Keys.generate();
    private static final String REVISION = "4f0c6a7d9e1b2c3d4e5f60718293a4b5c6d7e8f9";

    static String statement(String target, String version, String stage, String outcome, String result) {
        return """
                {"_type":"https://in-toto.io/Statement/v1",\
                "subject":[{"name":"%1$s@%2$s","digest":{"gitCommit":"%5$s"}}],\
                "predicateType":"https://greenlight.dev/attestation/gate-decision/v1",\
                "predicate":{"verifier":{"id":"https://greenlight.dev/gate-evaluator"},\
                "timeVerified":"2026-03-01T12:00:00Z","verificationResult":"%6$s",\
                "release":{"target":"%1$s","version":"%2$s","revision":"%5$s"},"stage":"%3$s",\
                "decision":{"id":"dec-1","outcome":"%4$s","evaluatedAt":"2026-03-01T12:00:00Z"}}}"""
                .formatted(target, version, stage, outcome, REVISION, result);
    }

    private static String envelope(String statement) {
        return envelope(AttestationFormat.PAYLOAD_TYPE, statement, LEDGER);
    }

    private static String envelope(String payloadType, String statement, KeyPair keys) {
        return DsseEnvelope.sign(payloadType, statement.getBytes(StandardCharsets.UTF_8), keys.getPrivate(),
                Ed25519Keys.keyId(keys.getPublic())).json();
    }

    private static final String GO = statement("ict-qm", "2.1.0", "live-25", "GO", "PASSED");

    @Test
    void paeIsTheDsseV1Encoding() {
        assertThat(new String(DsseEnvelope.pae("http://example.com/HelloWorld",
                "hello world".getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8))
                .isEqualTo("DSSEv1 29 http://example.com/HelloWorld 11 hello world");
    }

    @Test
    void aGenuineGoVerifiesWithThePublicKeyAndSaysWhatItAttests() {
        AttestationCheck check = new AttestationVerifier(LEDGER.getPublic())
                .verifyGo(envelope(GO), "ict-qm", "2.1.0", "live-25");

        assertThat(check.valid()).as(check.failure()).isTrue();
        assertThat(check.decision().summary()).isEqualTo(
                "GO ict-qm@2.1.0 at live-25 (decision dec-1, evaluated 2026-03-01T12:00:00Z)");
        assertThat(check.decision().revision()).isEqualTo(REVISION);
    }

    @Test
    void signingIsDeterministicSoARefetchGivesTheSameEnvelope() {
        assertThat(envelope(GO)).isEqualTo(envelope(GO));
    }

    @Test
    void aTamperedPayloadIsRefused() {
        DsseEnvelope genuine = DsseEnvelope.parse(envelope(GO));
        String forged = new DsseEnvelope(genuine.payloadType(),
                GO.replace("2.1.0", "2.2.0").getBytes(StandardCharsets.UTF_8), genuine.signatures()).json();

        AttestationCheck check = new AttestationVerifier(LEDGER.getPublic()).verify(forged);

        assertThat(check.valid()).isFalse();
        assertThat(check.failure()).startsWith("no signature verifies with key " + Ed25519Keys.keyId(LEDGER.getPublic()));
        assertThat(check.attested()).isEmpty();
    }

    @Test
    void aChangedSignatureIsRefused() {
        DsseEnvelope genuine = DsseEnvelope.parse(envelope(GO));
        byte[] sig = genuine.signatures().get(0).sig();
        sig[10] ^= 0x01;
        String forged = new DsseEnvelope(genuine.payloadType(), genuine.payload(),
                List.of(new DsseSignature(genuine.signatures().get(0).keyid(), sig))).json();

        assertThat(new AttestationVerifier(LEDGER.getPublic()).verify(forged).failure())
                .startsWith("no signature verifies");
    }

    @Test
    void anEnvelopeSignedByAnotherKeyIsRefusedWhateverKeyIdItClaims() {
        DsseEnvelope byOther = DsseEnvelope.parse(envelope(AttestationFormat.PAYLOAD_TYPE, GO, OTHER));
        String claimingLedgerKey = new DsseEnvelope(byOther.payloadType(), byOther.payload(),
                List.of(new DsseSignature(Ed25519Keys.keyId(LEDGER.getPublic()), byOther.signatures().get(0).sig())))
                .json();

        assertThat(new AttestationVerifier(LEDGER.getPublic()).verify(claimingLedgerKey).valid()).isFalse();
        assertThat(new AttestationVerifier(OTHER.getPublic()).verify(envelope(GO)).failure())
                .startsWith("no signature verifies with key " + Ed25519Keys.keyId(OTHER.getPublic()));
    }

    @Test
    void aWrongPayloadTypeIsRefusedWhetherSwappedOrSigned() {
        DsseEnvelope genuine = DsseEnvelope.parse(envelope(GO));
        String swapped = new DsseEnvelope("application/json", genuine.payload(), genuine.signatures()).json();
        String signedAsJson = envelope("application/json", GO, LEDGER);

        AttestationVerifier verifier = new AttestationVerifier(LEDGER.getPublic());
        assertThat(verifier.verify(swapped).failure()).startsWith("no signature verifies");
        assertThat(verifier.verify(signedAsJson).failure())
                .isEqualTo("payloadType is 'application/json', not 'application/vnd.in-toto+json'");
    }

    @Test
    void aValidNoGoIsValidButNotAGo() {
        String noGo = envelope(statement("ict-qm", "2.1.0", "live-25", "NO_GO", "FAILED"));
        AttestationVerifier verifier = new AttestationVerifier(LEDGER.getPublic());

        assertThat(verifier.verify(noGo).valid()).isTrue();
        assertThat(verifier.verifyGo(noGo, "ict-qm", "2.1.0", "live-25").failure())
                .isEqualTo("the decision is NO_GO, not GO");
    }

    @Test
    void aGoForAnotherReleaseOrStageIsNotAGoForThisOne() {
        AttestationVerifier verifier = new AttestationVerifier(LEDGER.getPublic());

        assertThat(verifier.verifyGo(envelope(GO), "ict-qm", "2.2.0", "live-25").failure())
                .isEqualTo("the attestation is for ict-qm@2.1.0, not ict-qm@2.2.0");
        assertThat(verifier.verifyGo(envelope(GO), "ict-qm", "2.1.0", "live-100").failure())
                .isEqualTo("the attestation is for stage live-25, not live-100");
    }

    @Test
    void aSignedStatementThatContradictsItselfIsRefused() {
        AttestationVerifier verifier = new AttestationVerifier(LEDGER.getPublic());
        String passedNoGo = envelope(statement("ict-qm", "2.1.0", "live-25", "NO_GO", "PASSED"));
        String otherSubject = envelope(GO.replace("\"name\":\"ict-qm@2.1.0\"", "\"name\":\"ict-qm@9.9.9\""));
        String otherPredicate = envelope(GO.replace("gate-decision/v1", "gate-decision/v0"));

        assertThat(verifier.verify(passedNoGo).failure()).isEqualTo("verificationResult contradicts the outcome NO_GO");
        assertThat(verifier.verify(otherSubject).failure())
                .isEqualTo("the subject ict-qm@9.9.9 is not the predicate's release ict-qm@2.1.0");
        assertThat(verifier.verify(otherPredicate).failure()).contains("predicateType is not");
    }

    @Test
    void somethingThatIsNotAnEnvelopeIsRefusedByName() {
        AttestationVerifier verifier = new AttestationVerifier(LEDGER.getPublic());

        assertThat(verifier.verify("{\"payloadType\":\"x\",\"signatures\":[]}").failure())
                .isEqualTo("not a DSSE envelope: missing field payload");
        assertThat(verifier.verify("{\"payload\":\"" + Base64.getEncoder().encodeToString(new byte[1])
                + "\",\"payloadType\":\"x\",\"signatures\":[]}").failure()).isEqualTo("the envelope has no signature");
        assertThat(verifier.verify("not json").failure()).startsWith("not a DSSE envelope: not JSON");
    }

    /**
     * A key rotation at 2026-06-01: the old key attested the decision of 2026-03-01 before it. That
     * attestation must verify with the old key of the ring — the one its keyid names — not only with the
     * current one, and a retired key must not attest a decision evaluated after its retirement.
     */
    @Test
    void anAttestationSignedBeforeARotationVerifiesWithTheKeyThatSignedItFromTheRing() {
        java.time.Instant rotated = java.time.Instant.parse("2026-06-01T00:00:00Z");
        LedgerKeyRing ring = LedgerKeyRing.of(List.of(
                new LedgerKey(null, LEDGER.getPublic(), null, rotated, false),
                new LedgerKey(null, OTHER.getPublic(), rotated, null, true)));
        String beforeRotation = envelope(GO);

        AttestationCheck check = new AttestationVerifier(ring).verifyGo(beforeRotation, "ict-qm", "2.1.0", "live-25");
        assertThat(check.valid()).as(check.failure()).isTrue();
        assertThat(check.keyId()).isEqualTo(Ed25519Keys.keyId(LEDGER.getPublic()));
        // The current key alone does not verify it (what checking against the ring's current key did).
        assertThat(new AttestationVerifier(ring.current().orElseThrow().publicKey()).verify(beforeRotation).valid())
                .isFalse();
        // After the rotation the new key signs, and the same ring verifies that too.
        String afterRotation = envelope(AttestationFormat.PAYLOAD_TYPE, GO, OTHER);
        assertThat(new AttestationVerifier(ring).verify(afterRotation).keyId())
                .isEqualTo(Ed25519Keys.keyId(OTHER.getPublic()));

        String lateDecision = envelope(GO.replace("\"evaluatedAt\":\"2026-03-01T12:00:00Z\"",
                "\"evaluatedAt\":\"2026-07-01T12:00:00Z\""));
        assertThat(lateDecision).isNotEqualTo(beforeRotation);
        AttestationCheck retired = new AttestationVerifier(ring).verify(lateDecision);
        assertThat(retired.valid()).isFalse();
        assertThat(retired.failure()).contains("retired at 2026-06-01T00:00:00Z");
    }
}
