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
        assertThat(failure.location()).isEqualTo("line " + (lineOf(lines, 2, 8) + 1));
    }

    @Test
    void swappedEntriesAreReordered() throws IOException {
        List<String> lines = fullExport();
        int at = lineOf(lines, 0, 3);
        Collections.swap(lines, at, lineOf(lines, 0, 4));

        Failure failure = failure(lines);

        assertThat(failure.reason()).isEqualTo(Failure.Reason.REORDERED);
        assertThat(failure.sequence()).isEqualTo(3);
        assertThat(failure.location()).isEqualTo("line " + (at + 1));
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
        // 12 entries of target-2, of which the one after the latest checkpoint is not provable yet.
        assertThat(report.entries()).isEqualTo(11);
        assertThat(report.uncheckpointed()).isZero();

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

    private List<String> releaseExport(String release) {
        StringWriter out = new StringWriter();
        LedgerExporter.exportRelease(snapshot, release, out);
        return new ArrayList<>(out.toString().lines().toList());
    }

    private static String header(List<String> lines) {
        return lines.stream().filter(l -> l.startsWith("{\"type\":\"header\"")).findFirst().orElseThrow();
    }

    private static int firstLine(List<String> lines, String type) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("{\"type\":\"" + type + "\"")) {
                return i;
            }
        }
        throw new AssertionError("no " + type + " line");
    }

    @Test
    void headerSwitchedToReleaseWithThreeEntriesDeletedIsBroken() throws IOException {
        List<String> lines = fullExport();
        int header = lines.indexOf(header(lines));
        lines.set(header, edit(lines.get(header), node -> node.put("scope", "release").put("release", "target-1")));
        lines.remove(lineOf(lines, 1, 3));
        lines.remove(lineOf(lines, 1, 4));
        lines.remove(lineOf(lines, 1, 5));

        Failure failure = failure(lines);

        // The claim in the header changes nothing: no entry carries a proof, so the chain is walked.
        assertThat(failure.reason()).isEqualTo(Failure.Reason.MISSING_ENTRY);
        assertThat(failure.partition()).isEqualTo(1);
        assertThat(failure.sequence()).isEqualTo(3);
        assertThat(failure.location()).isEqualTo("line " + (lineOf(lines, 1, 6) + 1));
    }

    @Test
    void headerSwitchAloneChangesNothing() throws IOException {
        List<String> lines = fullExport();
        int header = lines.indexOf(header(lines));
        lines.set(header, edit(lines.get(header), node -> node.put("scope", "release")));
        List<String> extract = releaseExport("target-2");
        int extractHeader = extract.indexOf(header(extract));
        extract.set(extractHeader, edit(extract.get(extractHeader), node -> node.put("scope", "ledger")));

        VerificationReport whole = verify(lines);
        assertThat(whole.ok()).as(String.valueOf(whole.failure())).isTrue();
        assertThat(whole.entries()).isEqualTo(60);
        VerificationReport part = verify(extract);
        assertThat(part.ok()).as(String.valueOf(part.failure())).isTrue();
        assertThat(part.entries()).isEqualTo(11);
    }

    @Test
    void exportWithEveryCheckpointStrippedIsBroken() throws IOException {
        List<String> lines = fullExport();
        lines.removeIf(line -> line.startsWith("{\"type\":\"checkpoint\""));

        Failure failure = failure(lines);

        assertThat(failure.reason()).isEqualTo(Failure.Reason.NO_CHECKPOINT);
        assertThat(failure.location()).isEqualTo("end of file (line " + lines.size() + ")");
    }

    @Test
    void extractWithItsCheckpointStrippedIsBroken() throws IOException {
        List<String> lines = releaseExport("target-2");
        lines.removeIf(line -> line.startsWith("{\"type\":\"checkpoint\""));

        assertThat(failure(lines).reason()).isEqualTo(Failure.Reason.NO_CHECKPOINT);
    }

    @Test
    void deletingEntriesACheckpointCoversIsNamedAtTheCheckpointLine() throws IOException {
        List<String> lines = fullExport();
        int checkpoint = firstLine(lines, "checkpoint");
        long head = LedgerJson.MAPPER.readTree(lines.get(checkpoint)).get("partitionHeads").get(0).get("sequence")
                .asLong();
        // Partition 0 cut off at the first checkpoint's head: that checkpoint is where it shows.
        lines.removeIf(line -> line.startsWith("{\"type\":\"entry\"") && LedgerJson.MAPPER.readTree(line)
                .get("ledgerPartition").asInt() == 0 && LedgerJson.MAPPER.readTree(line).get("sequence").asLong() >= head);

        Failure failure = failure(lines);

        assertThat(failure.reason()).isEqualTo(Failure.Reason.MISSING_ENTRY);
        assertThat(failure.partition()).isZero();
        assertThat(failure.sequence()).isEqualTo(head);
        assertThat(failure.location()).isEqualTo("line " + (firstLine(lines, "checkpoint") + 1));
    }

    @Test
    void insertedCopyOfAnEntryIsAChainBreakAtTheCopy() throws IOException {
        List<String> lines = fullExport();
        int at = lineOf(lines, 2, 4);
        lines.add(at + 1, lines.get(at));

        Failure failure = failure(lines);

        assertThat(failure.reason()).isEqualTo(Failure.Reason.CHAIN_BREAK);
        assertThat(failure.partition()).isEqualTo(2);
        assertThat(failure.location()).isEqualTo("line " + (at + 2));
    }

    @Test
    void insertedForgedEntryWithConsistentHashesBreaksTheChainOfTheNextOne() throws IOException {
        List<String> lines = fullExport();
        int at = lineOf(lines, 1, 5);
        var previous = LedgerJson.entry(LedgerJson.MAPPER.readTree(lines.get(lineOf(lines, 1, 4))));
        var forged = new dev.greenlight.ledger.domain.ChainHead(1, 5, previous.entryHash())
                .append(LedgerFixture.event(999), previous.recordedAt());
        lines.add(at, edit(lines.get(at), node -> {
            node.setAll(LedgerJson.entry(forged));
            return node;
        }));

        Failure failure = failure(lines);

        // The forged entry itself hashes and chains; the genuine 1/5 after it repeats its sequence.
        assertThat(failure.reason()).isEqualTo(Failure.Reason.CHAIN_BREAK);
        assertThat(failure.location()).isEqualTo("line " + (at + 2));
    }

    @Test
    void extractEntryWithoutItsProofIsBroken() throws IOException {
        List<String> lines = releaseExport("target-2");
        int at = firstLine(lines, "entry") + 2;
        lines.set(at, edit(lines.get(at), node -> {
            node.remove("inclusion");
            return node;
        }));

        Failure failure = failure(lines);

        assertThat(failure.reason()).isEqualTo(Failure.Reason.MISSING_PROOF);
        assertThat(failure.location()).isEqualTo("line " + (at + 1));
    }

    @Test
    void mixedFileNeedsAProofForEveryEntry() throws IOException {
        // A whole export into which one proven extract line was pasted: the file is an extract now,
        // and the first entry without a proof is unjustified.
        List<String> lines = fullExport();
        List<String> extract = releaseExport("target-2");
        lines.add(firstLine(lines, "checkpoint"), extract.get(firstLine(extract, "entry")));
        lines.add(extract.get(extract.size() - 1));

        Failure failure = failure(lines);

        assertThat(failure.reason()).isEqualTo(Failure.Reason.MISSING_PROOF);
        assertThat(failure.location()).isEqualTo("line " + (firstLine(lines, "entry") + 1));
    }

    @Test
    void proofAgainstACheckpointNotInTheFileIsBroken() throws IOException {
        List<String> lines = releaseExport("target-2");
        int checkpoint = firstLine(lines, "checkpoint");
        // Swap the latest checkpoint for an older, genuinely signed one the proofs do not lead to.
        lines.set(checkpoint, LedgerJson.MAPPER.writeValueAsString(LedgerJson.checkpoint(snapshot.checkpoints().get(1))
                .put("type", "checkpoint")));

        Failure failure = failure(lines);

        assertThat(failure.reason()).isEqualTo(Failure.Reason.PROOF_CHECKPOINT_ABSENT);
        assertThat(failure.location()).isEqualTo("line " + (firstLine(lines, "entry") + 1));
    }

    @Test
    void duplicatedExtractEntryIsBroken() throws IOException {
        List<String> lines = releaseExport("target-2");
        int at = firstLine(lines, "entry") + 1;
        lines.add(at + 1, lines.get(at));

        Failure failure = failure(lines);

        assertThat(failure.reason()).isEqualTo(Failure.Reason.DUPLICATE_ENTRY);
        assertThat(failure.location()).isEqualTo("line " + (at + 2));
    }

    @Test
    void reportExposesTheVerifiedTreeForLaterConsistencyChecks() throws IOException {
        VerificationReport report = verify(fullExport());

        assertThat(report.tree().checkpoints()).extracting(h -> h.treeSize()).containsExactly(11L, 22L, 33L, 44L, 55L);
        assertThat(report.tree().leafCount()).isEqualTo(55);
        var last = snapshot.checkpoints().get(snapshot.checkpoints().size() - 1);
        assertThat(report.tree().rootAt(55)).isEqualTo(last.rootHash());
        assertThat(dev.greenlight.ledger.verify.MerkleTree.root(report.tree().leafHashes().subList(0, 22)))
                .isEqualTo(snapshot.checkpoints().get(1).rootHash());
    }
}
