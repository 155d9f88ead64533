package dev.greenlight.ledger.verify;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A public key as C2SP signed notes name it: a key name, a signature type and the raw key. Type
 * {@link #ED25519} (0x01) signs notes directly; type {@link #COSIGNATURE_V1} (0x04) is the same
 * Ed25519 key used by a witness for tlog-cosignature/v1, whose key id therefore differs. The
 * textual form is the Go "verifier key": {@code <name>+<hex key id>+<base64(type || raw key)>}.
 *
 * @param name   key name; for the ledger, the checkpoint origin
 * @param type   signature type byte
 * @param rawKey the 32-byte Ed25519 public key
 */
public record NoteKey(String name, byte type, byte[] rawKey) {

    public static final byte ED25519 = 0x01;
    public static final byte COSIGNATURE_V1 = 0x04;

    /** DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410); the raw key follows it. */
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    public NoteKey {
        checkName(name);
        if (rawKey.length != 32) {
            throw new IllegalArgumentException("an Ed25519 public key is 32 bytes");
        }
        rawKey = rawKey.clone();
    }

    /** The note key of a JDK Ed25519 public key. */
    public static NoteKey of(String name, byte type, PublicKey key) {
        byte[] encoded = key.getEncoded();
        if (encoded.length != 44 || !Arrays.equals(Arrays.copyOf(encoded, 12), X509_PREFIX)) {
            throw new IllegalArgumentException("not an Ed25519 public key");
        }
        return new NoteKey(name, type, Arrays.copyOfRange(encoded, 12, 44));
    }

    /** Parses {@code <name>+<hex key id>+<base64(type || key)>}, checking the key id. */
    public static NoteKey parse(String vkey) {
        String[] parts = vkey.strip().split("\\+", 3);
        if (parts.length != 3) {
            throw new IllegalArgumentException("a verifier key is <name>+<hex key id>+<base64 key>");
        }
        byte[] blob = Base64.getDecoder().decode(parts[2]);
        if (blob.length != 33) {
            throw new IllegalArgumentException("unsupported verifier key (want type byte and 32-byte Ed25519 key)");
        }
        NoteKey key = new NoteKey(parts[0], blob[0], Arrays.copyOfRange(blob, 1, 33));
        if (key.type != ED25519 && key.type != COSIGNATURE_V1) {
            throw new IllegalArgumentException("unsupported signature type " + key.type);
        }
        if (!HexFormat.of().formatHex(key.keyId()).equals(parts[1].toLowerCase(java.util.Locale.ROOT))) {
            throw new IllegalArgumentException("verifier key id does not match the key");
        }
        return key;
    }

    /** The first four bytes of SHA-256(name || 0x0A || type || raw key). */
    public byte[] keyId() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(name.getBytes(StandardCharsets.UTF_8));
        bytes.write('\n');
        bytes.write(type);
        bytes.writeBytes(rawKey);
        return Arrays.copyOf(Sha256.of(bytes.toByteArray()), 4);
    }

    /** {@code <name>+<hex key id>+<base64(type || key)>}. */
    public String verifierKey() {
        byte[] blob = new byte[33];
        blob[0] = type;
        System.arraycopy(rawKey, 0, blob, 1, 32);
        return name + "+" + HexFormat.of().formatHex(keyId()) + "+" + Base64.getEncoder().encodeToString(blob);
    }

    /** The JDK public key, for {@link Ed25519Keys#verify}. */
    public PublicKey publicKey() {
        byte[] encoded = new byte[44];
        System.arraycopy(X509_PREFIX, 0, encoded, 0, 12);
        System.arraycopy(rawKey, 0, encoded, 12, 32);
        try {
            return Ed25519Keys.publicKey(encoded);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a valid Ed25519 public key", e);
        }
    }

    static void checkName(String name) {
        if (name == null || name.isEmpty() || name.codePoints().anyMatch(c -> c == '+' || Character.isWhitespace(c)
                || Character.isISOControl(c))) {
            throw new IllegalArgumentException("a key name is non-empty, without spaces or \"+\": " + name);
        }
    }

    @Override
    public byte[] rawKey() {
        return rawKey.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NoteKey that && name.equals(that.name) && type == that.type
                && Arrays.equals(rawKey, that.rawKey);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(rawKey);
    }

    @Override
    public String toString() {
        return verifierKey();
    }
}
