package dev.greenlight.ledger.verify;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Verifies a JSON Lines export with nothing but the file and the ledger's public key: no Kafka, no
 * registry, no Greenlight service. The entry point for the CLI and for auditors
 * ({@code java -cp audit-ledger.jar dev.greenlight.ledger.export.OfflineLedgerVerifier ledger.jsonl public-key.b64}).
 *
 * <p>A full export ({@code "scope":"ledger"}) is verified completely ({@link LedgerVerifier}); a
 * release export by entry hashes and inclusion proofs ({@link ExtractVerifier}). Line numbers are
 * the locations in the report. A line that is not valid JSON or not a known record type counts as a
 * foreign record of the partition it names (0 if none), like a foreign record on the topic.
 */
public final class OfflineLedgerVerifier {

    /** How the exporter starts every entry line; other lines (and odd entry lines) go through the tree reader. */
    private static final String ENTRY_LINE = "{\"type\":\"entry\",";

    private final LedgerVerifier.Progress progress;

    public OfflineLedgerVerifier(LedgerVerifier.Progress progress) {
        this.progress = progress;
    }

    public OfflineLedgerVerifier() {
        this((done, total) -> { });
    }

    /** Verifies {@code jsonl} against one key, valid at all times. */
    public VerificationReport verify(Path jsonl, PublicKey publicKey) throws IOException {
        return verify(jsonl, LedgerKeyRing.of(publicKey));
    }

    /** Verifies {@code jsonl} against the ledger's key ring (every key it signed with, and when). */
    public VerificationReport verify(Path jsonl, LedgerKeyRing publicKey) throws IOException {
        List<List<LedgerItem>> partitions = new ArrayList<>();
        List<ExtractVerifier.ProvenEntry> proven = new ArrayList<>();
        List<Checkpoint> checkpoints = new ArrayList<>();
        String scope = "ledger";
        try (BufferedReader reader = Files.newBufferedReader(jsonl, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
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
                        continue;
                    }
                }
                JsonNode node;
                try {
                    node = LedgerJson.MAPPER.readTree(line);
                } catch (JacksonException e) {
                    add(partitions, 0, new LedgerItem.Foreign(0, location, "not JSON"));
                    continue;
                }
                String type = node.path("type").asString("");
                switch (type) {
                    case "header" -> {
                        scope = node.path("scope").asString("ledger");
                        while (partitions.size() < node.path("partitions").asInt(0)) {
                            partitions.add(new ArrayList<>());
                        }
                    }
                    case "entry" -> {
                        int partition = node.path("ledgerPartition").asInt(0);
                        try {
                            var entry = LedgerJson.entry(node);
                            add(partitions, partition, new LedgerItem.Recorded(entry, location));
                            proven.add(new ExtractVerifier.ProvenEntry(entry, location,
                                    node.has("inclusion") ? Optional.of(LedgerJson.proof(node.get("inclusion")))
                                            : Optional.empty()));
                        } catch (RuntimeException e) {
                            add(partitions, partition, new LedgerItem.Foreign(partition, location,
                                    "malformed entry: " + e.getMessage()));
                        }
                    }
                    case "checkpoint" -> checkpoints.add(LedgerJson.checkpoint(node));
                    default -> {
                        int partition = node.path("partition").asInt(0);
                        add(partitions, partition, new LedgerItem.Foreign(partition, location,
                                "unknown record type '" + type + "'"));
                    }
                }
            }
        }
        if ("release".equals(scope)) {
            Optional<Checkpoint> latest = checkpoints.isEmpty() ? Optional.empty()
                    : Optional.of(checkpoints.get(checkpoints.size() - 1));
            return new ExtractVerifier(publicKey).verify(proven, latest);
        }
        return new LedgerVerifier(publicKey, progress).verify(partitions, checkpoints);
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

    /** {@code OfflineLedgerVerifier <export.jsonl> <public key or key ring: text or a file holding it>}; exit 0 when OK. */
    public static void main(String[] args) throws IOException, GeneralSecurityException {
        if (args.length != 2) {
            System.err.println("usage: OfflineLedgerVerifier <export.jsonl> <public-key (base64 X.509, key ring JSON, or a file)>");
            System.exit(2);
        }
        LedgerKeyRing key;
        try {
            key = LedgerKeyRing.read(args[1]);
        } catch (IllegalArgumentException e) {
            System.err.println("cannot read the public key or key ring: " + e.getMessage());
            System.exit(2);
            return;
        }
        VerificationReport report = new OfflineLedgerVerifier((done, total) ->
                System.err.printf("verified %d of %d entries%n", done, total)).verify(Path.of(args[0]), key);
        if (report.ok()) {
            System.out.printf("OK: %d entries, %d checkpoints, tree size %d, %d not yet checkpointed%n",
                    report.entries(), report.checkpoints(), report.treeSize(), report.uncheckpointed());
        } else {
            System.out.println("BROKEN: " + report.failure().orElseThrow());
            System.exit(1);
        }
    }
}
