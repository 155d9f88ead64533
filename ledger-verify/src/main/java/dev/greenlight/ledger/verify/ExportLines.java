package dev.greenlight.ledger.verify;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The lines of a JSON Lines export as the bytes they are in the file, so the offline verifier never decodes a
 * line into a {@code String} it does not need (docs/ledger.md §10), and the one place line ends are found: a
 * stream is read in runs of whole lines ({@link #next}), a file in byte ranges ({@link ExportRegions}), and in
 * either the reading threads find the lines with {@link #lineEnd} and {@link #nextLine}. Lines end as
 * {@link java.io.BufferedReader#readLine} ends them ({@code \n}, {@code \r} or {@code \r\n}; a last line without
 * a terminator counts), so line numbers are the ones an editor shows. A line holding any byte above 0x7F must be
 * well-formed UTF-8 ({@link #malformed}), as reading the file as text checked it before: a file that is not
 * UTF-8 cannot be read, it is never read two ways. The scan for terminators and high bytes looks at eight
 * bytes at a time.
 */
final class ExportLines {

    /** Whole lines: {@code bytes[from, to)}, ending where its last line ends (its terminator included). */
    record Run(byte[] bytes, int from, int to) {
    }

    /** Lines of a run: line {@code i} is {@code bytes[starts[i], ends[i])}, {@code i < count}. */
    record Chunk(byte[] bytes, int[] starts, int[] ends, int count) {
    }

    /** The lines of a run, and the index of the first line that is not UTF-8 and why, or -1 and null. */
    record Split(Chunk lines, int notUtf8, String why) {
    }

    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH = 0x8080808080808080L;
    private static final long SPACES = 0x2020202020202020L;

    private final InputStream in;
    private final int chunkBytes;
    private byte[] buffer;
    private int filled;
    private boolean eof;
    private boolean done;
    /** The last chunk ended with {@code \r}: a {@code \n} opening the next belongs to it. */
    private boolean skipLf;

    /** @param chunkBytes bytes read per chunk (a longer line makes its chunk larger) */
    ExportLines(InputStream in, int chunkBytes) {
        this.in = in;
        this.chunkBytes = chunkBytes;
        this.buffer = new byte[chunkBytes];
    }

    /**
     * The next run of whole lines, or null at the end of the stream: its lines are found where it is parsed
     * ({@link #lineEnd}, {@link #nextLine}), on any thread, so the reader's own thread only looks for the last
     * terminator of each chunk it reads.
     */
    Run next() throws IOException {
        if (done) {
            return null;
        }
        fill();
        int from = 0;
        if (skipLf) {
            skipLf = false;
            from = filled > 0 && buffer[0] == '\n' ? 1 : 0;
        }
        int cut;
        while (true) {
            if (eof) {
                done = true;
                cut = filled;
                break;
            }
            cut = afterLastTerminator(buffer, from, filled);
            if (cut > from) {
                // A chunk ending in \r whose \n the next read may bring: that \n ends the same line.
                skipLf = cut == filled && buffer[cut - 1] == '\r';
                break;
            }
            // One line longer than the buffer: make room and read on.
            buffer = Arrays.copyOf(buffer, 2 * buffer.length);
            fill();
        }
        if (cut == from) {
            return null; // the end of the stream, nothing after the last terminator
        }
        Run run = new Run(buffer, from, cut);
        if (!done) {
            byte[] full = buffer;
            int leftover = filled - cut;
            buffer = new byte[Math.max(chunkBytes, 2 * leftover)];
            System.arraycopy(full, cut, buffer, 0, leftover);
            filled = leftover;
        }
        return run;
    }

    /** Just after the last {@code \n} or {@code \r} in {@code bytes[from, to)}, or {@code from} when there is none. */
    private static int afterLastTerminator(byte[] bytes, int from, int to) {
        for (int i = to - 1; i >= from; i--) {
            if (bytes[i] == '\n' || bytes[i] == '\r') {
                return i + 1;
            }
        }
        return from;
    }

    /**
     * The lines of {@code bytes[from, to)}, a run of whole lines whose end is the end of its last line (a line
     * without a terminator at {@code to} counts), found by {@link #lineEnd} and {@link #nextLine}, the one
     * place line ends are found, for a stream ({@link #next}), a file's byte ranges ({@link ExportRegions}) and
     * the verifier's reading threads. Stops at the first line holding a byte above 0x7F that is not
     * well-formed UTF-8 and names it by its index in the run.
     */
    static Split split(byte[] bytes, int from, int to) {
        int[] starts = new int[256];
        int[] ends = new int[256];
        int count = 0;
        for (int pos = from; pos < to; ) {
            int found = lineEnd(bytes, pos, to);
            int end = found < 0 ? ~found : found;
            String why = found < 0 ? malformed(bytes, pos, end) : null;
            if (why != null) {
                return new Split(new Chunk(bytes, starts, ends, count), count, why);
            }
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, 2 * count);
                ends = Arrays.copyOf(ends, 2 * count);
            }
            starts[count] = pos;
            ends[count++] = end;
            pos = nextLine(bytes, end, to);
        }
        return new Split(new Chunk(bytes, starts, ends, count), -1, null);
    }

    /**
     * Where the line starting at {@code from} ends: its first {@code \n} or {@code \r}, or {@code to}; as
     * {@code ~end} (negative) when the line holds a byte above 0x7F, which must then be checked to be UTF-8
     * ({@link #malformed}).
     */
    static int lineEnd(byte[] bytes, int from, int to) {
        boolean high = false;
        int pos = from;
        while (pos < to) {
            int at = special(bytes, pos, to);
            if (at == to) {
                break;
            }
            byte b = bytes[at];
            if (b == '\n' || b == '\r') {
                return high ? ~at : at;
            }
            high |= b < 0;
            pos = at + 1;
        }
        return high ? ~to : to;
    }

    /**
     * Where the line after the one ending at {@code end} starts: past its terminator, {@code \r\n} counting as
     * one (a {@code \r} at {@code to} is followed by whatever comes next: see {@link #next}).
     */
    static int nextLine(byte[] bytes, int end, int to) {
        if (end >= to) {
            return to;
        }
        return bytes[end] == '\r' && end + 1 < to && bytes[end + 1] == '\n' ? end + 2 : end + 1;
    }

    /** Why {@code bytes[from, to)} is not well-formed UTF-8, or null when it is. */
    static String malformed(byte[] bytes, int from, int to) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes, from, to - from));
            return null;
        } catch (CharacterCodingException e) {
            return e.toString();
        }
    }

    private void fill() throws IOException {
        while (filled < buffer.length && !eof) {
            int n = in.read(buffer, filled, buffer.length - filled);
            if (n < 0) {
                eof = true;
            } else {
                filled += n;
            }
        }
    }

    /**
     * Where the first byte below 0x20 (a terminator, a tab...) or above 0x7F lies in {@code [from, to)}, or
     * {@code to}: eight bytes per step, the lowest flagged byte of a word being always a real one (a borrow
     * only flags bytes above a byte that is itself below 0x20).
     */
    static int special(byte[] bytes, int from, int to) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long word = (long) LONG.get(bytes, i);
            long flagged = (word | (word - SPACES) & ~word) & HIGH;
            if (flagged != 0) {
                return i + (Long.numberOfTrailingZeros(flagged) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (bytes[i] < 0x20) {
                return i;
            }
        }
        return to;
    }
}
