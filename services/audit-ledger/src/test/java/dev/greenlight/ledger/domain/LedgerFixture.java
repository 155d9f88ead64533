package dev.greenlight.ledger.domain;

import dev.greenlight.ledger.verify.LedgerItem;
import dev.greenlight.ledger.verify.Entry;
import dev.greenlight.ledger.verify.Ed25519Keys;
import dev.greenlight.ledger.verify.CheckpointSigner;
import dev.greenlight.ledger.verify.Checkpoint;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** An honest ledger built through the writer's own code path, for tampering with in tests. */
public final class LedgerFixture {

    public static final int PARTITIONS = 3;
    public static final KeyPair KEYS = Ed25519Keys.generate();

    public final List<List<Entry>> entries = new ArrayList<>();
    public final List<Checkpoint> checkpoints = new ArrayList<>();

    /** {@code count} entries round-robin over the partitions, a checkpoint every {@code every}. */
    public LedgerFixture(int count, int every) {
        Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        LedgerState state = new LedgerState(PARTITIONS);
        CheckpointSigner signer = new CheckpointSigner(KEYS, clock);
        for (int p = 0; p < PARTITIONS; p++) {
            entries.add(new ArrayList<>());
        }
        for (int i = 0; i < count; i++) {
            int partition = (i * 7) % PARTITIONS;
            Entry entry = state.append(partition, event(i), clock.instant().plusMillis(i));
            entries.get(partition).add(entry);
            if ((i + 1) % every == 0) {
                checkpoints.add(state.checkpoint(signer));
            }
        }
    }

    public static SourceEvent event(int i) {
        byte[] body = ("event-" + i).getBytes(StandardCharsets.UTF_8);
        byte[] payload = ByteBuffer.allocate(5 + body.length).put((byte) 0).putInt(7).put(body).array();
        return new SourceEvent("target-" + (i % 5), "greenlight.approvals", i % 3, i, "evt-" + i,
                "dev.greenlight.events.ApprovalGranted", 7, payload);
    }

    /** The entries as the verifier reads them from a topic. */
    public List<List<LedgerItem>> items() {
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
}
