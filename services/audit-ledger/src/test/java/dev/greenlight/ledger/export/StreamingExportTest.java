package dev.greenlight.ledger.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.ledger.verify.ItemCursor;
import dev.greenlight.ledger.domain.LedgerFixture;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The full export writes each record as it reads it: when the first entry line reaches the response,
 * only that one record has been read from the ledger, whatever its length. Counting reads instead of
 * timing bytes or measuring heap keeps the proof exact on a loaded machine.
 */
class StreamingExportTest {

    @Test
    void theFirstEntryIsWrittenBeforeTheSecondRecordIsRead() {
        LedgerFixture ledger = new LedgerFixture(3_000, 1_000);
        int[] read = {0};
        List<Integer> readWhenWritten = new ArrayList<>();
        StringWriter text = new StringWriter();
        Writer out = new Writer() {
            @Override
            public void write(char[] chars, int off, int len) {
                String s = new String(chars, off, len);
                if (s.startsWith("{\"type\":\"entry\"")) {
                    readWhenWritten.add(read[0]);
                }
                text.write(s);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };

        LedgerExporter.exportAll(ledger.items().stream().map(p -> new Counting<>(p, read)).toList(),
                new Counting<>(ledger.checkpoints, new int[1]), out);

        assertThat(readWhenWritten).hasSize(3_000);
        assertThat(readWhenWritten.get(0)).isEqualTo(1);
        assertThat(readWhenWritten).isSorted().last().isEqualTo(3_000);
        assertThat(text.toString().lines().filter(l -> l.startsWith("{\"type\":\"checkpoint\""))).hasSize(3);
    }

    /** A cursor that counts the records handed out. */
    private static final class Counting<T> implements ItemCursor<T> {
        private final Iterator<T> items;
        private final int[] read;

        Counting(List<T> items, int[] read) {
            this.items = items.iterator();
            this.read = read;
        }

        @Override
        public boolean hasNext() {
            return items.hasNext();
        }

        @Override
        public T next() {
            read[0]++;
            return items.next();
        }
    }
}
