package dev.greenlight.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * How bearer tokens are stored: SHA-256, lowercase hex. Tokens are random, so no salt is needed.
 * Every authenticated request hashes its token, so each thread keeps one digest instead of looking
 * one up in the provider registry per call ({@code MessageDigest.getInstance} was about a third of
 * the hashing in the ingest profile, docs/performance.md "Ninth pass"); {@code digest} resets it.
 */
public final class TokenHashes {

    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(TokenHashes::newDigest);

    private TokenHashes() {
    }

    public static String sha256(String token) {
        return HexFormat.of().formatHex(SHA_256.get().digest(token.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
