package dev.greenlight.cli.audit;

import dev.greenlight.ledger.verify.Ed25519Keys;
import dev.greenlight.ledger.verify.LedgerKey;
import dev.greenlight.ledger.verify.LedgerKeyRing;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code greenlight ledger keygen}: a new ledger signing key in the files the service and
 * docker-compose.yml read (PKCS#8 and X.509, base64), and — for a rotation — the key history that
 * keeps the checkpoints of the keys it replaces verifying. Does what docs/operations.md shows with
 * OpenSSL, without OpenSSL; never overwrites a file, so a key cannot be lost by a second run.
 */
@Command(name = "keygen", mixinStandardHelpOptions = true,
        description = {"Generate a ledger signing key (Ed25519) into DIR: ledger-signing-key.pk8.b64 (owner-only),"
                + " ledger-public-key.x509.b64 and ledger-key-history.json.",
            "For a rotation, --rotate-from names the current key ring (the JSON of GET /public-key): its"
                    + " current key is retired at --retire-at and the history lists every earlier key."},
        footer = {"", "Examples:", "  greenlight ledger keygen --dir secrets",
            "  greenlight ledger keygen --dir secrets-new --rotate-from ledger-keys.json --retire-at 2026-07-01T09:00:00Z"})
public final class KeygenCommand implements Callable<Integer> {

    static final String PRIVATE_FILE = "ledger-signing-key.pk8.b64";
    static final String PUBLIC_FILE = "ledger-public-key.x509.b64";
    static final String HISTORY_FILE = "ledger-key-history.json";

    @Spec
    CommandSpec spec;

    @Option(names = "--dir", required = true, paramLabel = "DIR", description = "Where to write the files (created).")
    Path dir;

    @Option(names = "--rotate-from", paramLabel = "KEYRING",
            description = "The key ring before the rotation (GET /api/v1/ledger/public-key, saved).")
    Path rotateFrom;

    @Option(names = "--retire-at", paramLabel = "INSTANT",
            description = "When the old key stops signing (ISO-8601); required with --rotate-from.")
    Instant retireAt;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            List<LedgerKey> history = history();
            Files.createDirectories(dir);
            for (String name : List.of(PRIVATE_FILE, PUBLIC_FILE, HISTORY_FILE)) {
                if (Files.exists(dir.resolve(name))) {
                    throw new FileAlreadyExistsException(dir.resolve(name) + " exists; a key is never overwritten");
                }
            }
            KeyPair keys = Ed25519Keys.generate();
            Path privateFile = dir.resolve(PRIVATE_FILE);
            Files.createFile(privateFile);
            try {
                Files.setPosixFilePermissions(privateFile, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the directory's own protection has to do
            }
            Files.writeString(privateFile, Base64.getEncoder().encodeToString(keys.getPrivate().getEncoded()),
                    StandardCharsets.US_ASCII);
            Files.writeString(dir.resolve(PUBLIC_FILE), Base64.getEncoder().encodeToString(
                    keys.getPublic().getEncoded()), StandardCharsets.US_ASCII);
            String historyJson = history.isEmpty() ? "{\"keys\":[]}" : LedgerKeyRing.of(history).toJson().toString();
            Files.writeString(dir.resolve(HISTORY_FILE), historyJson + "\n", StandardCharsets.UTF_8);
            PrintWriter out = spec.commandLine().getOut();
            out.println("key id " + Ed25519Keys.keyId(keys.getPublic()) + " written to " + dir
                    + (history.isEmpty() ? "" : "; history: " + history.size() + " earlier key(s), the last retired at "
                            + retireAt));
            out.flush();
            return 0;
        } catch (IOException | IllegalArgumentException e) {
            err.println("greenlight: " + e.getMessage());
            err.flush();
            return 3;
        }
    }

    /** The earlier keys: every key of the ring, the current one retired at {@code --retire-at}. */
    private List<LedgerKey> history() throws IOException {
        if (rotateFrom == null) {
            if (retireAt != null) {
                throw new IllegalArgumentException("--retire-at needs --rotate-from");
            }
            return List.of();
        }
        if (retireAt == null) {
            throw new IllegalArgumentException("--rotate-from needs --retire-at (when the old key stops signing)");
        }
        if (!Files.isRegularFile(rotateFrom)) {
            throw new IllegalArgumentException("--rotate-from " + rotateFrom + " is not a file; save it with: curl -H"
                    + " 'Authorization: Bearer …' http://<ledger>:8185/api/v1/ledger/public-key > " + rotateFrom);
        }
        List<LedgerKey> history = new ArrayList<>();
        for (LedgerKey key : LedgerKeyRing.read(rotateFrom.toString()).keys()) {
            Instant until = key.validUntil() != null ? key.validUntil() : retireAt;
            if (key.validFrom() != null && !key.validFrom().isBefore(until)) {
                throw new IllegalArgumentException("key " + key.keyId() + " is valid from " + key.validFrom()
                        + ", not before --retire-at " + retireAt);
            }
            history.add(new LedgerKey(key.keyId(), key.publicKey(), key.validFrom(), until, false));
        }
        return history;
    }
}
