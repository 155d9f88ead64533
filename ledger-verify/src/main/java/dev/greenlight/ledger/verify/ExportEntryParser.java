package dev.greenlight.ledger.verify;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamFactory;

/**
 * Reads an {@code entry} line of an export, as the UTF-8 bytes it is in the file, token by token: parsing,
 * not hashing, bounds offline verification, so this path makes no JSON tree, no {@code String} per line
 * and none per field (docs/ledger.md §10, "The whole path"). Jackson's byte parser reads the line in place;
 * each text field goes from the parser's characters straight into the UTF-8 {@code str} runs
 * {@link Entry} keeps (a copy when every character is ASCII, as export text fields are; encoded
 * otherwise), the hashes are read from hex and the payload from base64 without an intermediate string.
 * One parser instance serves one thread and reuses its buffers from line to line.
 *
 * <p>Strict on purpose: anything it does not expect — a missing, duplicated or unknown field, a number
 * written as a string, trailing content — throws, and the caller hands the line to the tree reader,
 * which decides what such a line is (duplicates are refused there too, so a line is never read two ways).
 * What it accepts it reads exactly as the tree reader would: the same values, the same hex and base64
 * decoders' rules, the same UTF-8 of each text field (an unpaired surrogate written as a {@code \\u}
 * escape encodes to {@code ?} either way).
 */
final class ExportEntryParser {

    /** An entry line: the entry and, in a release export, its inclusion proof. */
    record Parsed(Entry entry, Optional<InclusionProof> inclusion) {
    }

    private static final TokenStreamFactory JSON = LedgerJson.MAPPER.tokenStreamFactory();

    // One bit per field, so a duplicate is caught without a set of names per line.
    private static final int TYPE = 0;
    private static final int LEDGER_PARTITION = 1;
    private static final int SEQUENCE = 2;
    private static final int PREVIOUS_HASH = 3;
    private static final int ENTRY_HASH = 4;
    private static final int RECORDED_AT = 5;
    private static final int ENTRY_ID = 6;
    private static final int PRINCIPAL = 7;
    private static final int TARGET = 8;
    private static final int SOURCE_TOPIC = 9;
    private static final int SOURCE_PARTITION = 10;
    private static final int SOURCE_OFFSET = 11;
    private static final int SOURCE_EVENT_ID = 12;
    private static final int EVENT_TYPE = 13;
    private static final int SCHEMA_ID = 14;
    private static final int PAYLOAD = 15;
    private static final int PAYLOAD_SHA256 = 16;
    private static final int REASON = 17;
    private static final int INCLUSION = 18;
    /** Where the exporter read the entry (informational, not hashed). */
    private static final int LOCATION = 19;
    /** Every field but type, reason, inclusion and location. */
    private static final int REQUIRED = ((1 << 17) - 1) & ~(1 << TYPE);

    /** The text fields in encoding order; the second run starts at sourceEventId. */
    private static final int TEXT_FIELDS = 6;
    private static final int SECOND_RUN = 4;

    private final byte[][] text = new byte[TEXT_FIELDS][64];
    private final int[] textLength = new int[TEXT_FIELDS];
    /** The payload's base64 as bytes, for the JDK decoder. */
    private byte[] base64 = new byte[1024];

    /** Parses {@code line} (a whole line, UTF-8); throws on anything it does not expect. */
    static Parsed parse(String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        return new ExportEntryParser().parse(bytes, 0, bytes.length);
    }

