package dev.greenlight.ledger.domain;

import dev.greenlight.ledger.verify.Sha256;
import dev.greenlight.ledger.verify.EntryEncoding;
import dev.greenlight.ledger.verify.Entry;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Strings enter the entry hash as int32 length + UTF-8, also when they are not ASCII. */
class EntryEncodingTest {

    @Test
    void aNonAsciiTargetIsEncodedAsItsUtf8BytesWithTheirLength() {
        String target = "märkte-€-𝄞";
        Entry entry = ChainHead.empty(0).append(new SourceEvent(target, "greenlight.approvals", 0, 1, "evt-1",
                "dev.greenlight.events.ApprovalGranted", 7, new byte[] {0, 0, 0, 0, 7, 1}),
                Instant.parse("2026-01-01T00:00:00Z"));
        byte[] utf8 = target.getBytes(StandardCharsets.UTF_8);
        byte[] field = ByteBuffer.allocate(4 + utf8.length).putInt(utf8.length).put(utf8).array();

        String encoded = Sha256.hex(EntryEncoding.encode(entry));

        assertThat(encoded).contains(Sha256.hex(field) + Sha256.hex(
                ByteBuffer.allocate(4).putInt("greenlight.approvals".length()).array()));
        assertThat(EntryEncoding.hash(entry)).isEqualTo(Sha256.of(EntryEncoding.encode(entry)));
    }
}
