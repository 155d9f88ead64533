package dev.greenlight.ledger.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The encoder writes into a reused array with shortcuts for repeated strings; its bytes must still be
 * exactly the layout docs/ledger.md specifies, written here field by field the slow, obvious way — for
 * non-ASCII strings too (multi-byte UTF-8), and for the same encoder reused across entries.
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

            assertThat(EntryEncoding.encode(entry)).isEqualTo(byHand(entry));
            assertThat(EntryEncoding.encode(undecodable)).isEqualTo(byHand(undecodable));
            assertThat(EntryEncoding.hash(entry)).isEqualTo(Sha256.of(byHand(entry)));
        }
    }

    private static byte[] byHand(Entry e) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        bin(out, (e.reason() == null ? EntryEncoding.TAG : EntryEncoding.UNDECODABLE_TAG)
                .getBytes(StandardCharsets.US_ASCII));
        out.writeInt(e.ledgerPartition());
        out.writeLong(e.sequence());
        bin(out, e.previousHash());
        out.writeLong(e.recordedAt().toEpochMilli());
        str(out, e.entryId());
        str(out, e.principal());
        str(out, e.target());
        str(out, e.sourceTopic());
        out.writeInt(e.sourcePartition());
        out.writeLong(e.sourceOffset());
        str(out, e.sourceEventId());
        str(out, e.eventType());
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
