package dev.greenlight.ledger.verify;

import java.util.Arrays;
import java.util.Base64;

/**
 * One signature line of a C2SP signed note: {@code "— <name> <base64(keyId || signature)>\n"}. The
 * key id is the first four bytes of SHA-256 over the key name, a newline, the signature type byte
 * and the public key ({@link NoteKey#keyId}); verifiers pick a key by (name, key id) and ignore lines
 * for keys they do not know, which is what lets witnesses add their lines to the log's note.
 *
 * @param name      key name (no spaces, no "+")
 * @param keyId     four bytes
 * @param signature everything after the key id: 64 bytes for Ed25519, 8 + 64 for cosignature/v1
 */
public record NoteSignature(String name, byte[] keyId, byte[] signature) {

    /** U+2014 EM DASH, the first character of every signature line. */
    public static final String DASH = "\u2014";

    public NoteSignature {
        if (keyId.length != 4) {
            throw new IllegalArgumentException("a note key id is 4 bytes");
        }
        NoteKey.checkName(name);
        keyId = keyId.clone();
        signature = signature.clone();
    }

    /** The signature line, newline included. */
    public String line() {
        byte[] blob = new byte[4 + signature.length];
        System.arraycopy(keyId, 0, blob, 0, 4);
        System.arraycopy(signature, 0, blob, 4, signature.length);
        return DASH + " " + name + " " + Base64.getEncoder().encodeToString(blob) + "\n";
    }

    /** Parses one line without its newline; throws {@link IllegalArgumentException} when malformed. */
    public static NoteSignature parse(String line) {
        if (!line.startsWith(DASH + " ")) {
            throw new IllegalArgumentException("a signature line starts with \"" + DASH + " \"");
        }
        String rest = line.substring(2);
        int space = rest.indexOf(' ');
        if (space <= 0 || rest.indexOf(' ', space + 1) >= 0) {
            throw new IllegalArgumentException("a signature line is \"" + DASH + " <name> <base64>\"");
        }
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(rest.substring(space + 1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("signature is not base64");
        }
        if (blob.length < 5) {
            throw new IllegalArgumentException("signature too short");
        }
        return new NoteSignature(rest.substring(0, space), Arrays.copyOf(blob, 4),
                Arrays.copyOfRange(blob, 4, blob.length));
    }

    /** Whether this line claims to be by {@code key} (same name and key id). */
    public boolean by(NoteKey key) {
        return name.equals(key.name()) && Arrays.equals(keyId, key.keyId());
    }

    @Override
    public byte[] keyId() {
        return keyId.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NoteSignature that && name.equals(that.name) && Arrays.equals(keyId, that.keyId)
                && Arrays.equals(signature, that.signature);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(signature);
    }

    @Override
    public String toString() {
        return line().strip();
    }
}
