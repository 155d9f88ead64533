package dev.greenlight.console.web;

import dev.greenlight.ledger.verify.Checkpoint;
import dev.greenlight.ledger.verify.CheckpointSigner;
import dev.greenlight.ledger.verify.CompactRange;
import dev.greenlight.ledger.verify.Ed25519Keys;
import dev.greenlight.ledger.verify.Entry;
import dev.greenlight.ledger.verify.EntryEncoding;
import dev.greenlight.ledger.verify.LedgerJson;
import dev.greenlight.ledger.verify.MerkleTree;
import dev.greenlight.ledger.verify.PartitionHead;
import dev.greenlight.ledger.verify.Sha256;
import java.nio.ByteBuffer;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * An honest signed ledger export built with the verifier module alone (one partition, a checkpoint
 * over every entry), as the ledger would serve it, for the console's "verify now".
 */
final class SignedTestLedger {

    static final KeyPair KEYS = Ed25519Keys.generate();

    /** The export lines of {@code count} chained entries and one signed checkpoint covering them. */
    static String export(int count) {
        Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        CompactRange tree = new CompactRange();
        List<Entry> chain = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] previous = chain.isEmpty() ? new byte[Sha256.LENGTH] : chain.get(i - 1).entryHash();
            byte[] payload = ByteBuffer.allocate(9).put((byte) 0).putInt(7).putInt(i).array();
            Entry unhashed = new Entry(0, i, previous, new byte[0], clock.instant().plusMillis(i),
                    "ledger:greenlight.approvals-0@" + i, "audit-ledger", "verify-qm", "greenlight.approvals", 0, i,
                    "evt-" + i, "dev.greenlight.events.ApprovalGranted", 7, payload, Sha256.of(payload));
            Entry hashed = new Entry(0, i, previous, EntryEncoding.hash(unhashed), unhashed.recordedAt(),
                    unhashed.entryId(), unhashed.principal(), unhashed.target(), unhashed.sourceTopic(),
                    unhashed.sourcePartition(), unhashed.sourceOffset(), unhashed.sourceEventId(), unhashed.eventType(),
                    unhashed.schemaId(), payload, unhashed.payloadSha256());
            chain.add(hashed);
            tree.appendLeafHash(MerkleTree.leafHash(hashed.entryHash()));
        }
        Checkpoint checkpoint = new CheckpointSigner(KEYS, clock).sign(tree.size(), tree.root(),
                List.of(new PartitionHead(0, count - 1, chain.get(count - 1).entryHash())));
        StringBuilder lines = new StringBuilder(
                "{\"type\":\"header\",\"format\":\"greenlight-ledger-export/v1\",\"scope\":\"ledger\",\"partitions\":1}\n");
        for (Entry entry : chain) {
            ObjectNode node = LedgerJson.MAPPER.createObjectNode().put("type", "entry");
            node.setAll(LedgerJson.entry(entry));
            lines.append(LedgerJson.MAPPER.writeValueAsString(node)).append('\n');
        }
        ObjectNode node = LedgerJson.MAPPER.createObjectNode().put("type", "checkpoint");
        node.setAll(LedgerJson.checkpoint(checkpoint));
        return lines.append(LedgerJson.MAPPER.writeValueAsString(node)).append('\n').toString();
    }

    static String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(KEYS.getPublic().getEncoded());
    }

    private SignedTestLedger() {
    }
}
