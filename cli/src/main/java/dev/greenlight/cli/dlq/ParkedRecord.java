package dev.greenlight.cli.dlq;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * One record on the dead-letter topic, as an operator sees it: where it is parked, where it came
 * from and why (Spring's standard {@code kafka_dlt-*} headers, written by the services'
 * {@code DeadLetterRecoverer}), and its original key and value bytes.
 */
record ParkedRecord(int partition, long offset, String originTopic, Integer originPartition, Long originOffset,
                    String reason, byte[] key, byte[] value) {

    static ParkedRecord of(ConsumerRecord<byte[], byte[]> record) {
        Header partition = record.headers().lastHeader("kafka_dlt-original-partition");
        Header offset = record.headers().lastHeader("kafka_dlt-original-offset");
        return new ParkedRecord(record.partition(), record.offset(), text(record, "kafka_dlt-original-topic"),
                partition != null && partition.value() != null && partition.value().length == Integer.BYTES
                        ? ByteBuffer.wrap(partition.value()).getInt() : null,
                offset != null && offset.value() != null && offset.value().length == Long.BYTES
                        ? ByteBuffer.wrap(offset.value()).getLong() : null,
                text(record, "kafka_dlt-exception-message"), record.key(), record.value());
    }

    /** {@code 1:42}: how list names it and replay takes it. */
    String position() {
        return partition + ":" + offset;
    }

    /** One line: position, origin, size and reason (shortened). */
    String describe() {
        String origin = originTopic == null ? "(origin unknown)"
                : originTopic + (originPartition == null ? "" : "-" + originPartition)
                        + (originOffset == null ? "" : "@" + originOffset);
        String why = reason == null ? "(no reason)" : reason.replaceAll("\\s+", " ");
        if (why.length() > 200) {
            why = why.substring(0, 200) + "...";
        }
        return position() + "  " + origin + "  key=" + (key == null ? "-" : new String(key, StandardCharsets.UTF_8))
                + "  bytes=" + (value == null ? 0 : value.length) + "  " + why;
    }

    private static String text(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
