package dev.greenlight.cli.bench;

/**
 * The size of the records the raw ceilings send: taken from a real metric sample on the metrics
 * topic, written by check-ingest in this run, so the raw producer moves the same bytes per record
 * as the HTTP path it is compared with.
 *
 * @param keyBytes   the record key (the target) in bytes
 * @param valueBytes the Avro value in Confluent wire format, in bytes
 */
record RecordShape(int keyBytes, int valueBytes) {

    RecordShape {
        if (keyBytes <= 0 || valueBytes <= 0) {
            throw new IllegalArgumentException("record sizes must be positive: " + keyBytes + "/" + valueBytes);
        }
    }

    int totalBytes() {
        return keyBytes + valueBytes;
    }
}
