package dev.greenlight.ledger.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file verified in byte ranges ({@link ExportRegions}, each range read, split, parsed and hashed by any
 * thread) has exactly the lines {@code readLine} finds, numbered alike, whatever the range size — a range
 * smaller than a line, a {@code \r\n} cut between two ranges —, refuses a file that is not UTF-8 naming its
 * line, and verifies to the same report as the stream on any number of threads, tampered or not.
 */
class ExportRegionsTest {

    private static final LedgerKeyRing KEY = LedgerKeyRing.of(TestLedger.KEYS.getPublic());

    @TempDir
    Path dir;

    @Test
    void theRangesHoldTheLinesReadLineFindsWhateverTheirSize() throws IOException {
        String[] pieces = {"a", "{\"x\":1}", "é", "𝄞", "\n", "\r", "\r\n", "\t", "0123456789abcdef"};
        Random random = new Random(11);
        Path file = dir.resolve("lines.txt");
        for (int round = 0; round < 300; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(40); i > 0; i--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            Files.writeString(file, text);
            List<String> expected = new BufferedReader(new StringReader(text.toString())).lines().toList();
            for (int region : new int[] {1, 2, 3, 8, 17, 1 << 20}) {
                assertThat(lines(file, region)).as("ranges of %d of %s", region, text).isEqualTo(expected);
            }
        }
    }

    private static List<String> lines(Path file, int regionBytes) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ExportRegions regions = new ExportRegions(channel, channel.size(), regionBytes);
            List<String> lines = new ArrayList<>();
            for (long k = 0; k < regions.count(); k++) {
                ExportDecodingTest.addLines(regions.read(k, regions.buffer()), lines);
            }
            return lines;
        }
    }

    @Test
    void aFileThatIsNotUtf8IsRefusedNamingItsLineWhateverTheRanges() throws IOException {
        List<String> lines = new TestLedger(30, 10).export();
        int at = 7;
        byte[] before = (String.join("\n", lines.subList(0, at)) + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] line = lines.get(at).getBytes(StandardCharsets.UTF_8);
        line[line.length / 2] = (byte) 0xC3; // a lead byte followed by ASCII: malformed
        byte[] after = ("\n" + String.join("\n", lines.subList(at + 1, lines.size())) + "\n")
                .getBytes(StandardCharsets.UTF_8);
        Path file = dir.resolve("not-utf8.jsonl");
        try (var out = Files.newOutputStream(file)) {
            out.write(before);
            out.write(line);
            out.write(after);
        }
        for (int threads : new int[] {1, 2}) {
            for (int region : new int[] {5, 700, 1 << 20}) {
                OfflineLedgerVerifier verifier = new OfflineLedgerVerifier((d, t) -> { }, threads, true);
                assertThatThrownBy(() -> verifier.verify(file, KEY, region)).as("ranges of %d", region)
                        .isInstanceOf(IOException.class).hasMessageContaining("line " + (at + 1) + " is not UTF-8");
            }
        }
    }

    @Test
    void aFileInRangesVerifiesAsTheStreamOnAnyNumberOfThreads() throws IOException {
        TestLedger ledger = new TestLedger(3_000, 500);
        List<String> honest = ledger.export();
        List<String> swapped = new ArrayList<>(honest);
        swapped.set(1_200, honest.get(1_201));
        swapped.set(1_201, honest.get(1_200));
        List<String> deleted = new ArrayList<>(honest);
        deleted.remove(2_500);
        List<String> altered = new ArrayList<>(honest);
        altered.set(40, honest.get(40).replace("\"target\":\"", "\"target\":\"x"));
        for (List<String> lines : List.of(honest, swapped, deleted, altered)) {
            Path file = dir.resolve("export.jsonl");
            Files.writeString(file, String.join("\n", lines) + "\n");
            VerificationReport stream;
            try (var in = Files.newInputStream(file)) {
                stream = new OfflineLedgerVerifier((d, t) -> { }, 1).verify(in, KEY);
            }
            assertThat(stream.ok()).as(String.valueOf(stream.failure())).isEqualTo(lines == honest);
            for (int threads : new int[] {1, 2, 4}) {
                for (int region : new int[] {1_000, 65_536, OfflineLedgerVerifier.REGION_BYTES}) {
                    VerificationReport ranges = new OfflineLedgerVerifier((d, t) -> { }, threads, true)
                            .verify(file, KEY, region);
                    assertThat(ranges.ok()).isEqualTo(stream.ok());
                    assertThat(ranges.failure()).isEqualTo(stream.failure());
                    assertThat(new long[] {ranges.entries(), ranges.checkpoints(), ranges.treeSize(),
                            ranges.uncheckpointed()}).containsExactly(stream.entries(), stream.checkpoints(),
                                    stream.treeSize(), stream.uncheckpointed());
                }
            }
        }
    }
}
