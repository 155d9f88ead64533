package dev.greenlight.gate.decision.kafka;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * A test-only {@code producer.interceptor.classes} entry that names the Streams application in a
 * header of every record it sends, so a test running two gate applications on one broker can tell
 * their decisions apart on the shared decisions topic. The name is the producer setting
 * {@value #CONFIG} (pass {@code producer.}{@value #CONFIG} to Streams).
 */
public final class AppTag implements ProducerInterceptor<byte[], byte[]> {

    public static final String CONFIG = "greenlight.test.app";
    public static final String HEADER = "greenlight-test-app";

    private byte[] app;

    @Override
    public ProducerRecord<byte[], byte[]> onSend(ProducerRecord<byte[], byte[]> record) {
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        headers.add(HEADER, app);
        return new ProducerRecord<>(record.topic(), record.partition(), record.timestamp(), record.key(),
                record.value(), headers);
    }

    @Override
    public void onAcknowledgement(RecordMetadata metadata, Exception exception) {
    }

    @Override
    public void close() {
    }

    @Override
    public void configure(Map<String, ?> configs) {
        app = String.valueOf(configs.get(CONFIG)).getBytes(StandardCharsets.UTF_8);
    }
}
