package dev.greenlight.ledger.verify;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A private note key in the textual form of the Go reference implementation,
 * {@code PRIVATE+KEY+<name>+<hex key id>+<base64(type || 32-byte seed)>}, so a witness key made by
 * {@code greenlight witness keygen} also works with Go tools and the reverse. The JDK has no API to
 * derive an Ed25519 public key from a seed, so the key file carries the verifier key as a second
 * line, and loading checks that the two belong together by signing and verifying a probe.
 *
 * @param name key name
 * @param type signature type byte (0x01 note signatures, 0x04 cosignatures)
 * @param seed the 32-byte Ed25519 private key seed
 * @param publicKey the matching verifier key
 */
public record NoteSignerKey(String name, byte type, byte[] seed, NoteKey publicKey) {

    private static final byte[] PKCS8_PREFIX = HexFormat.of().parseHex("302e020100300506032b657004220420");
    private static final String PREFIX = "PRIVATE+KEY+";

    public NoteSignerKey {
        seed = seed.clone();
    }

    /** A new random key. */
    public static NoteSignerKey generate(String name, byte type) {
        KeyPair pair = Ed25519Keys.generate();
        byte[] encoded = pair.getPrivate().getEncoded();
        if (encoded.length != 48 || !Arrays.equals(Arrays.copyOf(encoded, 16), PKCS8_PREFIX)) {
            throw new IllegalStateException("unexpected PKCS#8 encoding of an Ed25519 key");
        }
        return new NoteSignerKey(name, type, Arrays.copyOfRange(encoded, 16, 48),
                NoteKey.of(name, type, pair.getPublic()));
    }

    /** The private key file: the skey line, then the verifier key line (so no public key derivation is needed). */
    public String file() {
        byte[] blob = new byte[33];
        blob[0] = type;
        System.arraycopy(seed, 0, blob, 1, 32);
        return PREFIX + name + "+" + HexFormat.of().formatHex(publicKey.keyId()) + "+"
                + Base64.getEncoder().encodeToString(blob) + "\n" + publicKey.verifierKey() + "\n";
    }

    /** Reads {@link #file()}; checks the seed and the verifier key belong together. */
    public static NoteSignerKey parse(String file) {
        String[] lines = file.strip().split("\n");
        if (lines.length != 2 || !lines[0].startsWith(PREFIX)) {
            throw new IllegalArgumentException("a witness key file is a PRIVATE+KEY+... line and a verifier key line");
        }
        String[] parts = lines[0].substring(PREFIX.length()).split("\\+", 3);
        if (parts.length != 3) {
            throw new IllegalArgumentException("a private key is PRIVATE+KEY+<name>+<hex key id>+<base64>");
        }
        byte[] blob = Base64.getDecoder().decode(parts[2]);
        NoteKey publicKey = NoteKey.parse(lines[1]);
        if (blob.length != 33 || blob[0] != publicKey.type() || !parts[0].equals(publicKey.name())
                || !parts[1].toLowerCase(Locale.ROOT).equals(HexFormat.of().formatHex(publicKey.keyId()))) {
            throw new IllegalArgumentException("the private key and the verifier key do not match");
        }
        NoteSignerKey key = new NoteSignerKey(parts[0], blob[0], Arrays.copyOfRange(blob, 1, 33), publicKey);
        byte[] probe = "greenlight-note-key-check".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        if (!Ed25519Keys.verify(publicKey.publicKey(), probe, Ed25519Keys.sign(key.privateKey(), probe))) {
            throw new IllegalArgumentException("the private key does not match the verifier key");
        }
        return key;
    }

    /** The JDK private key. */
    public PrivateKey privateKey() {
        byte[] encoded = new byte[48];
        System.arraycopy(PKCS8_PREFIX, 0, encoded, 0, 16);
        System.arraycopy(seed, 0, encoded, 16, 32);
        try {
            return Ed25519Keys.privateKey(encoded);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 seed", e);
        }
    }

    @Override
    public byte[] seed() {
        return seed.clone();
    }

    @Override
    public String toString() {
        return "NoteSignerKey[" + publicKey.verifierKey() + "]";
    }
}
