package dev.greenlight.ledger.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * An undecodable entry's reason travels in the export line and is read back by the streaming
 * parser the offline verifier uses, so its entry hash can be recomputed offline; a line without a
 * reason is a recorded event, as before.
 */
class UndecodableExportLineTest {

    @Test
    void theReasonSurvivesTheExportLine() {
        byte[] raw = "garbage".getBytes(StandardCharsets.UTF_8);
        Entry draft = new Entry(0, 0, new byte[32], null, Instant.ofEpochMilli(1767225600000L),
                "ledger:greenlight.checks-1@17", "audit-ledger", "k", "greenlight.checks", 1, 17, "", "",
                Entry.UNDECODABLE_SCHEMA_ID, raw, Sha256.of(raw), "unknown magic byte 0x67");
        Entry entry = new Entry(0, 0, new byte[32], EntryEncoding.hash(draft), draft.recordedAt(), draft.entryId(),
                draft.principal(), draft.target(), draft.sourceTopic(), 1, 17, "", "", Entry.UNDECODABLE_SCHEMA_ID,
                raw, Sha256.of(raw), draft.reason());

        Entry parsed = ExportEntryParser.parse(LedgerJson.entry(entry).toString()).entry();
        assertThat(parsed.reason()).isEqualTo("unknown magic byte 0x67");
        assertThat(EntryEncoding.hash(parsed)).isEqualTo(entry.entryHash());

        Entry recorded = ExportEntryParser.parse(LedgerJson.entry(new Entry(0, 0, new byte[32], new byte[32],
                draft.recordedAt(), "e", "p", "t", "s", 0, 0, "id", "type", 7, raw, Sha256.of(raw))).toString()).entry();
        assertThat(recorded.reason()).isNull();
    }
}
