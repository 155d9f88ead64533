package dev.greenlight.ledger.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The offline verifier reads an export as bytes (lines found by {@link ExportLines}, entry lines read by
 * the streaming {@link ExportEntryParser} without making strings) — and must decide exactly what reading
 * the file as text and each line as a JSON tree decided: the same lines, the same values, the same
 * hashes, non-ASCII text and escapes included; a duplicated, missing or mistyped field, or a file that is
 * not UTF-8, is still refused naming the line.
 */
class ExportDecodingTest {

    private static final LedgerKeyRing KEY = LedgerKeyRing.of(TestLedger.KEYS.getPublic());

    /** Targets with a two-, a three- and a four-byte UTF-8 character. */
    private final TestLedger ledger = new TestLedger(60, 20, 3, 16, "zielé-☃-𝄞-");

    private static VerificationReport verify(List<String> lines, String terminator) throws IOException {
        String file = String.join(terminator, lines) + terminator;
        return new OfflineLedgerVerifier((d, t) -> { }, 1)
                .verify(new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)), KEY);
    }

    private static Failure failure(List<String> lines) throws IOException {
        VerificationReport report = verify(lines, "\n");
        assertThat(report.ok()).as("the export must not verify").isFalse();
        return report.failure().orElseThrow();
    }

    private List<String> export() {
        return new ArrayList<>(ledger.export());
    }

    private static int firstEntryLine(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("{\"type\":\"entry\"")) {
                return i;
            }
        }
        throw new AssertionError("no entry line");
    }

    @Test
    void theStreamingReaderReadsEveryEntryLineAsTheTreeReaderDoes() {
        List<String> lines = export();
        List<String> escaped = lines.stream()
                .map(l -> l.replace("é", "\\u00e9").replace("☃", "\\u2603").replace("𝄞", "\\ud834\\udd1e")).toList();
        List<String> lonelySurrogate = lines.stream().map(l -> l.replace("☃", "\\ud800")).toList();
        int entries = 0;
        for (List<String> form : List.of(lines, escaped, lonelySurrogate)) {
            for (String line : form) {
                if (!line.startsWith("{\"type\":\"entry\"")) {
                    continue;
                }
                Entry streamed = ExportEntryParser.parse(line).entry();
                Entry tree = LedgerJson.entry(LedgerJson.MAPPER.readTree(line));
                assertThat(EntryEncoding.encode(streamed)).as(line).isEqualTo(EntryEncoding.encode(tree));
                assertThat(streamed.target()).isEqualTo(tree.target());
                assertThat(streamed.payload()).isEqualTo(tree.payload());
                assertThat(streamed.recordedAt()).isEqualTo(tree.recordedAt());
                if (form != lonelySurrogate) {
                    assertThat(EntryEncoding.hash(streamed)).as(line).isEqualTo(streamed.entryHash());
                }
                entries++;
            }
        }
        assertThat(entries).isEqualTo(180);
    }

    @Test
    void nonAsciiTextVerifiesRawOrEscapedWithAnyLineEnd() throws IOException {
        List<String> escaped = export().stream().map(l -> l.replace("é", "\\u00e9")).toList();
        for (String terminator : List.of("\n", "\r\n", "\r")) {
            VerificationReport raw = verify(export(), terminator);
            VerificationReport unicodeEscapes = verify(escaped, terminator);
            assertThat(raw.ok()).as(terminator + ": " + raw.failure()).isTrue();
            assertThat(raw.entries()).isEqualTo(60);
            assertThat(unicodeEscapes.ok()).as(terminator + ": " + unicodeEscapes.failure()).isTrue();
        }
    }

    @Test
    void aTamperedLineIsNamedAlikeWhateverTheLineEnds() throws IOException {
        List<String> lines = export();
        int at = firstEntryLine(lines) + 4;
        lines.set(at, lines.get(at).replace("zielé-", "ziele-"));
        for (String terminator : List.of("\n", "\r\n")) {
            Failure failure = verify(lines, terminator).failure().orElseThrow();
            assertThat(failure.reason()).isEqualTo(Failure.Reason.ENTRY_HASH_MISMATCH);
            assertThat(failure.location()).isEqualTo("line " + (at + 1));
        }
    }

    @Test
    void aDuplicatedFieldIsRefusedNamingTheLine() throws IOException {
        List<String> lines = export();
        int at = firstEntryLine(lines) + 2;
        String honest = lines.get(at);
        // The same key twice, whichever value a reader would keep: the line is read no way at all.
        lines.set(at, honest.replace("\"principal\":", "\"target\":\"someone else\",\"principal\":"));
        Failure twice = failure(lines);
        lines.set(at, honest.substring(0, honest.length() - 1) + ",\"type\":\"checkpoint\"}");
        Failure typeTwice = failure(lines);

        for (Failure failure : List.of(twice, typeTwice)) {
            assertThat(failure.reason()).isEqualTo(Failure.Reason.FOREIGN_RECORD);
            assertThat(failure.location()).isEqualTo("line " + (at + 1));
            assertThat(failure.detail()).contains("Duplicate");
        }
    }

    @Test
    void aMissingOrMistypedFieldIsRefusedNamingTheLine() throws IOException {
        List<String> lines = export();
        int at = firstEntryLine(lines) + 3;
        String honest = lines.get(at);
        lines.set(at, honest.replace("\"principal\":\"audit-ledger\",", ""));
        Failure missing = failure(lines);
        lines.set(at, honest.replaceFirst("\"payload\":\"", "\"payload\":\" "));
        Failure badBase64 = failure(lines);
        lines.set(at, honest.replaceFirst("\"entryHash\":\"", "\"entryHash\":\"x"));
        Failure badHex = failure(lines);

        for (Failure failure : List.of(missing, badBase64, badHex)) {
            assertThat(failure.reason()).isEqualTo(Failure.Reason.FOREIGN_RECORD);
            assertThat(failure.location()).isEqualTo("line " + (at + 1));
        }
    }

    @Test
    void anUnknownFieldIsLeftToTheTreeReaderAndChangesNothing() throws IOException {
        List<String> lines = export();
        int at = firstEntryLine(lines);
        lines.set(at, lines.get(at).replace("\"principal\":", "\"comment\":{\"a\":[1,2]},\"principal\":"));

        VerificationReport report = verify(lines, "\n");

        assertThat(report.ok()).as(String.valueOf(report.failure())).isTrue();
    }

    @Test
    void aFileThatIsNotUtf8CannotBeRead() {
        List<String> lines = export();
        int at = firstEntryLine(lines) + 1;
        byte[] before = (String.join("\n", lines.subList(0, at)) + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] line = lines.get(at).replace("zielé", "ziel\u0001").getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < line.length; i++) {
            if (line[i] == 1) {
                line[i] = (byte) 0xC3; // a lead byte followed by '-': malformed
            }
        }
        byte[] file = new byte[before.length + line.length];
        System.arraycopy(before, 0, file, 0, before.length);
        System.arraycopy(line, 0, file, before.length, line.length);

        assertThatThrownBy(() -> new OfflineLedgerVerifier().verify(new ByteArrayInputStream(file), KEY))
                .isInstanceOf(IOException.class).hasMessageContaining("line " + (at + 1) + " is not UTF-8");
    }

    @Test
    void linesEndWhereReadLineEndsThemWhateverTheChunkSize() throws IOException {
        String[] pieces = {"a", "{\"x\":1}", "é", "𝄞", "\n", "\r", "\r\n", "\t", "0123456789abcdef"};
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(40); i > 0; i--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            List<String> expected = new BufferedReader(new StringReader(text.toString())).lines().toList();
            for (int chunk : new int[] {1, 3, 8, 17, 1 << 20}) {
                assertThat(lines(text.toString(), chunk)).as("chunk %d of %s", chunk, text).isEqualTo(expected);
            }
        }
    }

    private static List<String> lines(String text, int chunkBytes) throws IOException {
        ExportLines reader = new ExportLines(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                chunkBytes);
        List<String> lines = new ArrayList<>();
        ExportLines.Run run;
        while ((run = reader.next()) != null) {
            addLines(run, lines);
        }
        return lines;
    }

    /** The lines of {@code run} as the reading threads find them, as text (they must be UTF-8 here). */
    static void addLines(ExportLines.Run run, List<String> lines) {
        ExportLines.Split split = ExportLines.split(run.bytes(), run.from(), run.to());
        assertThat(split.notUtf8()).isEqualTo(-1);
        ExportLines.Chunk chunk = split.lines();
        for (int i = 0; i < chunk.count(); i++) {
            lines.add(new String(chunk.bytes(), chunk.starts()[i], chunk.ends()[i] - chunk.starts()[i],
                    StandardCharsets.UTF_8));
        }
    }
}
