package dev.greenlight.ledger.kafka;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the audit ledger ({@code greenlight.ledger.*}).
 *
 * @param checkpoint  how often a signed checkpoint is written
 * @param signingKey  the Ed25519 private key: PKCS#8 base64, or a path to a file holding it; absent
 *                    only in the local profile, where a key is generated into {@code keyDir}
 * @param publicKey   the matching public key: X.509 base64 or a path (the JDK cannot derive it from
 *                    a PKCS#8 Ed25519 key, and auditors need it anyway)
 * @param keyDir      where a generated local key pair is kept between restarts
 * @param generateKey whether a missing key may be generated into {@code keyDir}: off by default, on only
 *                    in the local stack ({@code ./greenlight up}); refused under production settings
 * @param pollTimeout longest wait for source records before a time-based checkpoint is considered
 * @param transactionalId transactional.id of the single ledger writer; a second writer with the same
 *                    id fences the first, which is what keeps the writer single
 * @param maxRecordsPerTransaction how many source records one transaction may take: the writer keeps
 *                    adding records that are already fetched until this many, because every commit costs
 *                    broker round trips and markers that a busy ledger should share between many entries
 * @param registryOutageDownAfter how long the schema registry may be unavailable to the writer before
 *                    its health is DOWN; records wait for it (retried with backoff), none is skipped
 * @param stallDownAfter how long the writer may make no progress (no commit, no caught-up poll) before
 *                    its health is DOWN
 * @param registryRetry first pause before decoding a record again while the registry is unavailable;
 *                    doubled on each further failure up to ten times this
 * @param keyHistory  the ledger's earlier public keys with their validity periods: a key ring file
 *                    (JSON, docs/ledger.md "Keys and rotation"), so checkpoints signed before a
 *                    rotation keep verifying; absent while the ledger has only ever had one key
 */
@ConfigurationProperties("greenlight.ledger")
public record LedgerProperties(@DefaultValue Checkpoint checkpoint, String signingKey, String publicKey,
        @DefaultValue("${java.io.tmpdir}/greenlight/audit-ledger") Path keyDir,
        @DefaultValue("false") boolean generateKey,
        @DefaultValue("500ms") Duration pollTimeout,
        @DefaultValue("greenlight-audit-ledger") String transactionalId,
        @DefaultValue("10000") int maxRecordsPerTransaction,
        @DefaultValue("60s") Duration registryOutageDownAfter,
        @DefaultValue("5m") Duration stallDownAfter,
        @DefaultValue("500ms") Duration registryRetry,
        Path keyHistory) {

    /**
     * @param everyEntries checkpoint once this many entries are pending; each checkpoint costs an
     *                     Ed25519 signature (~2 ms) to write and a verification (~2-4 ms) to audit, so
     *                     checkpointing far more often than every few thousand entries slows both
     * @param every        checkpoint pending entries at least this often
     */
    public record Checkpoint(@DefaultValue("10000") int everyEntries, @DefaultValue("10s") Duration every) {
    }
}
