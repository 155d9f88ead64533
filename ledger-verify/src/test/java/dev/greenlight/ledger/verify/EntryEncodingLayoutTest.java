package dev.greenlight.ledger.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The encoder writes into a reused array and copies the text fields an {@link Entry} keeps already
 * encoded; its bytes must still be exactly the layout docs/ledger.md specifies, written here field by
 * field the slow, obvious way from the strings the entry was made of — for non-ASCII strings too
 * (multi-byte UTF-8), and for the same encoder reused across entries.
 */
class EntryEncodingLayoutTest {

    @Test
    void theEncodingIsTheDocumentedLayoutForAsciiAndNonAsciiStringsAlike() throws IOException {
        for (String[] strings : new String[][] {
                {"ledger:greenlight.approvals-0@1", "audit-ledger", "ict-qm", "greenlight.approvals", "evt-1",
                        "dev.greenlight.events.ApprovalGranted"},
                {"ledger:é@2", "zoë", "Łódź ✓", "greenlight.approvals", "evt-😀", "dev.greenlight.events.Ä"},
                {"", "audit-ledger", "", "greenlight.approvals", "", ""}}) {
            Entry entry = new Entry(2, 41, bytes(32, 1), new byte[0], Instant.ofEpochMilli(1_767_225_600_123L),
                    strings[0], strings[1], strings[2], strings[3], 1, 99, strings[4], strings[5], 7,
                    new byte[] {0, 0, 0, 0, 7}, bytes(32, 9));
            Entry undecodable = new Entry(2, 42, bytes(32, 1), new byte[0], Instant.ofEpochMilli(5), strings[0],
                    strings[1], strings[2], strings[3], 1, 100, strings[4], "", Entry.UNDECODABLE_SCHEMA_ID,
                    new byte[] {1}, bytes(32, 3), "not Avro: " + strings[2]);

            assertThat(EntryEncoding.encode(entry)).isEqualTo(byHand(entry, strings));
            assertThat(EntryEncoding.encode(undecodable)).isEqualTo(byHand(undecodable,
                    new String[] {strings[0], strings[1], strings[2], strings[3], strings[4], ""}));
            assertThat(EntryEncoding.hash(entry)).isEqualTo(Sha256.of(byHand(entry, strings)));
            assertThat(new String[] {entry.entryId(), entry.principal(), entry.target(), entry.sourceTopic(),
                    entry.sourceEventId(), entry.eventType()}).containsExactly(strings);
            assertThat(undecodable.withPayload(new byte[] {2}).eventType()).isEmpty();
        }
    }

    @Test
    void aTextFieldIsWhatWasHashedAndANullOneCannotBeHashed() {
        // An unpaired surrogate has no UTF-8 form: the hash always covered "?", and the entry now says so.
        Entry lone = entry("evt-\uD800", "audit-ledger");
        assertThat(lone.sourceEventId()).isEqualTo("evt-?");
        assertThat(EntryEncoding.hash(lone)).isEqualTo(EntryEncoding.hash(entry("evt-?", "audit-ledger")));

        Entry noPrincipal = entry("evt-1", null);
        assertThat(noPrincipal.principal()).isNull();
        org.assertj.core.api.Assertions.assertThatNullPointerException()
                .isThrownBy(() -> EntryEncoding.hash(noPrincipal));
    }

    private static Entry entry(String sourceEventId, String principal) {
        return new Entry(0, 0, new byte[32], new byte[0], Instant.ofEpochMilli(1), "id", principal, "t",
                "greenlight.approvals", 0, 0, sourceEventId, "type", 7, new byte[] {0, 0, 0, 0, 7}, bytes(32, 9));
    }

    /** @param s entryId, principal, target, sourceTopic, sourceEventId, eventType as given to the entry */
    private static byte[] byHand(Entry e, String[] s) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        bin(out, (e.reason() == null ? EntryEncoding.TAG : EntryEncoding.UNDECODABLE_TAG)
                .getBytes(StandardCharsets.US_ASCII));
        out.writeInt(e.ledgerPartition());
        out.writeLong(e.sequence());
        bin(out, e.previousHash());
        out.writeLong(e.recordedAt().toEpochMilli());
        str(out, s[0]);
        str(out, s[1]);
        str(out, s[2]);
        str(out, s[3]);
        out.writeInt(e.sourcePartition());
        out.writeLong(e.sourceOffset());
        str(out, s[4]);
        str(out, s[5]);
        out.writeInt(e.schemaId());
        bin(out, e.payloadSha256());
        if (e.reason() != null) {
            str(out, e.reason());
        }
        return bytes.toByteArray();
    }

    private static void str(DataOutputStream out, String value) throws IOException {
        bin(out, value.getBytes(StandardCharsets.UTF_8));
    }

    private static void bin(DataOutputStream out, byte[] value) throws IOException {
        out.writeInt(value.length);
        out.write(value);
    }

    private static byte[] bytes(int length, int fill) {
        byte[] bytes = new byte[length];
        java.util.Arrays.fill(bytes, (byte) fill);
        return bytes;
    }
}
