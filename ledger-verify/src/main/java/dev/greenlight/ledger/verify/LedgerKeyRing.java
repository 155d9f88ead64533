package dev.greenlight.ledger.verify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every public key the ledger has signed checkpoints with, each with its validity period, so that
 * checkpoints signed before a key rotation keep verifying after it. A checkpoint is accepted only
 * if the key it names is in the ring, its signedAt lies inside that key's validity, and its
 * signature verifies with that key.
 *
 * <p>Its text form is the JSON the ledger answers on {@code GET /api/v1/ledger/public-key}
 * (docs/ledger.md, "Keys and rotation"):
 * <pre>{"keys":[{"keyId":"…","algorithm":"Ed25519","publicKey":"&lt;X.509 base64&gt;",
 *   "validFrom":"2026-01-01T00:00:00Z","validUntil":"2026-07-01T00:00:00Z","current":false}, …]}</pre>
 * {@link #parse} also takes a single key, as base64 X.509 or as that document without {@code keys},
 * which means one key valid at all times.
 */
public final class LedgerKeyRing {

    private static final String ALGORITHM = "Ed25519";

    private final Map<String, LedgerKey> keys;

    private LedgerKeyRing(Map<String, LedgerKey> keys) {
        this.keys = keys;
    }

    /** One key, valid at all times: the meaning of a single {@code --public-key}. */
    public static LedgerKeyRing of(PublicKey key) {
        return of(List.of(LedgerKey.unbounded(key)));
    }

    /** Refuses an empty ring, a key listed twice and more than one current key. */
    public static LedgerKeyRing of(List<LedgerKey> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("a key ring needs at least one key");
        }
        Map<String, LedgerKey> byId = new LinkedHashMap<>();
        for (LedgerKey key : keys) {
            if (byId.putIfAbsent(key.keyId(), key) != null) {
                throw new IllegalArgumentException("key " + key.keyId() + " is listed twice");
            }
        }
        if (keys.stream().filter(LedgerKey::current).count() > 1) {
            throw new IllegalArgumentException("more than one key is marked current");
        }
        return new LedgerKeyRing(byId);
    }

    public List<LedgerKey> keys() {
        return List.copyOf(keys.values());
    }

    public Optional<LedgerKey> key(String keyId) {
        return Optional.ofNullable(keys.get(keyId));
    }

    public Optional<LedgerKey> current() {
        return keys.values().stream().filter(LedgerKey::current).findFirst();
    }

    /**
     * Empty when the checkpoint verifies with the key it names, signed inside that key's validity;
     * otherwise a sentence for the auditor naming the key and why it is refused.
     */
    public Optional<String> refusal(Checkpoint checkpoint) {
        LedgerKey key = keys.get(checkpoint.keyId());
        if (key == null) {
            return Optional.of("checkpoint names key " + checkpoint.keyId() + ", which is not in the key ring (known: "
                    + String.join(", ", keys.keySet()) + ")");
        }
        if (!key.validAt(checkpoint.signedAt())) {
            boolean retired = key.validUntil() != null && !checkpoint.signedAt().isBefore(key.validUntil());
            return Optional.of("checkpoint signed at " + checkpoint.signedAt() + " by key " + key.keyId()
                    + (retired ? ", which was retired at " + key.validUntil() : ", outside its validity "
                            + key.validity()));
        }
        if (!Ed25519Keys.verify(key.publicKey(), CheckpointEncoding.encode(checkpoint), checkpoint.signature())) {
            return Optional.of("signature does not verify with key " + key.keyId());
        }
        return Optional.empty();
    }

    /** The ring as the JSON document of the class comment (the keys only). */
    public ObjectNode toJson() {
        ObjectNode document = LedgerJson.MAPPER.createObjectNode();
        ArrayNode array = document.putArray("keys");
        for (LedgerKey key : keys.values()) {
            ObjectNode node = array.addObject().put("keyId", key.keyId()).put("algorithm", ALGORITHM)
                    .put("publicKey", Base64.getEncoder().encodeToString(key.publicKey().getEncoded()));
            node.put("validFrom", key.validFrom() == null ? null : key.validFrom().toString());
            node.put("validUntil", key.validUntil() == null ? null : key.validUntil().toString());
            node.put("current", key.current());
        }
        return document;
    }

    /** Reads {@code given} as a file if one exists at that path, else as the text itself. */
    public static LedgerKeyRing read(String given) throws IOException {
        String text = given.trim();
        if (text.length() < 4096) {
            Path path = Path.of(text);
            if (Files.isRegularFile(path)) {
                return parse(Files.readString(path, StandardCharsets.UTF_8));
            }
        }
        return parse(text);
    }

    /**
     * A key ring document, a single key document ({@code publicKey} without {@code keys}) or a bare
     * base64 X.509 key.
     *
     * @throws IllegalArgumentException naming the key and field that is wrong
     */
    public static LedgerKeyRing parse(String text) {
        return of(parseKeys(text));
    }

    /**
     * The keys of a text {@link #parse} accepts; empty for a document with an empty {@code keys}
     * (a key history before the first rotation).
     */
    public static List<LedgerKey> parseKeys(String text) {
        String trimmed = text.trim();
        if (!trimmed.startsWith("{")) {
            return List.of(LedgerKey.unbounded(publicKey(trimmed, "the public key")));
        }
        JsonNode document;
        try {
            document = LedgerJson.MAPPER.readTree(trimmed);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("the key ring is not valid JSON: " + e.getOriginalMessage());
        }
        JsonNode array = document.get("keys");
        if (array == null || array.isNull()) {
            return List.of(key(document, "the key"));
        }
        if (!array.isArray()) {
            throw new IllegalArgumentException("keys must be an array");
        }
        List<LedgerKey> keys = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            keys.add(key(array.get(i), "keys[" + i + "]"));
        }
        return keys;
    }

    private static LedgerKey key(JsonNode node, String where) {
        String algorithm = node.path("algorithm").asString(ALGORITHM);
        if (!ALGORITHM.equals(algorithm)) {
            throw new IllegalArgumentException(where + ".algorithm must be " + ALGORITHM + ", not " + algorithm);
        }
        JsonNode publicKey = node.get("publicKey");
        if (publicKey == null || !publicKey.isString()) {
            throw new IllegalArgumentException(where + ".publicKey is missing");
        }
        JsonNode keyId = node.get("keyId");
        try {
            return new LedgerKey(keyId == null || keyId.isNull() ? null : keyId.asString(),
                    publicKey(publicKey.asString(), where + ".publicKey"), instant(node, "validFrom", where),
                    instant(node, "validUntil", where), node.path("current").asBoolean(false));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    private static Instant instant(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        try {
            return Instant.parse(value.asString());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(where + "." + field + " is not an ISO-8601 instant (e.g. "
                    + "2026-01-01T00:00:00Z): " + value.asString());
        }
    }

    private static PublicKey publicKey(String base64, String what) {
        try {
            return Ed25519Keys.publicKey(Base64.getMimeDecoder().decode(base64.trim()));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " is not a base64 X.509 Ed25519 public key");
        }
    }
}
