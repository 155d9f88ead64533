package dev.greenlight.ledger.verify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Verifies a JSON Lines export with nothing but the file and the ledger's public key: no Kafka, no
 * registry, no Greenlight service. The entry point for the CLI and for auditors
 * ({@code java -jar ledger-verify-<version>-standalone.jar ledger.jsonl public-key.b64}).
 *
 * <p>The verdict is decided from the data, never from what the header claims (docs/ledger.md §5):
 * a file none of whose entries carries an inclusion proof is a whole-ledger export and must chain
 * from genesis on every partition ({@link LedgerVerifier}); a file in which any entry carries one is
 * an extract, and then every entry must carry one against a signed checkpoint in the file
 * ({@link ExtractVerifier}). Either way a file without a checkpoint proves nothing and is broken.
 * Line numbers are the locations in the report. A line that is not valid JSON or not a known record
 * type counts as a foreign record of the partition it names (0 if none), like a foreign record on
 * the topic.
 */
public final class OfflineLedgerVerifier {

    /** How the exporter starts every entry line; other lines (and odd entry lines) go through the tree reader. */
    private static final String ENTRY_LINE = "{\"type\":\"entry\",";

    private final LedgerVerifier.Progress progress;
    private final int threads;

    /** @param threads hashing threads for a whole-ledger export */
    public OfflineLedgerVerifier(LedgerVerifier.Progress progress, int threads) {
        this.progress = progress;
        this.threads = threads;
    }

    /** Hashes on every available core. */
    public OfflineLedgerVerifier(LedgerVerifier.Progress progress) {
        this(progress, Runtime.getRuntime().availableProcessors());
    }

    public OfflineLedgerVerifier() {
        this((done, total) -> { });
    }

    /** Verifies {@code jsonl} against {@code publicKey}. */
    public VerificationReport verify(Path jsonl, PublicKey publicKey) throws IOException {
        List<List<LedgerItem>> partitions = new ArrayList<>();
        List<ExtractVerifier.ProvenEntry> proven = new ArrayList<>();
        List<Checkpoint> checkpoints = new ArrayList<>();
        List<String> checkpointLines = new ArrayList<>();
        LedgerItem.Foreign firstForeign = null;
        boolean anyProof = false;
        int number = 0;
        try (BufferedReader reader = Files.newBufferedReader(jsonl, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                String location = "line " + number;
                if (line.startsWith(ENTRY_LINE)) {
                    Optional<ExportEntryParser.Parsed> parsed = fastEntry(line);
                    if (parsed.isPresent()) {
                        Entry entry = parsed.get().entry();
                        add(partitions, entry.ledgerPartition(), new LedgerItem.Recorded(entry, location));
                        proven.add(new ExtractVerifier.ProvenEntry(entry, location, parsed.get().inclusion()));
                        anyProof |= parsed.get().inclusion().isPresent();
                        continue;
                    }
                }
                JsonNode node;
                try {
                    node = LedgerJson.MAPPER.readTree(line);
                } catch (JacksonException e) {
                    firstForeign = foreign(partitions, 0, location, "not JSON", firstForeign);
                    continue;
                }
                String type = node.path("type").asString("");
                switch (type) {
                    case "header" -> {
                        // Informational only (scope, release, period): nothing in it changes the verdict.
                        while (partitions.size() < Math.min(node.path("partitions").asInt(0), 1024)) {
                            partitions.add(new ArrayList<>());
                        }
                    }
                    case "entry" -> {
                        int partition = node.path("ledgerPartition").asInt(0);
                        try {
                            var entry = LedgerJson.entry(node);
                            Optional<InclusionProof> proof = node.has("inclusion")
                                    ? Optional.of(LedgerJson.proof(node.get("inclusion"))) : Optional.empty();
                            add(partitions, partition, new LedgerItem.Recorded(entry, location));
                            proven.add(new ExtractVerifier.ProvenEntry(entry, location, proof));
                            anyProof |= proof.isPresent();
                        } catch (RuntimeException e) {
                            firstForeign = foreign(partitions, partition, location, "malformed entry: " + e.getMessage(),
                                    firstForeign);
                        }
                    }
                    case "checkpoint" -> {
                        try {
                            checkpoints.add(LedgerJson.checkpoint(node));
                            checkpointLines.add(location);
                        } catch (RuntimeException e) {
                            return broken(new Failure(Failure.Reason.CHECKPOINT_SIGNATURE_INVALID, -1,
                                    checkpoints.size(), location, "malformed checkpoint: " + e.getMessage()));
                        }
                    }
                    default -> {
                        int partition = node.path("partition").asInt(0);
                        firstForeign = foreign(partitions, partition, location, "unknown record type '" + type + "'",
                                firstForeign);
                    }
                }
            }
        }
        if (checkpoints.isEmpty()) {
            return broken(new Failure(Failure.Reason.NO_CHECKPOINT, -1, 0, "end of file (line " + number + ")",
                    "the export holds no checkpoint, so nothing in it is signed"));
        }
        if (anyProof) {
            if (firstForeign != null) {
                return broken(new Failure(Failure.Reason.FOREIGN_RECORD, firstForeign.partition(), 0,
                        firstForeign.location(), "not a ledger entry: " + firstForeign.why()));
            }
            return new ExtractVerifier(publicKey).verify(proven, checkpoints, checkpointLines);
        }
        return new LedgerVerifier(publicKey, progress, threads).verify(partitions, checkpoints, checkpointLines);
    }

