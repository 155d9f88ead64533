package dev.greenlight.ledger.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * The fast path ({@link ExportLineScanner}, the exporter's exact layout read with byte comparisons) must
 * never decide anything the strict readers would not: on every line it takes it reads what the strict
 * streaming reader reads, it takes no line whose fields are reordered, duplicated, escaped or spaced
 * differently, and the offline verifier reports the same — OK, or the same BROKEN at the same line — with
 * and without it, on an honest export, an extract, and every tampering kind the other tests use.
 */
class ExportFastPathTest {

    private static final LedgerKeyRing KEY = LedgerKeyRing.of(TestLedger.KEYS.getPublic());

    private final TestLedger ledger = new TestLedger(90, 20);

    private static VerificationReport verify(List<String> lines, String terminator, int threads, boolean fast)
            throws IOException {
        String file = String.join(terminator, lines) + terminator;
        return new OfflineLedgerVerifier((d, t) -> { }, threads, fast)
                .verify(new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)), KEY);
    }

    /** The same file verified from disk, cut into byte ranges of {@code regionBytes} read by the threads. */
    private static VerificationReport verifyFile(List<String> lines, String terminator, int threads,
            int regionBytes) throws IOException {
        Path file = Files.createTempFile("export", ".jsonl");
        try {
            Files.writeString(file, String.join(terminator, lines) + terminator);
            return new OfflineLedgerVerifier((d, t) -> { }, threads, true).verify(file, KEY, regionBytes);
        } finally {
            Files.delete(file);
        }
    }

    /**
     * The fast path's verdict equals the strict readers' (1 and 2 threads), from a stream and from a file cut
     * into byte ranges (a range smaller than a line, one that is not, the default); returns it.
     */
    private static VerificationReport sameVerdict(String what, List<String> lines, String terminator)
            throws IOException {
        VerificationReport strict = verify(lines, terminator, 1, false);
        for (int threads : new int[] {1, 2}) {
            assertSame(what + ", stream, " + threads + " threads", strict, verify(lines, terminator, threads, true));
            for (int region : new int[] {97, 4099, OfflineLedgerVerifier.REGION_BYTES}) {
                assertSame(what + ", file in ranges of " + region + " bytes, " + threads + " threads", strict,
                        verifyFile(lines, terminator, threads, region));
            }
        }
        return strict;
    }

    private static void assertSame(String what, VerificationReport strict, VerificationReport fast) {
        assertThat(fast.ok()).as(what).isEqualTo(strict.ok());
        assertThat(fast.failure()).as(what).isEqualTo(strict.failure());
        assertThat(new long[] {fast.entries(), fast.checkpoints(), fast.treeSize(), fast.uncheckpointed()})
                .as(what).containsExactly(strict.entries(), strict.checkpoints(), strict.treeSize(),
                        strict.uncheckpointed());
    }

    private static ExportEntryParser.Parsed scan(String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        return new ExportLineScanner().scan(bytes, 0, bytes.length);
    }

    /** Both readers read the same entry: the hashed bytes, the payload, the hashes, the reason, the proof. */
    private static void assertSameEntry(String line, ExportEntryParser.Parsed fast) {
        ExportEntryParser.Parsed strict = ExportEntryParser.parse(line);
        Entry a = fast.entry();
        Entry b = strict.entry();
        assertThat(EntryEncoding.encode(a)).as(line).isEqualTo(EntryEncoding.encode(b));
        assertThat(a.entryHash()).as(line).isEqualTo(b.entryHash());
        assertThat(a.payload()).as(line).isEqualTo(b.payload());
        assertThat(a.reason()).as(line).isEqualTo(b.reason());
        assertThat(a.recordedAt()).as(line).isEqualTo(b.recordedAt());
        assertThat(a.target()).as(line).isEqualTo(b.target());
        assertThat(fast.inclusion().isPresent()).as(line).isEqualTo(strict.inclusion().isPresent());
        fast.inclusion().ifPresent(p -> {
            InclusionProof q = strict.inclusion().orElseThrow();
            assertThat(p.leafIndex()).isEqualTo(q.leafIndex());
            assertThat(p.treeSize()).isEqualTo(q.treeSize());
            assertThat(p.path()).hasSameSizeAs(q.path());
            for (int i = 0; i < p.path().size(); i++) {
                assertThat(p.path().get(i)).isEqualTo(q.path().get(i));
            }
        });
    }

    private List<String> export() {
        return new ArrayList<>(ledger.export());
    }

    private static boolean isEntry(String line) {
        return line.startsWith("{\"type\":\"entry\"");
    }

    private static int firstEntry(List<String> lines, int after) {
        for (int i = after; i < lines.size(); i++) {
            if (isEntry(lines.get(i))) {
                return i;
            }
        }
        throw new AssertionError("no entry line");
    }

    private static List<String> withLine(List<String> lines, int index, UnaryOperator<String> change) {
        List<String> changed = new ArrayList<>(lines);
        String before = changed.get(index);
        String after = change.apply(before);
        assertThat(after).as("the change must change the line").isNotEqualTo(before);
        changed.set(index, after);
        return changed;
    }

    /** An extract of the entries of {@code target}, each proven against the latest checkpoint, as exported. */
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
        ObjectNode checkpoint = LedgerJson.MAPPER.createObjectNode().put("type", "checkpoint");
        checkpoint.setAll(LedgerJson.checkpoint(latest));
        lines.add(LedgerJson.MAPPER.writeValueAsString(checkpoint));
        return lines;
    }

    /** An undecodable entry's line as the exporter writes it (a reason, schema id -1, no event type). */
    private static String undecodableLine() {
        byte[] raw = "not avro".getBytes(StandardCharsets.US_ASCII);
        Entry unhashed = new Entry(0, 0, new byte[Sha256.LENGTH], new byte[0], Instant.ofEpochMilli(1767225600000L),
                "ledger:greenlight.checks-0@3", "audit-ledger", "ict-qm", "greenlight.checks", 0, 3, "", "",
                Entry.UNDECODABLE_SCHEMA_ID, raw, Sha256.of(raw), "not the wire format: unknown magic byte 0x6e");
        Entry entry = new Entry(0, 0, unhashed.previousHash(), EntryEncoding.hash(unhashed), unhashed.recordedAt(),
                unhashed.entryId(), unhashed.principal(), unhashed.target(), unhashed.sourceTopic(), 0, 3, "", "",
                Entry.UNDECODABLE_SCHEMA_ID, raw, unhashed.payloadSha256(), unhashed.reason());
        ObjectNode node = LedgerJson.MAPPER.createObjectNode().put("type", "entry");
        node.setAll(LedgerJson.entry(entry));
        node.put("location", "greenlight.ledger-0@0");
        return LedgerJson.MAPPER.writeValueAsString(node);
    }

    @Test
    void theFastPathTakesEveryExportedEntryLineAndReadsItAsTheStrictReaderDoes() {
        List<String> lines = new ArrayList<>(export());
        lines.addAll(extract("target-1"));
        lines.add(undecodableLine());
        int taken = 0;
        for (String line : lines) {
            if (!isEntry(line)) {
                assertThat(scan(line)).as(line).isNull();
                continue;
            }
            ExportEntryParser.Parsed fast = scan(line);
            assertThat(fast).as("an exported line in the exporter's layout: " + line).isNotNull();
            assertSameEntry(line, fast);
            taken++;
        }
        assertThat(taken).isEqualTo(lines.stream().filter(ExportFastPathTest::isEntry).count()).isGreaterThan(100);
    }

    @Test
    void aLineOutOfTheExactLayoutIsLeftToTheStrictReaders() {
        String line = export().get(firstEntry(export(), 0));
        assertThat(scan(line)).isNotNull();
        Map<String, String> variants = new LinkedHashMap<>();
        variants.put("fields reordered", line.replaceFirst("\"ledgerPartition\":(\\d+),\"sequence\":(\\d+)",
                "\"sequence\":$2,\"ledgerPartition\":$1"));
        variants.put("a field duplicated", line.replace(",\"location\":", ",\"target\":\"other\",\"location\":"));
        variants.put("a field duplicated with the same value", line.replace(",\"principal\":\"audit-ledger\"",
                ",\"principal\":\"audit-ledger\",\"principal\":\"audit-ledger\""));
        variants.put("a character escaped", line.replace("\"audit-ledger\"", "\"audit\\u002dledger\""));
        variants.put("a solidus escaped", line.replace("\"audit-ledger\"", "\"audit\\/ledger\""));
        variants.put("space after a colon", line.replace("\"sequence\":", "\"sequence\": "));
        variants.put("space before the end", line.substring(0, line.length() - 1) + " }");
        variants.put("upper-case hex", line.replaceFirst("\"entryHash\":\"([0-9a-f]+)\"",
                "\"entryHash\":\"" + hashOf(line, "entryHash").toUpperCase() + "\""));
        variants.put("a leading zero", line.replace("\"schemaId\":7", "\"schemaId\":07"));
        variants.put("minus zero", line.replaceFirst("\"sourcePartition\":0", "\"sourcePartition\":-0"));
        variants.put("a number as a string", line.replace("\"schemaId\":7", "\"schemaId\":\"7\""));
        variants.put("a number out of int range", line.replace("\"schemaId\":7", "\"schemaId\":4294967303"));
        variants.put("trailing content", line + "x");
        variants.put("a missing field", line.replace(",\"principal\":\"audit-ledger\"", ""));
        variants.put("an unknown field", line.replace(",\"location\":", ",\"extra\":1,\"location\":"));
        variants.put("a null reason", line.replace(",\"location\":", ",\"reason\":null,\"location\":"));
        variants.put("non-ASCII text", line.replace("\"audit-ledger\"", "\"audit-ledgér\""));
        variants.put("a short hash", line.replaceFirst("\"previousHash\":\"[0-9a-f]{2}", "\"previousHash\":\""));
        variants.put("cut short", line.substring(0, line.length() - 10));
        for (Map.Entry<String, String> variant : variants.entrySet()) {
            assertThat(variant.getValue()).as(variant.getKey()).isNotEqualTo(line);
            assertThat(scan(variant.getValue())).as(variant.getKey() + ": " + variant.getValue()).isNull();
        }
    }

    /** One base64 character of the Avro body changed (A and B stay in the alphabet). */
    private static String flipPayloadCharacter(String line) {
        int at = line.indexOf("\"payload\":\"") + 11 + 12;
        return line.substring(0, at) + (line.charAt(at) == 'A' ? 'B' : 'A') + line.substring(at + 1);
    }

    private static String hashOf(String line, String field) {
        int from = line.indexOf("\"" + field + "\":\"") + field.length() + 4;
        return line.substring(from, from + 64);
    }

    @Test
    void theVerdictIsTheStrictReadersOnEveryTampering() throws IOException {
        List<String> lines = export();
        int first = firstEntry(lines, 0);
        int second = firstEntry(lines, first + 1);
        int middle = firstEntry(lines, lines.size() / 3 + 5);
        Map<String, List<String>> cases = new LinkedHashMap<>();
        cases.put("honest", lines);
        List<String> header = new ArrayList<>(lines);
        header.set(0, header.get(0).replace("\"scope\":\"ledger\"", "\"scope\":\"release\""));
        header.remove(middle + 2);
        header.remove(middle + 1);
        header.remove(middle);
        cases.put("header switched, three entries deleted", header);
        cases.put("checkpoints stripped", lines.stream().filter(l -> !l.startsWith("{\"type\":\"checkpoint\"")).toList());
        List<String> deleted = new ArrayList<>(lines);
        deleted.remove(middle);
        cases.put("an entry deleted", deleted);
        List<String> inserted = new ArrayList<>(lines);
        inserted.add(middle, lines.get(middle));
        cases.put("an entry inserted twice", inserted);
        List<String> swapped = new ArrayList<>(lines);
        swapped.set(first, lines.get(second));
        swapped.set(second, lines.get(first));
        cases.put("two lines swapped", swapped);
        int checkpoint = lines.size() - 1;
        cases.put("a malformed checkpoint", withLine(lines, checkpoint, l -> l.substring(0, l.length() / 2)));
        cases.put("a payload byte changed", withLine(lines, middle, ExportFastPathTest::flipPayloadCharacter));
        cases.put("a target changed", withLine(lines, middle, l -> l.replaceFirst("\"target\":\"target-",
                "\"target\":\"tarGet-")));
        cases.put("a key duplicated", withLine(lines, middle, l -> l.replace(",\"location\":",
                ",\"target\":\"target-0\",\"location\":")));
        cases.put("fields reordered (same value)", withLine(lines, middle, l -> l.replaceFirst(
                "\"ledgerPartition\":(\\d+),\"sequence\":(\\d+)", "\"sequence\":$2,\"ledgerPartition\":$1")));
        cases.put("a value escaped (same value)", withLine(lines, middle, l -> l.replace("\"audit-ledger\"",
                "\"audit\\u002dledger\"")));
        cases.put("upper-case hex (same value)", withLine(lines, middle, l -> l.replaceFirst(
                "\"entryHash\":\"([0-9a-f]+)\"", "\"entryHash\":\"" + hashOf(l, "entryHash").toUpperCase()
                        + "\"")));
        cases.put("whitespace (same value)", withLine(lines, middle, l -> l.replace("\",\"", "\", \"")));
        cases.put("a leading zero", withLine(lines, middle, l -> l.replace("\"schemaId\":7", "\"schemaId\":07")));
        cases.put("trailing content", withLine(lines, middle, l -> l + "{}"));
        cases.put("a line that is not JSON", withLine(lines, middle, l -> "not json"));
        cases.put("a foreign record", withLine(lines, middle,
                l -> "{\"type\":\"foreign\",\"partition\":1,\"location\":\"x\",\"why\":\"appended\"}"));
        cases.put("a negative partition", withLine(lines, middle, l -> l.replaceFirst("\"ledgerPartition\":\\d+",
                "\"ledgerPartition\":-1")));
        cases.put("an extract", extract("target-2"));
        List<String> mixed = extract("target-2");
        mixed.add(1, lines.get(first));
        cases.put("an extract with an entry without proof", mixed);
        cases.put("an extract proof altered", withLine(extract("target-2"), 1,
                l -> l.replaceFirst("\"leafIndex\":(\\d+)", "\"leafIndex\":1$1")));
        java.util.Set<String> verified = new java.util.TreeSet<>();
        for (Map.Entry<String, List<String>> c : cases.entrySet()) {
            for (String terminator : new String[] {"\n", "\r\n", "\r"}) {
                if (sameVerdict(c.getKey(), c.getValue(), terminator).ok()) {
                    verified.add(c.getKey());
                }
            }
        }
        // Every case is broken but the honest files and the rewrites that keep every value.
        assertThat(verified).containsExactlyInAnyOrder("honest", "an extract", "a value escaped (same value)",
                "upper-case hex (same value)", "whitespace (same value)", "fields reordered (same value)");
    }
}
