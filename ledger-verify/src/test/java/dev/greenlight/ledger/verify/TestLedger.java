package dev.greenlight.ledger.verify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * An honest ledger built with nothing but this module (the writer lives in the service): entries
 * chained per partition, a signed checkpoint every {@code every} entries in the leaf order of
 * {@link Checkpoint}, and the JSON Lines export of it, so the verifier's own tests and benchmark
 * need no service code.
 */
final class TestLedger {

    static final KeyPair KEYS = Ed25519Keys.generate();

    final List<List<Entry>> entries = new ArrayList<>();
    final List<Checkpoint> checkpoints = new ArrayList<>();

    /** {@code count} entries over {@code partitions}, {@code payloadBytes} of Avro body each. */
    TestLedger(int count, int every, int partitions, int payloadBytes) {
        this(count, every, partitions, payloadBytes, "target-");
    }

    /** The same, with targets {@code targetPrefix + (i % 5)} (e.g. non-ASCII ones). */
    TestLedger(int count, int every, int partitions, int payloadBytes, String targetPrefix) {
        Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        CheckpointSigner signer = new CheckpointSigner(KEYS, clock);
        CompactRange tree = new CompactRange();
        long[] covered = new long[partitions];
        java.util.Arrays.fill(covered, -1);
        for (int p = 0; p < partitions; p++) {
            entries.add(new ArrayList<>());
        }
        java.util.Random random = new java.util.Random(42);
        for (int i = 0; i < count; i++) {
            int p = (i * 7) % partitions;
            List<Entry> chain = entries.get(p);
            byte[] previous = chain.isEmpty() ? new byte[Sha256.LENGTH] : chain.get(chain.size() - 1).entryHash();
            byte[] body = new byte[payloadBytes];
            random.nextBytes(body);
            byte[] payload = ByteBuffer.allocate(5 + body.length).put((byte) 0).putInt(7).put(body).array();
            Entry unhashed = new Entry(p, chain.size(), previous, new byte[0], clock.instant().plusMillis(i),
                    "ledger:greenlight.approvals-" + (i % 3) + "@" + i, "audit-ledger", targetPrefix + (i % 5),
                    "greenlight.approvals", i % 3, i, "evt-" + i, "dev.greenlight.events.ApprovalGranted", 7,
                    payload, Sha256.of(payload));
            // Fresh String instances, as a decoder produces them: equal values, never the same object.
            chain.add(new Entry(p, chain.size(), previous, EntryEncoding.hash(unhashed), unhashed.recordedAt(),
                    unhashed.entryId(), new String(unhashed.principal()), unhashed.target(),
                    new String(unhashed.sourceTopic()), unhashed.sourcePartition(), unhashed.sourceOffset(),
                    unhashed.sourceEventId(), new String(unhashed.eventType()), unhashed.schemaId(), payload,
                    unhashed.payloadSha256()));
            if ((i + 1) % every == 0) {
                List<PartitionHead> heads = new ArrayList<>();
                for (int q = 0; q < partitions; q++) {
                    List<Entry> c = entries.get(q);
                    for (long s = covered[q] + 1; s < c.size(); s++) {
                        tree.appendLeafHash(MerkleTree.leafHash(c.get((int) s).entryHash()));
                    }
                    covered[q] = c.size() - 1;
                    heads.add(new PartitionHead(q, c.size() - 1,
                            c.isEmpty() ? new byte[Sha256.LENGTH] : c.get(c.size() - 1).entryHash()));
                }
                checkpoints.add(signer.sign(tree.size(), tree.root(), heads));
            }
        }
    }

    TestLedger(int count, int every) {
        this(count, every, 3, 16);
    }

    /** The entries as read from the topic. */
    List<List<LedgerItem>> items() {
        List<List<LedgerItem>> items = new ArrayList<>();
        for (int p = 0; p < entries.size(); p++) {
            List<LedgerItem> partition = new ArrayList<>();
            for (int i = 0; i < entries.get(p).size(); i++) {
                partition.add(new LedgerItem.Recorded(entries.get(p).get(i), "greenlight.ledger-" + p + "@" + i));
            }
            items.add(partition);
        }
        return items;
    }

    /** The whole-ledger export lines, in the exporter's layout (partitions, then checkpoints). */
    List<String> export() {
        List<String> lines = new ArrayList<>();
        lines.add("{\"type\":\"header\",\"format\":\"greenlight-ledger-export/v1\",\"scope\":\"ledger\",\"partitions\":"
                + entries.size() + "}");
        for (List<Entry> chain : entries) {
            for (Entry entry : chain) {
                ObjectNode node = LedgerJson.MAPPER.createObjectNode().put("type", "entry");
                node.setAll(LedgerJson.entry(entry));
                // As LedgerExporter writes it: where the entry was read (not hashed).
                node.put("location", "greenlight.ledger-" + entry.ledgerPartition() + "@" + entry.sequence());
                lines.add(LedgerJson.MAPPER.writeValueAsString(node));
            }
        }
        for (Checkpoint checkpoint : checkpoints) {
            ObjectNode node = LedgerJson.MAPPER.createObjectNode().put("type", "checkpoint");
            node.setAll(LedgerJson.checkpoint(checkpoint));
            lines.add(LedgerJson.MAPPER.writeValueAsString(node));
        }
        return lines;
    }

    void write(Writer out) {
        try {
            for (String line : export()) {
                out.write(line);
                out.write('\n');
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String publicKeyBase64() {
        return java.util.Base64.getEncoder().encodeToString(KEYS.getPublic().getEncoded());
    }
}