    private static VerificationReport broken(Failure failure) {
        return new VerificationReport(0, 0, 0, 0, new TreeMap<>(), Optional.of(failure));
    }

    private static LedgerItem.Foreign foreign(List<List<LedgerItem>> partitions, int partition, String location,
            String why, LedgerItem.Foreign first) {
        LedgerItem.Foreign foreign = new LedgerItem.Foreign(Math.max(partition, 0), location, why);
        add(partitions, partition, foreign);
        return first == null ? foreign : first;
    }

    /** Empty (use the tree reader) for anything the strict streaming reader does not accept. */
    private static Optional<ExportEntryParser.Parsed> fastEntry(String line) {
        try {
            ExportEntryParser.Parsed parsed = ExportEntryParser.parse(line);
            return parsed.entry().ledgerPartition() >= 0 ? Optional.of(parsed) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static void add(List<List<LedgerItem>> partitions, int partition, LedgerItem item) {
        int p = Math.max(partition, 0);
        while (partitions.size() <= p) {
            partitions.add(new ArrayList<>());
        }
        partitions.get(p).add(item);
    }

    /**
     * {@code OfflineLedgerVerifier <export.jsonl> <public key: base64 X.509 or a file holding it>}:
     * prints {@code OK: ...} and exits 0, or {@code BROKEN: ...} and exits 1; 2 for bad arguments.
     */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** {@link #main} without exiting: the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 2) {
            err.println("usage: java -jar ledger-verify-standalone.jar <export.jsonl> "
                    + "<public-key (base64 X.509 or a file holding it)>");
            return 2;
        }
        PublicKey key;
        try {
            Path keyPath = Path.of(args[1]);
            String keyText = Files.isRegularFile(keyPath) ? Files.readString(keyPath).trim() : args[1];
            key = Ed25519Keys.publicKey(Base64.getMimeDecoder().decode(keyText));
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            err.println("cannot read the public key " + args[1] + ": " + e.getMessage());
            return 2;
        }
        VerificationReport report;
        try {
            report = new OfflineLedgerVerifier((done, total) -> err.printf("verified %d of %d entries%n", done, total))
                    .verify(Path.of(args[0]), key);
        } catch (IOException e) {
            err.println("cannot read " + args[0] + ": " + e.getMessage());
            return 2;
        }
        if (report.ok()) {
            out.printf("OK: %d entries, %d checkpoints, tree size %d, %d not yet checkpointed%n",
                    report.entries(), report.checkpoints(), report.treeSize(), report.uncheckpointed());
            return 0;
        }
        out.println("BROKEN: " + report.failure().orElseThrow());
        return 1;
    }
}