    /** Parses {@code length} bytes of {@code line} from {@code offset}; throws on anything it does not expect. */
    Parsed parse(byte[] line, int offset, int length) {
        try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), line, offset, length)) {
            expect(parser.nextToken(), JsonToken.START_OBJECT);
            int seen = 0;
            int ledgerPartition = 0;
            int sourcePartition = 0;
            int schemaId = 0;
            long sequence = 0;
            long recordedAt = 0;
            long sourceOffset = 0;
            byte[] previousHash = null;
            byte[] entryHash = null;
            byte[] payload = null;
            byte[] payloadSha256 = null;
            String reason = null;
            InclusionProof inclusion = null;
            String name;
            while ((name = parser.nextName()) != null) {
                JsonToken value = parser.nextToken();
                int field;
                switch (name) {
                    case "type" -> {
                        expect(value, JsonToken.VALUE_STRING);
                        if (!isEntry(parser)) {
                            throw new IllegalArgumentException("not an entry");
                        }
                        field = TYPE;
                    }
                    case "ledgerPartition" -> {
                        ledgerPartition = integer(parser, value);
                        field = LEDGER_PARTITION;
                    }
                    case "sequence" -> {
                        sequence = number(parser, value);
                        field = SEQUENCE;
                    }
                    case "previousHash" -> {
                        previousHash = hex(parser, value);
                        field = PREVIOUS_HASH;
                    }
                    case "entryHash" -> {
                        entryHash = hex(parser, value);
                        field = ENTRY_HASH;
                    }
                    case "recordedAt" -> {
                        recordedAt = number(parser, value);
                        field = RECORDED_AT;
                    }
                    case "entryId" -> field = text(parser, value, 0, ENTRY_ID);
                    case "principal" -> field = text(parser, value, 1, PRINCIPAL);
                    case "target" -> field = text(parser, value, 2, TARGET);
                    case "sourceTopic" -> field = text(parser, value, 3, SOURCE_TOPIC);
                    case "sourcePartition" -> {
                        sourcePartition = integer(parser, value);
                        field = SOURCE_PARTITION;
                    }
                    case "sourceOffset" -> {
                        sourceOffset = number(parser, value);
                        field = SOURCE_OFFSET;
                    }
                    case "sourceEventId" -> field = text(parser, value, 4, SOURCE_EVENT_ID);
                    case "eventType" -> field = text(parser, value, 5, EVENT_TYPE);
                    case "schemaId" -> {
                        schemaId = integer(parser, value);
                        field = SCHEMA_ID;
                    }
                    case "payload" -> {
                        payload = base64(parser, value);
                        field = PAYLOAD;
                    }
                    case "payloadSha256" -> {
                        payloadSha256 = hex(parser, value);
                        field = PAYLOAD_SHA256;
                    }
                    case "reason" -> {
                        reason = value == JsonToken.VALUE_NULL ? null : string(parser, value);
                        field = REASON;
                    }
                    case "inclusion" -> {
                        inclusion = inclusion(parser, value);
                        field = INCLUSION;
                    }
                    case "location" -> {
                        expect(value, JsonToken.VALUE_STRING);
                        field = LOCATION;
                    }
                    default -> throw new IllegalArgumentException("unexpected field " + name);
                }
                seen = once(seen, field, name);
            }
            if (parser.nextToken() != null) {
                throw new IllegalArgumentException("trailing content");
            }
            if ((seen & REQUIRED) != REQUIRED) {
                throw new IllegalArgumentException("missing field");
            }
            Entry entry = new Entry(ledgerPartition, sequence, previousHash, entryHash, recordedAt, encodedText(),
                    secondRun(), sourcePartition, sourceOffset, schemaId, payload, payloadSha256, reason);
            return new Parsed(entry, Optional.ofNullable(inclusion));
        }
    }

    private static boolean isEntry(JsonParser parser) {
        char[] chars = parser.getStringCharacters();
        int from = parser.getStringOffset();
        return parser.getStringLength() == 5 && chars[from] == 'e' && chars[from + 1] == 'n' && chars[from + 2] == 't'
                && chars[from + 3] == 'r' && chars[from + 4] == 'y';
    }

    private static int once(int seen, int field, String name) {
        if ((seen & (1 << field)) != 0) {
            throw new IllegalArgumentException("duplicate field " + name);
        }
        return seen | 1 << field;
    }

    /** The six text fields as {@link Entry#text()} holds them. */
    private byte[] encodedText() {
        int size = 0;
        for (int f = 0; f < TEXT_FIELDS; f++) {
            size += 4 + textLength[f];
        }
        byte[] out = new byte[size];
        int at = 0;
        for (int f = 0; f < TEXT_FIELDS; f++) {
            at = EntryEncoding.putText(out, at, text[f], textLength[f]);
        }
        return out;
    }

    private int secondRun() {
        int at = 0;
        for (int f = 0; f < SECOND_RUN; f++) {
            at += 4 + textLength[f];
        }
        return at;
    }

    /** A text field's UTF-8 into slot {@code slot}: copied when every character is ASCII, encoded otherwise. */
    private int text(JsonParser parser, JsonToken token, int slot, int field) {
        expect(token, JsonToken.VALUE_STRING);
        char[] chars = parser.getStringCharacters();
        int from = parser.getStringOffset();
        int length = parser.getStringLength();
        byte[] out = text[slot];
        if (out.length < length) {
            out = new byte[Math.max(length, 2 * out.length)];
            text[slot] = out;
        }
        for (int i = 0; i < length; i++) {
            char c = chars[from + i];
            if (c >= 0x80) {
                byte[] utf8 = new String(chars, from, length).getBytes(StandardCharsets.UTF_8);
                text[slot] = utf8.length > out.length ? utf8 : out;
                System.arraycopy(utf8, 0, text[slot], 0, utf8.length);
                textLength[slot] = utf8.length;
                return field;
            }
            out[i] = (byte) c;
        }
        textLength[slot] = length;
        return field;
    }

    /** Hex as {@link java.util.HexFormat#parseHex} reads it (an even number of 0-9, a-f, A-F), from the characters. */
    private static byte[] hex(JsonParser parser, JsonToken token) {
        expect(token, JsonToken.VALUE_STRING);
        char[] chars = parser.getStringCharacters();
        int from = parser.getStringOffset();
        int length = parser.getStringLength();
        if ((length & 1) != 0) {
            throw new IllegalArgumentException("odd hex length");
        }
        byte[] out = new byte[length / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) (digit(chars[from + 2 * i]) << 4 | digit(chars[from + 2 * i + 1]));
        }
        return out;
    }

    private static int digit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        throw new IllegalArgumentException("not a hex digit");
    }

    /** Base64 through the JDK's basic decoder, as the tree reader decodes it, without making a string. */
    private byte[] base64(JsonParser parser, JsonToken token) {
        expect(token, JsonToken.VALUE_STRING);
        char[] chars = parser.getStringCharacters();
        int from = parser.getStringOffset();
        int length = parser.getStringLength();
        if (base64.length < length) {
            base64 = new byte[Math.max(length, 2 * base64.length)];
        }
        byte[] ascii = base64;
        for (int i = 0; i < length; i++) {
            char c = chars[from + i];
            if (c >= 0x80) {
                throw new IllegalArgumentException("not base64");
            }
            ascii[i] = (byte) c;
        }
        ByteBuffer decoded = Base64.getDecoder().decode(ByteBuffer.wrap(ascii, 0, length));
        byte[] array = decoded.array();
        return decoded.arrayOffset() == 0 && decoded.position() == 0 && decoded.remaining() == array.length ? array
                : Arrays.copyOfRange(array, decoded.arrayOffset() + decoded.position(),
                        decoded.arrayOffset() + decoded.limit());
    }

    private static InclusionProof inclusion(JsonParser parser, JsonToken token) {
        expect(token, JsonToken.START_OBJECT);
        int seen = 0;
        long leafIndex = 0;
        long treeSize = 0;
        List<byte[]> path = null;
        String name;
        while ((name = parser.nextName()) != null) {
            JsonToken value = parser.nextToken();
            int field;
            switch (name) {
                case "leafIndex" -> {
                    leafIndex = number(parser, value);
                    field = 0;
                }
                case "treeSize" -> {
                    treeSize = number(parser, value);
                    field = 1;
                }
                case "path" -> {
                    expect(value, JsonToken.START_ARRAY);
                    path = new ArrayList<>();
                    JsonToken element;
                    while ((element = parser.nextToken()) != JsonToken.END_ARRAY) {
                        path.add(hex(parser, element));
                    }
                    field = 2;
                }
                default -> throw new IllegalArgumentException("unexpected field inclusion." + name);
            }
            seen = once(seen, field, "inclusion." + name);
        }
        if (seen != 0b111) {
            throw new IllegalArgumentException("missing field in inclusion");
        }
        return new InclusionProof(leafIndex, treeSize, path);
    }

    private static int integer(JsonParser parser, JsonToken token) {
        expect(token, JsonToken.VALUE_NUMBER_INT);
        return parser.getIntValue();
    }

    private static long number(JsonParser parser, JsonToken token) {
        expect(token, JsonToken.VALUE_NUMBER_INT);
        return parser.getLongValue();
    }

    private static String string(JsonParser parser, JsonToken token) {
        expect(token, JsonToken.VALUE_STRING);
        return parser.getString();
    }

    private static void expect(JsonToken actual, JsonToken expected) {
        if (actual != expected) {
            throw new IllegalArgumentException("expected " + expected + " but found " + actual);
        }
    }
}
