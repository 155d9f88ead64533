package dev.greenlight.ledger.verify;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The fast path of reading an export: an {@code entry} line exactly as {@code LedgerExporter} writes it —
 * the fields in the exporter's order, no whitespace, numbers in their shortest form, hashes as 64 lower-case
 * hex digits, text without escapes and in ASCII — read with byte comparisons, no tokeniser (docs/ledger.md
 * §10, "The whole path"). Tokenising a line with a general JSON parser costs about as much as hashing its
 * entry, so this is what lets the whole path an auditor runs approach the SHA-256 bound.
 *
 * <p>It accepts a subset and decides nothing: any byte that is not where the layout puts it — another field
 * order, a duplicated, missing or extra field, whitespace, an escape, a non-ASCII character, upper-case hex,
 * a leading zero, a number that does not fit — makes it answer {@code null}, and the caller reads the line
 * with the strict readers ({@link ExportEntryParser}, then the tree reader), which decide what such a line
 * is. Because a value is scanned only up to its closing quote and no value may hold a quote or a backslash,
 * each field name can only be matched where the layout puts it: a line it accepts has each field exactly
 * once, and the values it reads are the ones the strict readers read (the same JDK base64 decoder; text is
 * ASCII, so its UTF-8 is its bytes). {@code ExportFastPathTest} proves both on every line kind and tampering.
 *
 * <p>One instance per thread; nothing is allocated per line beyond the entry's own arrays.
 */
final class ExportLineScanner {

    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH = 0x8080808080808080L;
    private static final long SPACES = 0x2020202020202020L;
    private static final long QUOTES = 0x2222222222222222L;
    private static final long BACKSLASHES = 0x5c5c5c5c5c5c5c5cL;

    private static final byte[] START = ascii("{\"type\":\"entry\",\"ledgerPartition\":");
    private static final byte[] SEQUENCE = ascii(",\"sequence\":");
    private static final byte[] PREVIOUS_HASH = ascii(",\"previousHash\":\"");
    private static final byte[] ENTRY_HASH = ascii("\",\"entryHash\":\"");
    private static final byte[] RECORDED_AT = ascii("\",\"recordedAt\":");
    private static final byte[] ENTRY_ID = ascii(",\"entryId\":\"");
    private static final byte[] PRINCIPAL = ascii(",\"principal\":\"");
    private static final byte[] TARGET = ascii(",\"target\":\"");
    private static final byte[] SOURCE_TOPIC = ascii(",\"sourceTopic\":\"");
    private static final byte[] SOURCE_PARTITION = ascii(",\"sourcePartition\":");
    private static final byte[] SOURCE_OFFSET = ascii(",\"sourceOffset\":");
    private static final byte[] SOURCE_EVENT_ID = ascii(",\"sourceEventId\":\"");
    private static final byte[] EVENT_TYPE = ascii(",\"eventType\":\"");
    private static final byte[] SCHEMA_ID = ascii(",\"schemaId\":");
    private static final byte[] PAYLOAD = ascii(",\"payload\":\"");
    private static final byte[] PAYLOAD_SHA256 = ascii(",\"payloadSha256\":\"");
    private static final byte[] REASON = ascii(",\"reason\":\"");
    private static final byte[] LOCATION = ascii(",\"location\":\"");
    private static final byte[] INCLUSION = ascii(",\"inclusion\":{\"leafIndex\":");
    private static final byte[] TREE_SIZE = ascii(",\"treeSize\":");
    private static final byte[] PATH = ascii(",\"path\":[");

    private static final int HEX_DIGITS = 2 * Sha256.LENGTH;
    /** Hex digit values, -1 for anything but 0-9 and a-f (upper case goes to the strict readers). */
    static final int[] HEX = new int[256];

    static {
        Arrays.fill(HEX, -1);
        for (int c = '0'; c <= '9'; c++) {
            HEX[c] = c - '0';
        }
        for (int c = 'a'; c <= 'f'; c++) {
            HEX[c] = c - 'a' + 10;
        }
    }

    /** Where each of the six text fields (encoding order) lies in the line. */
    private final int[] textFrom = new int[6];
    private final int[] textLength = new int[6];
    /** Scan position and the last number read (instance state, so no per-line object carries them). */
    private int at;
    private long number;
    /** Where the line {@link #scanLine} accepted ends (its closing brace's next byte). */
    private int lineEnd;

