package dev.greenlight.ledger.verify;

/**
 * One signature of a DSSE envelope. The key id is an unauthenticated hint (DSSE protocol): a verifier
 * never trusts it, it only says which key the signer meant, so a refusal can name it.
 *
 * @param keyid the ledger's key id ({@link Ed25519Keys#keyId}), or empty
 * @param sig   the Ed25519 signature over {@link DsseEnvelope#pae}
 */
public record DsseSignature(String keyid, byte[] sig) {

    public DsseSignature {
        keyid = keyid == null ? "" : keyid;
        sig = sig.clone();
    }

    @Override
    public byte[] sig() {
        return sig.clone();
    }
}
