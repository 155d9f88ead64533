package dev.greenlight.ledger.verify;

import java.util.Optional;

/**
 * The verdict on one attestation: valid, or the first thing that failed. A decision is present once
 * the signature verified and the statement could be read, so a caller can say what was refused.
 *
 * @param failure  why the attestation is refused, or null when it is valid
 * @param decision what the signed statement says, or null when it could not be read
 * @param keyId    the ring's key whose signature verified, or null when none did
 */
public record AttestationCheck(String failure, AttestedDecision decision, String keyId) {

    static AttestationCheck valid(AttestedDecision decision, String keyId) {
        return new AttestationCheck(null, decision, keyId);
    }

    static AttestationCheck refused(String failure, AttestedDecision decision) {
        return new AttestationCheck(failure, decision, null);
    }

    /** The same verdict, naming the key that signed. */
    AttestationCheck signedBy(String signer) {
        return new AttestationCheck(failure, decision, signer);
    }

    public boolean valid() {
        return failure == null;
    }

    public Optional<AttestedDecision> attested() {
        return Optional.ofNullable(decision);
    }
}
