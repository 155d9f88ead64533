package dev.greenlight.integrations.github.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;

/**
 * The GitHub App's own JWT (RS256), which GitHub accepts only to mint installation tokens: issued 60 s
 * in the past (clock drift, as GitHub recommends), valid 9 minutes (GitHub's maximum is 10), issuer the
 * App id. Plain JDK signing; the private key is read as GitHub issues it (PEM "RSA PRIVATE KEY", PKCS#1)
 * or as PKCS#8 ("PRIVATE KEY").
 */
public final class AppJwt {

    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    private final String appId;
    private final PrivateKey key;
    private final Clock clock;

    public AppJwt(String appId, String pem, Clock clock) {
        if (appId == null || appId.isBlank()) {
            throw new IllegalStateException("greenlight.integrations.github.app-id is required when GitHub is enabled");
        }
        this.appId = appId.trim();
        this.key = privateKey(pem);
        this.clock = clock;
    }

    /** A fresh JWT for the App. */
    public String create() {
        Instant now = clock.instant();
        String header = B64URL.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = B64URL.encodeToString(("{\"iat\":" + (now.getEpochSecond() - 60) + ",\"exp\":"
                + (now.getEpochSecond() + 540) + ",\"iss\":\"" + appId.replace("\"", "") + "\"}")
                .getBytes(StandardCharsets.UTF_8));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
            return header + "." + claims + "." + B64URL.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign the GitHub App JWT", e);
        }
    }

    static PrivateKey privateKey(String pem) {
        if (pem == null || pem.isBlank()) {
            throw new IllegalStateException(
                    "greenlight.integrations.github.private-key is required when GitHub is enabled");
        }
        boolean pkcs1 = pem.contains("BEGIN RSA PRIVATE KEY");
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs1 ? pkcs8(der) : der));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("greenlight.integrations.github.private-key is not an RSA private key", e);
        }
    }

    /** Wraps a PKCS#1 RSAPrivateKey in a PKCS#8 PrivateKeyInfo (version 0, rsaEncryption, NULL params). */
    private static byte[] pkcs8(byte[] pkcs1) {
        byte[] algorithm = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01,
                0x01, 0x01, 0x05, 0x00};
        ByteArrayOutputStream octets = new ByteArrayOutputStream();
        octets.write(0x04);
        writeLength(octets, pkcs1.length);
        octets.writeBytes(pkcs1);
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        content.writeBytes(new byte[]{0x02, 0x01, 0x00});
        content.writeBytes(algorithm);
        content.writeBytes(octets.toByteArray());
        ByteArrayOutputStream sequence = new ByteArrayOutputStream();
        sequence.write(0x30);
        writeLength(sequence, content.size());
        sequence.writeBytes(content.toByteArray());
        return sequence.toByteArray();
    }

    private static void writeLength(ByteArrayOutputStream out, int length) {
        if (length < 0x80) {
            out.write(length);
        } else if (length < 0x100) {
            out.write(0x81);
            out.write(length);
        } else if (length < 0x10000) {
            out.write(0x82);
            out.write(length >> 8);
            out.write(length & 0xff);
        } else {
            out.write(0x83);
            out.write(length >> 16);
            out.write((length >> 8) & 0xff);
            out.write(length & 0xff);
        }
    }
}
