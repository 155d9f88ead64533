package dev.greenlight.ledger.verify;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 helpers. Every hash in the ledger is SHA-256, so one place creates digests; a digest per
 * thread is reused because allocating one per entry costs more than hashing a small entry.
 */
public final class Sha256 {

    /** Length of every hash in the ledger, in bytes. */
    public static final int LENGTH = 32;

    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(Sha256::newDigest);

    private Sha256() {
    }

    /** SHA-256 of {@code data}. */
    public static byte[] of(byte[] data) {
        MessageDigest digest = DIGEST.get();
        digest.reset();
        return digest.digest(data);
    }

    /** A digest private to the caller's thread, reset. */
    static MessageDigest digest() {
        MessageDigest digest = DIGEST.get();
        digest.reset();
        return digest;
    }

    /** Lower-case hex, the textual form of hashes in the API, the export and the docs. */
    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    public static byte[] unhex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }
}
