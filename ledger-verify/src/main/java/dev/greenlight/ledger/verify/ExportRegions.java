package dev.greenlight.ledger.verify;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Arrays;

/**
 * An export file cut into byte ranges that any thread reads and splits into lines on its own, so reading a
 * file has no sequential part (docs/ledger.md §10, "Byte ranges"): range {@code k} is
 * {@code [k·size, (k+1)·size)} of the file, and its lines are the ones that <i>start</i> in it — from the first
 * line start at or after its first byte to the first line start at or after the next range's first byte,
 * read by a positional read (no shared file position) however far the last line runs. Every line therefore
 * belongs to exactly one range, and the ranges' lines in range order are the file's lines. Lines end as
 * {@link java.io.BufferedReader#readLine} ends them ({@code \n}, {@code \r} or {@code \r\n}; a last line without a
 * terminator counts), so line numbers — the sum of the earlier ranges' line counts — are the ones an editor
 * shows, exactly as {@link ExportLines} finds them for a stream. The lines of a range are found by
 * {@link ExportLines#split}, the one place lines are found; a line holding a byte above 0x7F must be well-formed
 * UTF-8, the first that is not is reported by its index in the range, and the caller, which knows the line
 * number, refuses the file naming it.
 */
final class ExportRegions {

    /** Bytes read past a range's end at first to find the end of its last line (more when that is not enough). */
    private static final int MARGIN = 1 << 16;

    private final FileChannel channel;
    private final long size;
    private final int regionBytes;
    /** Read-ahead: at most {@link #MARGIN}, at most a range (tiny ranges in tests read little ahead). */
    private final int margin;

    ExportRegions(FileChannel channel, long size, int regionBytes) {
        this.channel = channel;
        this.size = size;
        this.regionBytes = regionBytes;
        this.margin = Math.min(MARGIN, regionBytes);
    }

    /** A buffer {@link #read} fills without growing it for lines that end within the read-ahead. */
    byte[] buffer() {
        return new byte[regionBytes + margin + 1];
    }

    /** How many ranges the file has. */
    long count() {
        return (size + regionBytes - 1) / regionBytes;
    }

    /**
     * The lines starting in range {@code k}, read into {@code buffer} when it is large enough (the region's
     * lines then live in it until the next call with it) or into a larger array. Safe on any thread.
     */
    ExportLines.Run read(long k, byte[] buffer) throws IOException {
        long from = k * regionBytes;
        long to = Math.min(size, from + regionBytes);
        Window window = new Window(Math.max(0, from - 1), buffer);
        window.fill(Math.min(size, to + margin));
        long start = from == 0 ? 0 : window.lineStart(from);
        if (start >= to) {
            return new ExportLines.Run(window.bytes, 0, 0);
        }
        long end = to >= size ? size : window.lineStart(to);
        return new ExportLines.Run(window.bytes, (int) (start - window.base), (int) (end - window.base));
    }

    /** The bytes {@code [base, read)} of the file, read on demand. */
    private final class Window {
        final long base;
        byte[] bytes;
        long read;

        Window(long base, byte[] buffer) {
            this.base = base;
            this.bytes = buffer;
            this.read = base;
        }

        /** Reads up to {@code until} (at most the file's size). */
        void fill(long until) throws IOException {
            long want = Math.min(until, size) - base;
            if (want > bytes.length) {
                if (want > Integer.MAX_VALUE - 16) {
                    throw new IOException("a line of the export is longer than 2 GiB");
                }
                bytes = Arrays.copyOf(bytes, (int) Math.max(want, Math.min(Integer.MAX_VALUE - 16, 2L * bytes.length)));
            }
            while (read - base < want) {
                int n = channel.read(ByteBuffer.wrap(bytes, (int) (read - base), (int) (want - (read - base))), read);
                if (n < 0) {
                    throw new IOException("the export ended at byte " + read + " while being read; it was "
                            + size + " bytes long");
                }
                read += n;
            }
        }

        byte at(long position) throws IOException {
            if (position >= read) {
                fill(Math.max(position + 1, base + 2L * (read - base) + margin));
            }
            return bytes[(int) (position - base)];
        }

        /**
         * The first line start at or after {@code q} (≥ 1), or the file's size when none: a line starts after
         * {@code \n}, and after a {@code \r} that no {@code \n} follows.
         */
        long lineStart(long q) throws IOException {
            long t = q - 1;
            while (t < size) {
                if (t >= read) {
                    fill(Math.max(t + 1, base + 2L * (read - base) + margin));
                }
                int found = ExportLines.special(bytes, (int) (t - base), (int) (read - base));
                long hit = base + found;
                if (hit >= read) {
                    t = read; // nothing special up to what was read: read on
                    continue;
                }
                byte b = bytes[found];
                if (b == '\n') {
                    return hit + 1;
                }
                if (b == '\r') {
                    return hit + 1 < size && at(hit + 1) == '\n' ? hit + 2 : hit + 1;
                }
                t = hit + 1; // a tab, a byte above 0x7F: not a terminator
            }
            return size;
        }
    }
}
