package dev.greenlight.checkingest.webhook.github;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * GitHub's {@code X-Hub-Signature-256}: {@code sha256=} and the hex HMAC-SHA256 of the raw body
 * under the webhook secret. The webhook path is public, so this signature is the only thing that
 * tells a real delivery from a forged check result. Compared in constant time so the comparison
 * does not leak how much of a guess was right. The secret is never logged or echoed.
 */
final class GithubSignature {

    private static final String PREFIX = "sha256=";

    private final byte[] secret;

    GithubSignature(String secret) {
        this.secret = secret == null ? new byte[0] : secret.getBytes(StandardCharsets.UTF_8);
    }

    void verify(byte[] body, String header) {
        if (secret.length == 0) {
            throw new InvalidSignatureException("no GitHub webhook secret is configured; deliveries are refused");
        }
        if (header == null || !header.startsWith(PREFIX)) {
            throw new InvalidSignatureException("X-Hub-Signature-256 header missing or not of the form sha256=<hex>");
        }
        byte[] expected = HexFormat.of().formatHex(hmac(body)).getBytes(StandardCharsets.US_ASCII);
        byte[] given = header.substring(PREFIX.length()).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, given)) {
            throw new InvalidSignatureException("X-Hub-Signature-256 does not match the body");
        }
    }

    private byte[] hmac(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
