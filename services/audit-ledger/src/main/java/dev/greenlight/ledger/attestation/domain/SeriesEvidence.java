package dev.greenlight.ledger.attestation.domain;

import dev.greenlight.ledger.verify.Entry;
import dev.greenlight.ledger.verify.Sha256;
import java.io.ByteArrayOutputStream;
import java.util.Comparator;
import java.util.List;

/**
 * A metric window a decision cited as a series (range, count and digest instead of one id per
 * sample), resolved to the ledger entries that hold exactly those samples. An attestation names it
 * by one digest over the entries' hashes instead of listing every entry, so its size does not grow
 * with the series' history, and an auditor with an export recomputes it.
 *
 * @param citation the evidence id as the decision wrote it ({@code series@…})
 * @param entries  the ledger entries of the counted samples; kept in ledger order
 */
public record SeriesEvidence(String citation, String metric, long count, String digest, List<Entry> entries) {

    private static final Comparator<Entry> LEDGER_ORDER =
            Comparator.comparingInt(Entry::ledgerPartition).thenComparingLong(Entry::sequence);

    public SeriesEvidence {
        entries = entries.stream().sorted(LEDGER_ORDER).toList();
    }

    /** SHA-256 over the entries' 32-byte entry hashes concatenated in ledger order, hex. */
    public String entriesDigest() {
        ByteArrayOutputStream hashes = new ByteArrayOutputStream(entries.size() * 32);
        entries.forEach(entry -> hashes.writeBytes(entry.entryHash()));
        return Sha256.hex(Sha256.of(hashes.toByteArray()));
    }
}
