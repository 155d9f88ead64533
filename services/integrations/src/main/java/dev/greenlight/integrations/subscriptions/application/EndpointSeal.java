package dev.greenlight.integrations.subscriptions.application;

import dev.greenlight.integrations.subscriptions.domain.Endpoint;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals a channel's URL and secret before they are recorded: the subscriptions topic and the audit
 * ledger keep every event forever and auditors read them, while a Slack or Teams webhook URL, or a
 * webhook's signing secret, lets anyone who holds it post as Greenlight. AES-256-GCM with a random
 * 96-bit nonce per seal; the subscription id is bound as associated data, so a sealed endpoint cannot
 * be replayed under another subscription.
 */
public final class EndpointSeal {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    /** @param base64Key 32 bytes, base64 */
    public EndpointSeal(String base64Key) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64Key == null ? "" : base64Key.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("greenlight.integrations.sealing-key is not base64", e);
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("greenlight.integrations.sealing-key must be 32 bytes (base64), got "
                    + bytes.length);
        }
        this.key = new SecretKeySpec(bytes, "AES");
    }

    public String seal(String subscriptionId, Endpoint endpoint) {
        String plain = endpoint.url() + "\n" + (endpoint.secret() == null ? "" : endpoint.secret());
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(subscriptionId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal endpoint", e);
        }
    }

    /** The endpoint sealed under {@code subscriptionId}; fails when the key or the id does not match. */
    public Endpoint open(String subscriptionId, String sealed) {
        try {
            byte[] bytes = Base64.getDecoder().decode(sealed);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(subscriptionId.getBytes(StandardCharsets.UTF_8));
            String plain = new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES),
                    StandardCharsets.UTF_8);
            int newline = plain.indexOf('\n');
            String secret = plain.substring(newline + 1);
            return new Endpoint(URI.create(plain.substring(0, newline)), secret.isEmpty() ? null : secret);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot open the endpoint of subscription " + subscriptionId
                    + " (sealed under another key?)", e);
        }
    }
}
