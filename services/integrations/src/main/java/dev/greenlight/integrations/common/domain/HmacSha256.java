package dev.greenlight.integrations.common.domain;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * GitHub's webhook signature scheme, used both ways: Greenlight signs the webhooks it sends
 * ({@code X-Greenlight-Signature-256}) and verifies the ones GitHub sends ({@code X-Hub-Signature-256})
 * with the same rule — {@code sha256=} and the lower-case hex HMAC-SHA256 of the exact body bytes.
 */
public final class HmacSha256 {

    /** The prefix of the header value. */
    public static final String PREFIX = "sha256=";

    private HmacSha256() {
    }

    /** The header value for {@code body} under {@code secret}: {@code sha256=<hex>}. */
    public static String header(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return PREFIX + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** Whether {@code header} is the signature of {@code body} under {@code secret}, compared in constant time. */
    public static boolean verifies(String secret, byte[] body, String header) {
        if (secret == null || secret.isEmpty() || header == null || !header.startsWith(PREFIX)) {
            return false;
        }
        return MessageDigest.isEqual(header(secret, body).getBytes(StandardCharsets.US_ASCII),
                header.getBytes(StandardCharsets.US_ASCII));
    }
}
