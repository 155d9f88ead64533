package dev.greenlight.console.board.kafka;

import dev.greenlight.console.board.domain.ReadModelRecord;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The console's read-model records as JSON: no schema registry needed for a topic only the console
 * writes and reads, and a field added later is ignored by an older instance during a rolling update.
 * A tombstone is a null value.
 */
final class ReadModelCodec {

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private ReadModelCodec() {
    }

    static byte[] encode(ReadModelRecord record) {
        return record.tombstone() ? null : JSON.writeValueAsBytes(record);
    }

    static ReadModelRecord decode(String key, byte[] value) {
        if (value == null) {
            return new ReadModelRecord(key, null, null);
        }
        ReadModelRecord read = JSON.readValue(new String(value, StandardCharsets.UTF_8), ReadModelRecord.class);
        return new ReadModelRecord(key, read.release(), read.ledger());
    }
}
