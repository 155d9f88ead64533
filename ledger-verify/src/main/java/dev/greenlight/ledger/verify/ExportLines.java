package dev.greenlight.ledger.verify;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The lines of a JSON Lines export as the bytes they are in the file, a chunk of whole lines at a time, so
 * the offline verifier never decodes a line into a {@code String} it does not need (docs/ledger.md §10):
 * parsing threads read each chunk in place. Lines end as {@link java.io.BufferedReader#readLine} ends them
 * ({@code \n}, {@code \r} or {@code \r\n}; a last line without a terminator counts), so line numbers are the
 * ones an editor shows. A line holding any byte above 0x7F is checked to be well-formed UTF-8, as reading
 * the file as text checked it before: a file that is not UTF-8 cannot be read ({@link IOException}), it is
 * never read two ways. The scan for terminators and high bytes looks at eight bytes at a time; it is the
 * only part of reading a file that no parsing thread can take over.
 */
final class ExportLines {

    /** Lines {@code first}, {@code first + 1}, ...: line {@code i} is {@code bytes[starts[i], ends[i])}. */
    record Chunk(byte[] bytes, int[] starts, int[] ends, int count, int first) {
    }

    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH = 0x8080808080808080L;
    private static final long SPACES = 0x2020202020202020L;

    private final InputStream in;
    private final int chunkBytes;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder();
    private byte[] buffer;
    private int filled;
    private boolean eof;
    private boolean done;
    /** The last chunk ended with {@code \r}: a {@code \n} opening the next belongs to it. */
    private boolean skipLf;
    private int nextLine = 1;

    /** @param chunkBytes bytes read per chunk (a longer line makes its chunk larger) */
    ExportLines(InputStream in, int chunkBytes) {
        this.in = in;
        this.chunkBytes = chunkBytes;
        this.buffer = new byte[chunkBytes];
    }

    /** The next chunk of whole lines, or null at the end of the file. */
    Chunk next() throws IOException {
        if (done) {
            return null;
        }
        int[] starts = new int[256];
        int[] ends = new int[256];
        int count = 0;
        int pos = 0;
        int lineStart = 0;
        boolean high = false;
        boolean opening = true;
        while (true) {
            fill();
            if (opening) {
                opening = false;
                if (skipLf && filled > 0 && buffer[0] == '\n') {
                    pos = 1;
                    lineStart = 1;
                }
                skipLf = false;
            }
            while (pos < filled) {
                int at = special(buffer, pos, filled);
                if (at == filled) {
                    pos = filled;
                    break;
                }
                byte b = buffer[at];
                pos = at + 1;
                if (b < 0) {
                    high = true;
                } else if (b == '\n' || b == '\r') {
                    if (count == starts.length) {
                        starts = Arrays.copyOf(starts, 2 * count);
                        ends = Arrays.copyOf(ends, 2 * count);
                    }
                    line(lineStart, at, high, count);
                    starts[count] = lineStart;
                    ends[count++] = at;
                    high = false;
                    if (b == '\r') {
                        if (pos < filled) {
                            pos += buffer[pos] == '\n' ? 1 : 0;
                        } else {
                            skipLf = true;
                        }
                    }
                    lineStart = pos;
                }
            }
            if (eof) {
                done = true;
                if (lineStart < filled) {
                    if (count == starts.length) {
                        starts = Arrays.copyOf(starts, count + 1);
                        ends = Arrays.copyOf(ends, count + 1);
                    }
                    line(lineStart, filled, high, count);
                    starts[count] = lineStart;
                    ends[count++] = filled;
                }
                return count == 0 ? null : chunk(buffer, starts, ends, count);
            }
            if (count > 0) {
                break;
            }
            // One line longer than the buffer: make room and read on.
            buffer = Arrays.copyOf(buffer, 2 * buffer.length);
        }
        byte[] full = buffer;
        int leftover = filled - lineStart;
        buffer = new byte[Math.max(chunkBytes, 2 * leftover)];
        System.arraycopy(full, lineStart, buffer, 0, leftover);
        filled = leftover;
        return chunk(full, starts, ends, count);
    }

    private Chunk chunk(byte[] bytes, int[] starts, int[] ends, int count) {
        Chunk chunk = new Chunk(bytes, starts, ends, count, nextLine);
        nextLine += count;
        return chunk;
    }

    /** A line with a byte above 0x7F must be well-formed UTF-8; {@code index} is its place in the chunk. */
    private void line(int from, int to, boolean high, int index) throws IOException {
        if (high) {
            try {
                utf8.reset().decode(ByteBuffer.wrap(buffer, from, to - from));
            } catch (CharacterCodingException e) {
                throw new IOException("line " + (nextLine + index) + " is not UTF-8 (" + e + ")", e);
            }
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
