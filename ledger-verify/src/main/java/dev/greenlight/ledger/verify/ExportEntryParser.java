package dev.greenlight.ledger.verify;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Reads an {@code entry} line of an export token by token instead of through a JSON tree: parsing, not
 * hashing, bounds offline verification, and building a tree per line costs more than the whole check.
 * Strict on purpose: anything it does not expect (a missing field, a number written as a string) throws,
 * and the caller falls back to the tree reader, which decides what such a line is.
 */
final class ExportEntryParser {

    /** An entry line: the entry and, in a release export, its inclusion proof. */
    record Parsed(Entry entry, Optional<InclusionProof> inclusion) {
    }

    private ExportEntryParser() {
    }

    static Parsed parse(String line) {
        try (JsonParser parser = LedgerJson.MAPPER.createParser(line)) {
            expect(parser.nextToken(), JsonToken.START_OBJECT);
            Integer ledgerPartition = null;
            Integer sourcePartition = null;
            Integer schemaId = null;
            Long sequence = null;
            Long recordedAt = null;
            Long sourceOffset = null;
            String previousHash = null;
            String entryHash = null;
            String entryId = null;
            String principal = null;
            String target = null;
            String sourceTopic = null;
            String sourceEventId = null;
            String eventType = null;
            String payload = null;
            String payloadSha256 = null;
            String reason = null;
            InclusionProof inclusion = null;
            String name;
            while ((name = parser.nextName()) != null) {
                JsonToken value = parser.nextToken();
                switch (name) {
                    case "ledgerPartition" -> ledgerPartition = integer(parser, value);
                    case "sourcePartition" -> sourcePartition = integer(parser, value);
                    case "schemaId" -> schemaId = integer(parser, value);
                    case "sequence" -> sequence = number(parser, value);
                    case "recordedAt" -> recordedAt = number(parser, value);
                    case "sourceOffset" -> sourceOffset = number(parser, value);
                    case "previousHash" -> previousHash = string(parser, value);
                    case "entryHash" -> entryHash = string(parser, value);
                    case "entryId" -> entryId = string(parser, value);
                    case "principal" -> principal = string(parser, value);
                    case "target" -> target = string(parser, value);
                    case "sourceTopic" -> sourceTopic = string(parser, value);
                    case "sourceEventId" -> sourceEventId = string(parser, value);
                    case "eventType" -> eventType = string(parser, value);
                    case "payload" -> payload = string(parser, value);
                    case "payloadSha256" -> payloadSha256 = string(parser, value);
                    case "reason" -> reason = value == JsonToken.VALUE_NULL ? null : string(parser, value);
                    case "inclusion" -> inclusion = inclusion(parser, value);
                    default -> parser.skipChildren();
                }
            }
            if (parser.nextToken() != null) {
                throw new IllegalArgumentException("trailing content");
            }
            Entry entry = new Entry(required(ledgerPartition), required(sequence), Sha256.unhex(required(previousHash)),
                    Sha256.unhex(required(entryHash)), Instant.ofEpochMilli(required(recordedAt)), required(entryId),
                    required(principal), required(target), required(sourceTopic), required(sourcePartition),
                    required(sourceOffset), required(sourceEventId), required(eventType), required(schemaId),
                    Base64.getDecoder().decode(required(payload)), Sha256.unhex(required(payloadSha256)), reason);
            return new Parsed(entry, Optional.ofNullable(inclusion));
        }
    }

    private static InclusionProof inclusion(JsonParser parser, JsonToken token) {
        expect(token, JsonToken.START_OBJECT);
        Long leafIndex = null;
        Long treeSize = null;
        List<byte[]> path = null;
        String name;
        while ((name = parser.nextName()) != null) {
            JsonToken value = parser.nextToken();
            switch (name) {
                case "leafIndex" -> leafIndex = number(parser, value);
                case "treeSize" -> treeSize = number(parser, value);
                case "path" -> {
                    expect(value, JsonToken.START_ARRAY);
                    path = new ArrayList<>();
                    JsonToken element;
                    while ((element = parser.nextToken()) != JsonToken.END_ARRAY) {
                        path.add(Sha256.unhex(string(parser, element)));
                    }
                }
                default -> parser.skipChildren();
            }
        }
        return new InclusionProof(required(leafIndex), required(treeSize), required(path));
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

    private static <T> T required(T value) {
        if (value == null) {
            throw new IllegalArgumentException("missing field");
        }
        return value;
    }
}
