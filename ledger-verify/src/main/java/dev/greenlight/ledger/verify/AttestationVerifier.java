package dev.greenlight.ledger.verify;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Checks a gate-decision attestation offline, with nothing but the envelope and the ledger's public
 * key: the DSSE signature over the exact payload bytes, then the payload type, then that the payload is
 * an in-toto Statement v1 of our predicate whose subject is the release it names — and, for a deployer,
 * that it says GO for the release and stage about to be deployed. Steps follow the DSSE protocol:
 * the signature is checked before anything in the payload is believed; key ids are only hints.
 *
 * <p>The keys are the ledger's key ring, given by the caller (out of band): an attestation is checked
 * with the key that signed it — the ring's key its DSSE {@code keyid} names, or, that being only a hint,
 * any key of the ring when it names none the ring knows — so an attestation fetched before a key
 * rotation keeps verifying after it. A retired key cannot attest a decision evaluated at or after its
 * retirement ({@code validUntil}).
 */
public final class AttestationVerifier {

    private final LedgerKeyRing keys;

    /** One key, valid at all times. */
    public AttestationVerifier(PublicKey key) {
        this(LedgerKeyRing.of(key));
    }

    public AttestationVerifier(LedgerKeyRing keys) {
        this.keys = keys;
    }

    /** Valid when the signature, the payload type and the statement all check out. */
    public AttestationCheck verify(String envelopeJson) {
        DsseEnvelope envelope;
        try {
            envelope = DsseEnvelope.parse(envelopeJson);
        } catch (IllegalArgumentException e) {
            return AttestationCheck.refused("not a DSSE envelope: " + e.getMessage(), null);
        }
        if (envelope.signatures().isEmpty()) {
            return AttestationCheck.refused("the envelope has no signature", null);
        }
        Optional<LedgerKey> signer = signer(envelope);
        if (signer.isEmpty()) {
            return AttestationCheck.refused("no signature verifies with " + (keys.keys().size() == 1
                    ? "key " + keys.keys().get(0).keyId() : "a key of the ring " + keyIds())
                    + " (the envelope names " + envelope.signatures().stream().map(DsseSignature::keyid).toList()
                    + "): the payload, its type or the signature was altered, or another key signed it", null);
        }
        LedgerKey key = signer.get();
        if (!AttestationFormat.PAYLOAD_TYPE.equals(envelope.payloadType())) {
            return AttestationCheck.refused("payloadType is '" + envelope.payloadType() + "', not '"
                    + AttestationFormat.PAYLOAD_TYPE + "'", null);
        }
        AttestationCheck check = statement(envelope.payload());
        if (check.valid() && key.validUntil() != null && !evaluatedBefore(check.decision(), key.validUntil())) {
            return AttestationCheck.refused("signed by key " + key.keyId() + ", retired at " + key.validUntil()
                    + ", for a decision evaluated at " + check.decision().evaluatedAt(), check.decision());
        }
        return check.signedBy(key.keyId());
    }

    /** The ring's key one of the signatures verifies with: the one its keyid names, else any. */
    private Optional<LedgerKey> signer(DsseEnvelope envelope) {
        byte[] message = DsseEnvelope.pae(envelope.payloadType(), envelope.payload());
        for (DsseSignature signature : envelope.signatures()) {
            List<LedgerKey> candidates = keys.key(signature.keyid()).map(List::of).orElse(keys.keys());
            for (LedgerKey candidate : candidates) {
                if (Ed25519Keys.verify(candidate.publicKey(), message, signature.sig())) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    private String keyIds() {
        return keys.keys().stream().map(LedgerKey::keyId).toList().toString();
    }

    private static boolean evaluatedBefore(AttestedDecision decision, Instant instant) {
        try {
            return Instant.parse(decision.evaluatedAt()).isBefore(instant);
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }

    /** {@link #verify}, and the statement says GO for exactly {@code target@version} at {@code stage}. */
    public AttestationCheck verifyGo(String envelopeJson, String target, String version, String stage) {
        AttestationCheck check = verify(envelopeJson);
        if (!check.valid()) {
            return check;
        }
        AttestedDecision decision = check.decision();
        String expected = AttestationFormat.subjectName(target, version);
        if (!decision.subjectName().equals(expected)) {
            return AttestationCheck.refused("the attestation is for " + decision.subjectName() + ", not " + expected,
                    decision);
        }
        if (!decision.stage().equals(stage)) {
            return AttestationCheck.refused("the attestation is for stage " + decision.stage() + ", not " + stage,
                    decision);
        }
        if (!"GO".equals(decision.outcome())) {
            return AttestationCheck.refused("the decision is " + decision.outcome() + ", not GO", decision);
        }
        return check;
    }

    private static AttestationCheck statement(byte[] payload) {
        JsonNode statement;
        try {
            statement = LedgerJson.MAPPER.readTree(new String(payload, StandardCharsets.UTF_8));
        } catch (JacksonException e) {
            return AttestationCheck.refused("the payload is not JSON: " + e.getOriginalMessage(), null);
        }
        try {
            require(AttestationFormat.STATEMENT_TYPE.equals(text(statement, "_type")),
                    "_type is not " + AttestationFormat.STATEMENT_TYPE);
            require(AttestationFormat.PREDICATE_TYPE.equals(text(statement, "predicateType")),
                    "predicateType is not " + AttestationFormat.PREDICATE_TYPE);
            JsonNode predicate = object(statement, "predicate");
            JsonNode release = object(predicate, "release");
            JsonNode decisionNode = object(predicate, "decision");
            JsonNode revisionNode = release.get("revision");
            String revision = revisionNode == null || revisionNode.isNull() ? null : revisionNode.asString();
            JsonNode subjects = statement.get("subject");
            require(subjects != null && subjects.isArray() && subjects.size() == 1, "subject must hold one release");
            JsonNode subject = subjects.get(0);
            Map<String, String> digest = new LinkedHashMap<>();
            object(subject, "digest").properties().forEach(e -> digest.put(e.getKey(), e.getValue().asString()));
            AttestedDecision decision = new AttestedDecision(text(decisionNode, "id"), text(release, "target"),
                    text(release, "version"), revision, text(predicate, "stage"), text(decisionNode, "outcome"),
                    text(decisionNode, "evaluatedAt"), text(subject, "name"), digest);
            String name = AttestationFormat.subjectName(decision.target(), decision.version());
            if (!decision.subjectName().equals(name)) {
                return AttestationCheck.refused("the subject " + decision.subjectName()
                        + " is not the predicate's release " + name, decision);
            }
            if (!digest.equals(AttestationFormat.subjectDigest(decision.target(), decision.version(), revision))) {
                return AttestationCheck.refused("the subject digest " + digest + " does not follow from "
                        + name + " and revision " + revision, decision);
            }
            String result = "GO".equals(decision.outcome()) ? AttestationFormat.PASSED : AttestationFormat.FAILED;
            if (!result.equals(text(predicate, "verificationResult"))) {
                return AttestationCheck.refused("verificationResult contradicts the outcome " + decision.outcome(),
                        decision);
            }
            return AttestationCheck.valid(decision, null);
        } catch (IllegalArgumentException e) {
            return AttestationCheck.refused("the statement is not a gate-decision attestation: " + e.getMessage(),
                    null);
        }
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalArgumentException(problem);
        }
    }

    private static JsonNode object(JsonNode node, String field) {
        JsonNode value = node.get(field);
        require(value != null && value.isObject(), "missing object " + field);
        return value;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        require(value != null && value.isString(), "missing field " + field);
        return value.asString();
    }
}
