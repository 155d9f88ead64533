package dev.greenlight.ledger.export;

import dev.greenlight.ledger.verify.OfflineLedgerVerifier;
import dev.greenlight.ledger.verify.LedgerJson;
import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.ledger.verify.Failure;
import dev.greenlight.ledger.domain.LedgerFixture;
import dev.greenlight.ledger.domain.LedgerSnapshot;
import dev.greenlight.ledger.verify.VerificationReport;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

/** An auditor with only an export file and the public key gets the same verdict as the live ledger. */
class OfflineLedgerVerifierTest {

    @TempDir
    Path dir;

    private final LedgerFixture ledger = new LedgerFixture(60, 11);
    private final LedgerSnapshot snapshot = new LedgerSnapshot(ledger.items(), ledger.checkpoints);

    private List<String> fullExport() {
        StringWriter out = new StringWriter();
        LedgerExporter.exportAll(snapshot, out);
        return new ArrayList<>(out.toString().lines().toList());
    }

    private VerificationReport verify(List<String> lines) throws IOException {
        Path file = dir.resolve("ledger.jsonl");
        Files.write(file, lines);
        return new OfflineLedgerVerifier().verify(file, LedgerFixture.KEYS.getPublic());
    }

    private Failure failure(List<String> lines) throws IOException {
        VerificationReport report = verify(lines);
        assertThat(report.ok()).as("tampered export must not verify").isFalse();
        return report.failure().orElseThrow();
    }

    /** Index of the line of entry partition/sequence in the export. */
    private static int lineOf(List<String> lines, int partition, long sequence) {
        for (int i = 0; i < lines.size(); i++) {
            ObjectNode node = (ObjectNode) LedgerJson.MAPPER.readTree(lines.get(i));
            if ("entry".equals(node.path("type").asString()) && node.get("ledgerPartition").asInt() == partition
                    && node.get("sequence").asLong() == sequence) {
                return i;
            }
        }
        throw new AssertionError("no entry " + partition + "/" + sequence);
    }

    private static String edit(String line, UnaryOperator<ObjectNode> change) {
        return LedgerJson.MAPPER.writeValueAsString(change.apply((ObjectNode) LedgerJson.MAPPER.readTree(line)));
    }

    @Test
    void honestExportVerifiesWithCounts() throws IOException {
        VerificationReport report = verify(fullExport());

        assertThat(report.ok()).as(String.valueOf(report.failure())).isTrue();
        assertThat(report.entries()).isEqualTo(60);
        assertThat(report.checkpoints()).isEqualTo(5);
        assertThat(report.treeSize()).isEqualTo(55);
    }

    @Test
    void flippedPayloadByteIsNamedByLine() throws IOException {
        List<String> lines = fullExport();
        int at = lineOf(lines, 1, 4);
        lines.set(at, edit(lines.get(at), node -> {
            byte[] payload = Base64.getDecoder().decode(node.get("payload").asString());
            payload[payload.length - 1] ^= 1;
            return node.put("payload", Base64.getEncoder().encodeToString(payload));
        }));

        Failure failure = failure(lines);

        assertThat(failure.reason()).isEqualTo(Failure.Reason.PAYLOAD_ALTERED);
        assertThat(failure.location()).isEqualTo("line " + (at + 1));
    }

    @Test
    void deletedEntryIsMissing() throws IOException {
        List<String> lines = fullExport();
        lines.remove(lineOf(lines, 2, 7));

        Failure failure = failure(lines);

        assertThat(failure.reason()).isEqualTo(Failure.Reason.MISSING_ENTRY);
        assertThat(failure.partition()).isEqualTo(2);
        assertThat(failure.sequence()).isEqualTo(7);
    }

    @Test
    void swappedEntriesAreReordered() throws IOException {
        List<String> lines = fullExport();
        Collections.swap(lines, lineOf(lines, 0, 3), lineOf(lines, 0, 4));

        Failure failure = failure(lines);

        assertThat(failure.reason()).isEqualTo(Failure.Reason.REORDERED);
        assertThat(failure.sequence()).isEqualTo(3);
    }

    @Test
    void forgedCheckpointIsNamed() throws IOException {
        List<String> lines = fullExport();
        int last = lines.size() - 1;
        lines.set(last, edit(lines.get(last), node -> node.put("treeSize", node.get("treeSize").asLong() + 1)));

        assertThat(failure(lines).reason()).isEqualTo(Failure.Reason.CHECKPOINT_SIGNATURE_INVALID);
    }

    @Test
    void recordAppendedByAnotherProducerIsForeign() throws IOException {
        List<String> lines = fullExport();
        int at = lineOf(lines, 1, 5);
        lines.add(at, "{\"type\":\"foreign\",\"partition\":1,\"location\":\"greenlight.ledger-1@5\",\"why\":\"bad magic byte\"}");

        Failure failure = failure(lines);

        assertThat(failure.reason()).isEqualTo(Failure.Reason.FOREIGN_RECORD);
        assertThat(failure.location()).isEqualTo("line " + (at + 1));
    }

    @Test
    void aTimeRangeExtractHoldsExactlyTheEntriesRecordedThenAndVerifies() throws IOException {
        List<java.time.Instant> times = snapshot.allEntries().stream().map(e -> e.recordedAt()).sorted().toList();
        java.time.Instant from = times.get(10);
        java.time.Instant to = times.get(30);
        StringWriter out = new StringWriter();

        LedgerExporter.exportExtract(snapshot, null, from, to, out);
        List<String> lines = out.toString().lines().toList();

        long inRange = times.stream().filter(t -> !t.isBefore(from) && t.isBefore(to)).count();
        assertThat(lines.stream().filter(l -> l.startsWith("{\"type\":\"entry\"")).count()).isEqualTo(inRange);
        VerificationReport report = verify(new ArrayList<>(lines));
        assertThat(report.ok()).as(String.valueOf(report.failure())).isTrue();
        assertThat(report.entries()).isEqualTo(inRange);
    }

    @Test
    void releaseExportVerifiesByInclusionProofsAndCatchesATamperedEntry() throws IOException {
        StringWriter out = new StringWriter();
        LedgerExporter.exportRelease(snapshot, "target-2", out);
        List<String> lines = new ArrayList<>(out.toString().lines().toList());

        VerificationReport report = verify(lines);
        assertThat(report.ok()).as(String.valueOf(report.failure())).isTrue();
        assertThat(report.entries()).isEqualTo(12);
        assertThat(report.uncheckpointed()).isEqualTo(1);

        // Rewrite an entry consistently (new payload, new SHA, new entry hash): only the proof can tell.
        int at = 1;
        var entry = LedgerJson.entry(LedgerJson.MAPPER.readTree(lines.get(at)));
        byte[] payload = entry.payload().clone();
        payload[payload.length - 1] ^= 1;
        var forged = new dev.greenlight.ledger.domain.ChainHead(entry.ledgerPartition(), entry.sequence(),
                entry.previousHash()).append(new dev.greenlight.ledger.domain.SourceEvent(entry.target(),
                entry.sourceTopic(), entry.sourcePartition(), entry.sourceOffset(), entry.sourceEventId(),
                entry.eventType(), entry.schemaId(), payload), entry.recordedAt());
        lines.set(at, edit(lines.get(at), node -> {
            node.setAll(LedgerJson.entry(forged));
            return node;
        }));

        Failure failure = failure(lines);
        assertThat(failure.reason()).isEqualTo(Failure.Reason.INCLUSION_PROOF_INVALID);
        assertThat(failure.location()).isEqualTo("line 2");
    }
}