    /** Where the last line {@link #scanLine} accepted ends. */
    int end() {
        return lineEnd;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * The entry of the line {@code bytes[from, to)}, or null when the line is not exactly in the exporter's
     * layout (the strict readers then decide what it is).
     */
    ExportEntryParser.Parsed scan(byte[] bytes, int from, int to) {
        ExportEntryParser.Parsed parsed = scanLine(bytes, from, to);
        return parsed != null && lineEnd == to ? parsed : null;
    }

    /**
     * The entry of the line starting at {@code from} in a run of lines ending at {@code limit}, when that line
     * is exactly in the exporter's layout, or null; {@link #end()} is then where the line ends. The scanner
     * finds the line's end itself: every byte it accepts is printable ASCII, so it never steps over a line
     * terminator, and it accepts the line only when a {@code \n}, a {@code \r} or the run's end follows the
     * closing brace — the line {@link ExportLines#lineEnd} finds, with no separate pass over its bytes.
     */
    ExportEntryParser.Parsed scanLine(byte[] bytes, int from, int limit) {
        int to = limit;
        at = from;
        if (!literal(bytes, to, START) || !number(bytes, to) || !fitsInt()) {
            return null;
        }
        int ledgerPartition = (int) number;
        if (!literal(bytes, to, SEQUENCE) || !number(bytes, to)) {
            return null;
        }
        long sequence = number;
        byte[] previousHash = literal(bytes, to, PREVIOUS_HASH) ? hash(bytes, to) : null;
        byte[] entryHash = previousHash != null && literal(bytes, to, ENTRY_HASH) ? hash(bytes, to) : null;
        if (entryHash == null || !literal(bytes, to, RECORDED_AT) || !number(bytes, to)) {
            return null;
        }
        long recordedAt = number;
        if (!text(bytes, to, ENTRY_ID, 0) || !text(bytes, to, PRINCIPAL, 1) || !text(bytes, to, TARGET, 2)
                || !text(bytes, to, SOURCE_TOPIC, 3) || !literal(bytes, to, SOURCE_PARTITION) || !number(bytes, to)
                || !fitsInt()) {
            return null;
        }
        int sourcePartition = (int) number;
        if (!literal(bytes, to, SOURCE_OFFSET) || !number(bytes, to)) {
            return null;
        }
        long sourceOffset = number;
        if (!text(bytes, to, SOURCE_EVENT_ID, 4) || !text(bytes, to, EVENT_TYPE, 5)
                || !literal(bytes, to, SCHEMA_ID) || !number(bytes, to) || !fitsInt()) {
            return null;
        }
        int schemaId = (int) number;
        if (!literal(bytes, to, PAYLOAD)) {
            return null;
        }
        int payloadFrom = at;
        int payloadEnd = closingQuote(bytes, at, to);
        if (payloadEnd < 0) {
            return null;
        }
        at = payloadEnd + 1;
        byte[] payloadSha256 = literal(bytes, to, PAYLOAD_SHA256) ? hash(bytes, to) : null;
        if (payloadSha256 == null || !quote(bytes, to)) {
            return null;
        }
        String reason = null;
        if (literal(bytes, to, REASON)) {
            int end = closingQuote(bytes, at, to);
            if (end < 0) {
                return null;
            }
            reason = new String(bytes, at, end - at, StandardCharsets.US_ASCII);
            at = end + 1;
        }
        if (literal(bytes, to, LOCATION)) {
            int end = closingQuote(bytes, at, to);
            if (end < 0) {
                return null;
            }
            at = end + 1;
        }
        InclusionProof inclusion = null;
        if (literal(bytes, to, INCLUSION)) {
            inclusion = inclusion(bytes, to);
            if (inclusion == null) {
                return null;
            }
        }
        if (at >= to || bytes[at] != '}' || at + 1 < to && bytes[at + 1] != '\n' && bytes[at + 1] != '\r') {
            return null;
        }
        lineEnd = at + 1;
        byte[] payload = base64(bytes, payloadFrom, payloadEnd);
        if (payload == null) {
            return null;
        }
        Entry entry = new Entry(ledgerPartition, sequence, previousHash, entryHash, recordedAt, text(bytes),
                secondRun(), sourcePartition, sourceOffset, schemaId, payload, payloadSha256, reason);
        return new ExportEntryParser.Parsed(entry, Optional.ofNullable(inclusion));
    }

    /** {@code "leafIndex":N,"treeSize":N,"path":["hex",...]}} after {@code "inclusion":{}. */
    private InclusionProof inclusion(byte[] bytes, int to) {
        if (!number(bytes, to)) {
            return null;
        }
        long leafIndex = number;
        if (!literal(bytes, to, TREE_SIZE) || !number(bytes, to)) {
            return null;
        }
        long treeSize = number;
        if (!literal(bytes, to, PATH)) {
            return null;
        }
        List<byte[]> path = new ArrayList<>();
        if (at < to && bytes[at] == ']') {
            at++;
        } else {
            while (true) {
                byte[] hash = quote(bytes, to) ? hash(bytes, to) : null;
                if (hash == null || !quote(bytes, to) || at >= to) {
                    return null;
                }
                path.add(hash);
                byte next = bytes[at++];
                if (next == ']') {
                    break;
                }
                if (next != ',') {
                    return null;
                }
            }
        }
        if (at >= to || bytes[at] != '}') {
            return null;
        }
        at++;
        return new InclusionProof(leafIndex, treeSize, path);
    }

    private boolean literal(byte[] bytes, int to, byte[] literal) {
        int end = at + literal.length;
        if (end > to || !Arrays.equals(bytes, at, end, literal, 0, literal.length)) {
            return false;
        }
        at = end;
        return true;
    }

    private boolean quote(byte[] bytes, int to) {
        if (at < to && bytes[at] == '"') {
            at++;
            return true;
        }
        return false;
    }

    /**
     * A JSON integer in its only form the exporter writes: an optional minus, then 0 or digits not starting
     * with 0, at most 18 of them (so it fits a long); {@code -0} goes to the strict readers.
     */
    private boolean number(byte[] bytes, int to) {
        int i = at;
        boolean negative = i < to && bytes[i] == '-';
        if (negative) {
            i++;
        }
        int first = i;
        long value = 0;
        while (i < to) {
            int d = bytes[i] - '0';
            if (d < 0 || d > 9) {
                break;
            }
            value = 10 * value + d;
            i++;
        }
        int digits = i - first;
        if (digits == 0 || digits > 18 || (digits > 1 && bytes[first] == '0') || (negative && value == 0)) {
            return false;
        }
        number = negative ? -value : value;
        at = i;
        return true;
    }

    private boolean fitsInt() {
        return number == (int) number;
    }

    /** 64 lower-case hex digits and the closing quote: a 32-byte hash. */
    private byte[] hash(byte[] bytes, int to) {
        int from = at;
        if (from + HEX_DIGITS >= to || bytes[from + HEX_DIGITS] != '"') {
            return null;
        }
        byte[] out = new byte[Sha256.LENGTH];
        int bad = 0;
        for (int i = 0; i < Sha256.LENGTH; i++) {
            int high = HEX[bytes[from + 2 * i] & 0xff];
            int low = HEX[bytes[from + 2 * i + 1] & 0xff];
            bad |= high | low;
            out[i] = (byte) (high << 4 | low);
        }
        if (bad < 0) {
            return null;
        }
        at = from + HEX_DIGITS;
        return out;
    }

    /** A text field: its name, then ASCII without escapes up to the closing quote. */
    private boolean text(byte[] bytes, int to, byte[] name, int slot) {
        if (!literal(bytes, to, name)) {
            return false;
        }
        int end = closingQuote(bytes, at, to);
        if (end < 0) {
            return false;
        }
        textFrom[slot] = at;
        textLength[slot] = end - at;
        at = end + 1;
        return true;
    }

    /**
     * Where the string starting at {@code from} closes, or -1 when a backslash, a control character or a
     * non-ASCII byte comes first (or the line ends): eight bytes per step. In each word the lowest flagged
     * byte is a real one (a borrow only flags bytes above one that is itself flagged).
     */
    static int closingQuote(byte[] bytes, int from, int to) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long word = (long) LONG.get(bytes, i);
            long quote = word ^ QUOTES;
            long backslash = word ^ BACKSLASHES;
            long flagged = (word | (word - SPACES) & ~word | (quote - ONES) & ~quote
                    | (backslash - ONES) & ~backslash) & HIGH;
            if (flagged != 0) {
                int hit = i + (Long.numberOfTrailingZeros(flagged) >>> 3);
                return bytes[hit] == '"' ? hit : -1;
            }
        }
        for (; i < to; i++) {
            byte b = bytes[i];
            if (b == '"') {
                return i;
            }
            if (b < 0x20 || b == '\\') {
                return -1;
            }
        }
        return -1;
    }

    /** The JDK's basic decoder, as the strict readers decode; null when it refuses. */
    private static byte[] base64(byte[] bytes, int from, int end) {
        ByteBuffer decoded;
        try {
            decoded = Base64.getDecoder().decode(ByteBuffer.wrap(bytes, from, end - from));
        } catch (IllegalArgumentException e) {
            return null;
        }
        byte[] array = decoded.array();
        return decoded.arrayOffset() == 0 && decoded.position() == 0 && decoded.remaining() == array.length ? array
                : Arrays.copyOfRange(array, decoded.arrayOffset() + decoded.position(),
                        decoded.arrayOffset() + decoded.limit());
    }

    /** The six text fields as {@link Entry#text()} holds them: int32 length and the bytes, in encoding order. */
    private byte[] text(byte[] bytes) {
        int size = 0;
        for (int f = 0; f < 6; f++) {
            size += 4 + textLength[f];
        }
        byte[] out = new byte[size];
        int to = 0;
        for (int f = 0; f < 6; f++) {
            to = EntryEncoding.putText(out, to, bytes, textFrom[f], textLength[f]);
        }
        return out;
    }

    private int secondRun() {
        int run = 0;
        for (int f = 0; f < 4; f++) {
            run += 4 + textLength[f];
        }
        return run;
    }
}
