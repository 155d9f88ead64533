package dev.greenlight.ledger.kafka;

import dev.greenlight.ledger.verify.Ed25519Keys;
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
import java.util.Base64;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the ledger's signing key pair from configuration, or — in the local stack only — generates
 * one and keeps it in the key directory so checkpoints stay verifiable across restarts. Only the
 * public key is ever logged.
 */
final class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);
    static final String PRIVATE_FILE = "ledger-signing-key.pk8.b64";
    static final String PUBLIC_FILE = "ledger-public-key.x509.b64";

    private SigningKeys() {
    }

    static KeyPair load(LedgerProperties properties) {
        try {
            KeyPair keys;
            if (properties.signingKey() != null && !properties.signingKey().isBlank()) {
                if (properties.publicKey() == null || properties.publicKey().isBlank()) {
                    throw new IllegalStateException("greenlight.ledger.signing-key is set but greenlight.ledger.public-key is not");
                }
                keys = new KeyPair(Ed25519Keys.publicKey(decode(properties.publicKey())),
                        Ed25519Keys.privateKey(decode(properties.signingKey())));
            } else if (properties.generateKey()) {
                keys = localKeys(properties.keyDir());
            } else {
                throw new IllegalStateException("greenlight.ledger.signing-key is required (generate-key=false)");
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

    private static KeyPair localKeys(Path dir) throws IOException, GeneralSecurityException {
        Path privateFile = dir.resolve(PRIVATE_FILE);
        Path publicFile = dir.resolve(PUBLIC_FILE);
        if (Files.exists(privateFile) && Files.exists(publicFile)) {
            return new KeyPair(Ed25519Keys.publicKey(decode(publicFile.toString())),
                    Ed25519Keys.privateKey(decode(privateFile.toString())));
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

    /** Base64 text, or a path to a file containing it. */
    static byte[] decode(String valueOrPath) throws IOException {
        String text = valueOrPath.trim();
        Path path = Path.of(text);
        if (text.length() < 1024 && Files.isRegularFile(path)) {
            text = Files.readString(path, StandardCharsets.US_ASCII).trim();
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
