package dev.greenlight.ledger.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.ledger.verify.Checkpoint;
import dev.greenlight.ledger.verify.CheckpointSigner;
import dev.greenlight.ledger.verify.Entry;
import dev.greenlight.ledger.verify.EntryEncoding;
import dev.greenlight.ledger.verify.Failure;
import dev.greenlight.ledger.verify.LedgerItem;
import dev.greenlight.ledger.verify.LedgerJson;
import dev.greenlight.ledger.verify.LedgerVerifier;
import dev.greenlight.ledger.verify.Sha256;
import dev.greenlight.ledger.verify.VerificationReport;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A source record the ledger cannot decode is still an entry: its reason is covered by the entry
 * hash (a doctored reason is caught), it never hashes like a recorded event, and an honest ledger
 * holding such entries verifies, online and through the export line format.
 */
class UndecodableEntryTest {

    private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");
    private static final byte[] GARBAGE = "not avro at all".getBytes(StandardCharsets.UTF_8);

    private final ChainHead head = ChainHead.empty(0);

    private Entry undecodable(String reason) {
        return head.append(SourceEvent.undecodable("k", "greenlight.checks", 1, 17, GARBAGE, reason), AT);
    }

    @Test
    void theReasonIsHashedUnderItsOwnTag() {
        Entry entry = undecodable("unknown magic byte 0x6e");
        assertThat(entry.schemaId()).isEqualTo(Entry.UNDECODABLE_SCHEMA_ID);
        assertThat(entry.eventType()).isEmpty();
        assertThat(entry.payload()).isEqualTo(GARBAGE);
        assertThat(entry.payloadSha256()).isEqualTo(Sha256.of(GARBAGE));

        byte[] encoded = EntryEncoding.encode(entry);
        byte[] tag = EntryEncoding.UNDECODABLE_TAG.getBytes(StandardCharsets.US_ASCII);
        assertThat(Arrays.copyOfRange(encoded, 4, 4 + tag.length)).isEqualTo(tag);
        byte[] reason = "unknown magic byte 0x6e".getBytes(StandardCharsets.UTF_8);
        assertThat(Arrays.copyOfRange(encoded, encoded.length - reason.length, encoded.length)).isEqualTo(reason);

        Entry otherReason = undecodable("tombstone (null value)");
        assertThat(otherReason.entryHash()).isNotEqualTo(entry.entryHash());
        Entry sameFieldsNoReason = new Entry(entry.ledgerPartition(), entry.sequence(), entry.previousHash(), null,
                entry.recordedAt(), entry.entryId(), entry.principal(), entry.target(), entry.sourceTopic(),
                entry.sourcePartition(), entry.sourceOffset(), entry.sourceEventId(), entry.eventType(),
                entry.schemaId(), entry.payload(), entry.payloadSha256());
        assertThat(EntryEncoding.hash(sameFieldsNoReason)).isNotEqualTo(entry.entryHash());
    }

    @Test
    void aHugeRecordKeepsABoundedPrefixAndNamesTheWholeValue() {
        byte[] huge = new byte[Entry.UNDECODABLE_PAYLOAD_LIMIT + 10];
        Arrays.fill(huge, (byte) 7);
        Entry entry = head.append(SourceEvent.undecodable("k", "greenlight.checks", 0, 3, huge, "undecodable"), AT);
        assertThat(entry.payload()).hasSize(Entry.UNDECODABLE_PAYLOAD_LIMIT);
        assertThat(entry.reason()).contains(String.valueOf(huge.length)).contains(Sha256.hex(Sha256.of(huge)));
    }

    @Test
    void aLedgerWithUndecodableEntriesVerifiesAndADoctoredReasonIsCaught() {
        LedgerState state = new LedgerState(1);
        List<Entry> chain = new ArrayList<>();
        chain.add(state.append(0, LedgerFixture.event(1), AT));
        chain.add(state.append(0, SourceEvent.undecodable("", "greenlight.dead-letter", 0, 0, GARBAGE,
                "dead-letter record"), AT));
        chain.add(state.append(0, SourceEvent.undecodable("k", "greenlight.checks", 0, 5, null,
                "tombstone (null value)"), AT));
        chain.add(state.append(0, LedgerFixture.event(2), AT));
        Checkpoint checkpoint = state.checkpoint(new CheckpointSigner(LedgerFixture.KEYS,
                Clock.fixed(AT, ZoneOffset.UTC)));
        LedgerVerifier verifier = new LedgerVerifier(LedgerFixture.KEYS.getPublic());

        VerificationReport report = verifier.verify(List.of(items(chain)), List.of(checkpoint));
        assertThat(report.failure()).isEmpty();
        assertThat(report.entries()).isEqualTo(4);

        // Through the export line format and back: the reason survives, so the hash still matches.
        List<Entry> exported = chain.stream()
                .map(e -> LedgerJson.entry(LedgerJson.MAPPER.readTree(LedgerJson.entry(e).toString()))).toList();
        assertThat(exported.get(1).reason()).isEqualTo("dead-letter record");
        assertThat(verifier.verify(List.of(items(exported)), List.of(checkpoint)).failure()).isEmpty();

        Entry doctored = chain.get(1);
        chain.set(1, new Entry(doctored.ledgerPartition(), doctored.sequence(), doctored.previousHash(),
                doctored.entryHash(), doctored.recordedAt(), doctored.entryId(), doctored.principal(), doctored.target(),
                doctored.sourceTopic(), doctored.sourcePartition(), doctored.sourceOffset(), doctored.sourceEventId(),
                doctored.eventType(), doctored.schemaId(), doctored.payload(), doctored.payloadSha256(),
                "harmless"));
        assertThat(verifier.verify(List.of(items(chain)), List.of(checkpoint)).failure())
                .map(Failure::reason).contains(Failure.Reason.ENTRY_HASH_MISMATCH);
    }

    private static List<LedgerItem> items(List<Entry> chain) {
        List<LedgerItem> items = new ArrayList<>();
        for (int i = 0; i < chain.size(); i++) {
            items.add(new LedgerItem.Recorded(chain.get(i), "greenlight.ledger-0@" + i));
        }
        return items;
    }
}
