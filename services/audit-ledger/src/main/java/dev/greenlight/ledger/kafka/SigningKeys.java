package dev.greenlight.ledger.kafka;

import dev.greenlight.ledger.verify.Ed25519Keys;
import dev.greenlight.ledger.verify.LedgerKey;
import dev.greenlight.ledger.verify.LedgerKeyRing;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one home of the ledger's key loading: the signing key pair from configuration (or — in the
 * local stack only, where {@code generate-key} is switched on — generated once into the key
 * directory), and the key ring auditors verify with: the key history plus the signing key. Under
 * production settings a missing signing key stops the service: a key generated anew on every
 * container re-creation would make every older checkpoint unverifiable. Only public keys are logged.
 */
final class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);
    static final String PRIVATE_FILE = "ledger-signing-key.pk8.b64";
    static final String PUBLIC_FILE = "ledger-public-key.x509.b64";

    private SigningKeys() {
    }

    static KeyPair load(LedgerProperties properties, boolean production) {
        try {
            KeyPair keys;
            if (properties.signingKey() != null && !properties.signingKey().isBlank()) {
                if (properties.publicKey() == null || properties.publicKey().isBlank()) {
                    throw new IllegalStateException("greenlight.ledger.signing-key is set but greenlight.ledger.public-key is not");
                }
                keys = new KeyPair(Ed25519Keys.publicKey(decode(properties.publicKey(), "greenlight.ledger.public-key")),
                        Ed25519Keys.privateKey(decode(properties.signingKey(), "greenlight.ledger.signing-key")));
            } else if (production) {
                throw new IllegalStateException("Refusing to start: production settings ("
                        + "greenlight.security.production or a production profile) need a configured ledger signing "
                        + "key: set greenlight.ledger.signing-key (PKCS#8) and greenlight.ledger.public-key (X.509), "
                        + "base64 or file paths (docs/operations.md). A generated key would leave every older "
                        + "checkpoint unverifiable.");
            } else if (properties.generateKey()) {
                keys = localKeys(properties.keyDir());
            } else {
                throw new IllegalStateException("greenlight.ledger.signing-key is required; only the local stack "
                        + "generates one (greenlight.ledger.generate-key=true)");
            }
            checkPair(keys);
            log.info("Ledger checkpoints are signed with Ed25519 key {}; public key (X.509, base64): {}",
                    Ed25519Keys.keyId(keys.getPublic()), Base64.getEncoder().encodeToString(keys.getPublic().getEncoded()));
            return keys;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the ledger signing key: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the ledger signing key", e);
        }
    }

    /**
     * The key history ({@code greenlight.ledger.key-history}) plus the signing key, marked current.
     * The signing key keeps the validFrom the history gives it; absent from the history, it is valid
     * from the latest retirement there (or always, for a ledger that never rotated). Refuses to start
     * when the signing key is retired in the history or not yet valid, or when an earlier key has no
     * validUntil: each would make the ledger sign checkpoints its own key ring refuses, or leave a
     * replaced key able to vouch for new history.
     */
    static LedgerKeyRing ring(LedgerProperties properties, KeyPair signing, Instant now) {
        List<LedgerKey> history = history(properties.keyHistory());
        String currentId = Ed25519Keys.keyId(signing.getPublic());
        List<LedgerKey> keys = new ArrayList<>();
        Instant currentFrom = history.stream().map(LedgerKey::validUntil).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(null);
        boolean listed = false;
        for (LedgerKey key : history) {
            if (key.keyId().equals(currentId)) {
                if (key.validUntil() != null) {
                    throw new IllegalStateException("Refusing to start: the signing key " + currentId
                            + " is retired in greenlight.ledger.key-history (validUntil " + key.validUntil()
                            + "); configure the new key as greenlight.ledger.signing-key");
                }
                if (key.validFrom() != null && key.validFrom().isAfter(now)) {
                    throw new IllegalStateException("Refusing to start: the signing key " + currentId
                            + " is valid only from " + key.validFrom() + " in greenlight.ledger.key-history");
                }
                keys.add(new LedgerKey(currentId, signing.getPublic(), key.validFrom(), null, true));
                listed = true;
            } else {
                if (key.validUntil() == null) {
                    throw new IllegalStateException("Refusing to start: key " + key.keyId() + " in "
                            + "greenlight.ledger.key-history has no validUntil; set it to when the ledger "
                            + "stopped signing with that key");
                }
                keys.add(new LedgerKey(key.keyId(), key.publicKey(), key.validFrom(), key.validUntil(), false));
            }
        }
        if (!listed) {
            keys.add(new LedgerKey(currentId, signing.getPublic(), currentFrom, null, true));
        }
        LedgerKeyRing ring = LedgerKeyRing.of(keys);
        if (keys.size() > 1) {
            log.info("Ledger key ring: {}", keys.stream().map(k -> k.keyId() + " " + k.validity()).toList());
        }
        return ring;
    }

    private static List<LedgerKey> history(Path file) {
        if (file == null || file.toString().isBlank()) {
            return List.of();
        }
        try {
            return LedgerKeyRing.parseKeys(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read greenlight.ledger.key-history " + file, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("greenlight.ledger.key-history " + file + ": " + e.getMessage(), e);
        }
    }

    private static KeyPair localKeys(Path dir) throws IOException, GeneralSecurityException {
        Path privateFile = dir.resolve(PRIVATE_FILE);
        Path publicFile = dir.resolve(PUBLIC_FILE);
        if (Files.exists(privateFile) && Files.exists(publicFile)) {
            return new KeyPair(Ed25519Keys.publicKey(decode(publicFile.toString(), PUBLIC_FILE)),
                    Ed25519Keys.privateKey(decode(privateFile.toString(), PRIVATE_FILE)));
        }
        Files.createDirectories(dir);
        KeyPair keys = Ed25519Keys.generate();
        Files.writeString(publicFile, Base64.getEncoder().encodeToString(keys.getPublic().getEncoded()));
        Files.writeString(privateFile, Base64.getEncoder().encodeToString(keys.getPrivate().getEncoded()));
        try {
            Files.setPosixFilePermissions(privateFile, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the directory's own protection has to do
        }
        log.warn("No greenlight.ledger.signing-key configured: generated a local key pair in {} (local stack only)", dir);
        return keys;
    }

    /** Base64 text, or a path to a file containing it (e.g. a Docker secret under /run/secrets). */
    static byte[] decode(String valueOrPath, String property) throws IOException {
        String text = valueOrPath.trim();
        Path path = Path.of(text);
        if (text.length() < 1024 && Files.isRegularFile(path)) {
            text = Files.readString(path, StandardCharsets.US_ASCII).trim();
        } else if (text.startsWith("/") || text.startsWith(".")) {
            throw new IllegalStateException(property + " names " + text + ", which is not a readable file");
        }
        return Base64.getMimeDecoder().decode(text);
    }

    private static void checkPair(KeyPair keys) {
        byte[] probe = "greenlight-ledger-key-check".getBytes(StandardCharsets.US_ASCII);
        PrivateKey privateKey = keys.getPrivate();
        PublicKey publicKey = keys.getPublic();
        if (!Ed25519Keys.verify(publicKey, probe, Ed25519Keys.sign(privateKey, probe))) {
            throw new IllegalStateException("greenlight.ledger.public-key does not match greenlight.ledger.signing-key");
        }
    }
}
