package dev.greenlight.ledger.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

/**
 * The auditor's attacks on an export file, with this module alone: whatever the header claims, a file
 * without proofs must chain from genesis and hold a checkpoint, and an extract must prove every entry
 * against a checkpoint it holds. Each tampering is BROKEN with its reason, at its line.
 */
class StrictVerificationTest {

    @TempDir
    Path dir;

    private final TestLedger ledger = new TestLedger(90, 20);

    private VerificationReport verify(List<String> lines) throws IOException {
        Path file = dir.resolve("export.jsonl");
        Files.write(file, lines);
        return new OfflineLedgerVerifier().verify(file, TestLedger.KEYS.getPublic());
    }

    private Failure failure(List<String> lines) throws IOException {
        VerificationReport report = verify(lines);
        assertThat(report.ok()).as("tampered export must not verify").isFalse();
        return report.failure().orElseThrow();
    }

    private static int lineOf(List<String> lines, int partition, long sequence) {
        String prefix = "{\"type\":\"entry\",\"ledgerPartition\":" + partition + ",\"sequence\":" + sequence + ",";
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        throw new AssertionError("no entry " + partition + "/" + sequence);
    }

    /** An extract of the entries of {@code target}, each proven against the latest checkpoint. */
    private List<String> extract(String target) {
        Checkpoint latest = ledger.checkpoints.get(ledger.checkpoints.size() - 1);
        List<Entry> leaves = TreeOrder.leaves(ledger.entries, ledger.checkpoints);
        List<byte[]> hashes = TreeOrder.leafHashes(leaves);
        List<String> lines = new ArrayList<>();
        lines.add("{\"type\":\"header\",\"format\":\"greenlight-ledger-export/v1\",\"scope\":\"release\",\"partitions\":3}");
        for (int i = 0; i < leaves.size(); i++) {
            if (leaves.get(i).target().equals(target)) {
                ObjectNode node = LedgerJson.MAPPER.createObjectNode().put("type", "entry");
                node.setAll(LedgerJson.entry(leaves.get(i)));
                node.set("inclusion", LedgerJson.proof(new InclusionProof(i, latest.treeSize(),
                        MerkleTree.inclusionProof(hashes, i, latest.treeSize()))));
                lines.add(LedgerJson.MAPPER.writeValueAsString(node));
            }
        }
        lines.add(checkpointLine(latest));
        return lines;
    }

    private static String checkpointLine(Checkpoint checkpoint) {
        ObjectNode node = LedgerJson.MAPPER.createObjectNode().put("type", "checkpoint");
        node.setAll(LedgerJson.checkpoint(checkpoint));
        return LedgerJson.MAPPER.writeValueAsString(node);
    }

    @Test
    void honestExportAndExtractVerify() throws IOException {
        VerificationReport whole = verify(ledger.export());
        VerificationReport part = verify(extract("target-3"));

        assertThat(whole.ok()).as(String.valueOf(whole.failure())).isTrue();
        assertThat(whole.entries()).isEqualTo(90);
        assertThat(part.ok()).as(String.valueOf(part.failure())).isTrue();
        assertThat(part.entries()).isEqualTo(16);
    }

    @Test
    void headerSwitchWithThreeDeletedEntries() throws IOException {
        List<String> lines = new ArrayList<>(ledger.export());
        lines.set(0, lines.get(0).replace("\"scope\":\"ledger\"", "\"scope\":\"release\""));
        lines.remove(lineOf(lines, 1, 10));
        lines.remove(lineOf(lines, 1, 11));
        lines.remove(lineOf(lines, 1, 12));

        Failure failure = failure(lines);

        assertThat(failure.reason()).isEqualTo(Failure.Reason.MISSING_ENTRY);
        assertThat(failure.location()).isEqualTo("line " + (lineOf(lines, 1, 13) + 1));
    }

    @Test
    void strippedCheckpoints() throws IOException {
        List<String> lines = new ArrayList<>(ledger.export());
        lines.removeIf(line -> line.startsWith("{\"type\":\"checkpoint\""));

        Failure failure = failure(lines);

        assertThat(failure.reason()).isEqualTo(Failure.Reason.NO_CHECKPOINT);
        assertThat(failure.location()).isEqualTo("end of file (line " + lines.size() + ")");
    }

    @Test
    void deletedEntryInTheMiddle() throws IOException {
        List<String> lines = new ArrayList<>(ledger.export());
        lines.remove(lineOf(lines, 2, 15));

        Failure failure = failure(lines);

        assertThat(failure.reason()).isEqualTo(Failure.Reason.MISSING_ENTRY);
        assertThat(failure.sequence()).isEqualTo(15);
        assertThat(failure.location()).isEqualTo("line " + (lineOf(lines, 2, 16) + 1));
    }

    @Test
    void insertedEntry() throws IOException {
        List<String> lines = new ArrayList<>(ledger.export());
        int at = lineOf(lines, 0, 7);
        lines.add(at + 1, lines.get(at));

        Failure failure = failure(lines);

        assertThat(failure.reason()).isEqualTo(Failure.Reason.CHAIN_BREAK);
        assertThat(failure.location()).isEqualTo("line " + (at + 2));
    }

    @Test
    void swappedLines() throws IOException {
        List<String> lines = new ArrayList<>(ledger.export());
        int at = lineOf(lines, 0, 7);
        Collections.swap(lines, at, at + 1);

        Failure failure = failure(lines);

        assertThat(failure.reason()).isEqualTo(Failure.Reason.REORDERED);
        assertThat(failure.location()).isEqualTo("line " + (at + 1));
    }

    @Test
    void malformedCheckpointLine() throws IOException {
        List<String> lines = new ArrayList<>(ledger.export());
        int last = lines.size() - 1;
        lines.set(last, lines.get(last).replace("\"signature\"", "\"sig\""));

        Failure failure = failure(lines);

        assertThat(failure.reason()).isEqualTo(Failure.Reason.CHECKPOINT_SIGNATURE_INVALID);
        assertThat(failure.location()).isEqualTo("line " + (last + 1));
    }

    @Test
    void extractEntryWithoutProof() throws IOException {
        List<String> lines = extract("target-3");
        lines.set(3, lines.get(3).replaceAll(",\"inclusion\":\\{.*\\}\\}$", "}"));

        Failure failure = failure(lines);

        assertThat(failure.reason()).isEqualTo(Failure.Reason.MISSING_PROOF);
        assertThat(failure.location()).isEqualTo("line 4");
    }

    @Test
    void extractProofAgainstACheckpointNotInTheFile() throws IOException {
        List<String> lines = extract("target-3");
        lines.set(lines.size() - 1, checkpointLine(ledger.checkpoints.get(0)));

        Failure failure = failure(lines);

        assertThat(failure.reason()).isEqualTo(Failure.Reason.PROOF_CHECKPOINT_ABSENT);
        assertThat(failure.location()).isEqualTo("line 2");
    }

    @Test
    void extractHeaderSwitchedToLedgerIsStillAnExtract() throws IOException {
        List<String> lines = extract("target-3");
        lines.set(0, lines.get(0).replace("\"scope\":\"release\"", "\"scope\":\"ledger\""));
        lines.remove(5);

        // Entries carry proofs, so each is proven; a dropped extract entry is not detectable (nor claimed to be).
        VerificationReport report = verify(lines);
        assertThat(report.ok()).as(String.valueOf(report.failure())).isTrue();
        assertThat(report.entries()).isEqualTo(15);
        assertThat(report.tree().checkpoints()).hasSize(1);
        assertThat(report.tree().leafCount()).isZero();
    }
}
