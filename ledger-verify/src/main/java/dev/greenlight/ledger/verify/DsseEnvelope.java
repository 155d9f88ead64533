package dev.greenlight.ledger.verify;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Dead Simple Signing Envelope (secure-systems-lab/dsse, protocol v1 and the JSON envelope): the
 * signature covers the pre-authentication encoding of the payload type and the payload bytes, so
 * neither can be swapped, and no JSON canonicalisation is needed — the verifier checks the exact bytes
 * it was given. The JSON form is written with its fields in a fixed order, so signing the same bytes
 * with the same Ed25519 key (deterministic, RFC 8032) gives the same envelope text.
 *
 * @param payloadType what the payload is, e.g. {@code application/vnd.in-toto+json}
 * @param payload     the signed bytes
 * @param signatures  at least one when produced by the ledger
 */
public record DsseEnvelope(String payloadType, byte[] payload, List<DsseSignature> signatures) {

    public DsseEnvelope {
        payload = payload.clone();
        signatures = List.copyOf(signatures);
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /**
     * {@code PAE(type, body) = "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body}, LEN the decimal
     * byte length in ASCII, SP one space: the bytes a signature covers.
     */
    public static byte[] pae(String payloadType, byte[] body) {
        byte[] type = payloadType.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(type.length + body.length + 32);
        out.writeBytes(("DSSEv1 " + type.length + " ").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(type);
        out.writeBytes((" " + body.length + " ").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(body);
        return out.toByteArray();
    }

    /** Signs {@code body} as {@code payloadType} with an Ed25519 key named {@code keyid}. */
    public static DsseEnvelope sign(String payloadType, byte[] body, PrivateKey key, String keyid) {
        byte[] sig = Ed25519Keys.sign(key, pae(payloadType, body));
        return new DsseEnvelope(payloadType, body, List.of(new DsseSignature(keyid, sig)));
    }

    /** True when at least one signature verifies over the PAE with {@code key} (key ids are ignored). */
    public boolean verifiedBy(PublicKey key) {
        byte[] message = pae(payloadType, payload);
        return signatures.stream().anyMatch(s -> Ed25519Keys.verify(key, message, s.sig()));
    }

    /** The JSON envelope: {@code {"payload", "payloadType", "signatures":[{"keyid","sig"}]}}, base64 standard. */
    public String json() {
        ObjectNode node = LedgerJson.MAPPER.createObjectNode();
        node.put("payload", Base64.getEncoder().encodeToString(payload));
        node.put("payloadType", payloadType);
        ArrayNode sigs = node.putArray("signatures");
        for (DsseSignature signature : signatures) {
            sigs.addObject().put("keyid", signature.keyid())
                    .put("sig", Base64.getEncoder().encodeToString(signature.sig()));
        }
        return LedgerJson.MAPPER.writeValueAsString(node);
    }

    /**
     * Reads a JSON envelope. Unknown fields are ignored and base64 may be standard or URL-safe, as the
     * envelope spec allows; a missing {@code payload}, {@code payloadType}, {@code signatures} or
     * {@code sig} is refused with the field's name.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static DsseEnvelope parse(String json) {
        JsonNode node;
        try {
            node = LedgerJson.MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        byte[] payload = base64(text(node, "payload"), "payload");
        String payloadType = text(node, "payloadType");
        JsonNode sigs = node.get("signatures");
        if (sigs == null || !sigs.isArray()) {
            throw new IllegalArgumentException("missing field signatures");
        }
        List<DsseSignature> signatures = new ArrayList<>();
        for (JsonNode sig : sigs) {
            JsonNode keyid = sig.get("keyid");
            signatures.add(new DsseSignature(keyid == null || keyid.isNull() ? "" : keyid.asString(),
                    base64(text(sig, "sig"), "sig")));
        }
        return new DsseEnvelope(payloadType, payload, signatures);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isString()) {
            throw new IllegalArgumentException("missing field " + field);
        }
        return value.asString();
    }

    private static byte[] base64(String text, String field) {
        try {
            return text.indexOf('-') >= 0 || text.indexOf('_') >= 0 ? Base64.getUrlDecoder().decode(text)
                    : Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + " is not base64");
        }
    }
}
