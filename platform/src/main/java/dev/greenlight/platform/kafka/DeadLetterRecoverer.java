package dev.greenlight.platform.kafka;

import dev.greenlight.platform.registry.RegistryOutage;
import dev.greenlight.platform.registry.SchemaRegistryException;
import dev.greenlight.platform.topics.Topics;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

/**
 * Parks a record that cannot be processed on {@link Topics#DEAD_LETTER} so the consumer can move on
 * instead of blocking its partition forever. Spring's standard DLT headers carry the origin topic,
 * partition, offset and the exception.
 *
 * <p>The dead-letter topic holds raw bytes only: an undecodable record keeps its original bytes (as
 * captured by the {@code ErrorHandlingDeserializer}); a record that decoded but failed in the
 * listener is written back in the wire format of its origin topic, so one tool can replay both.
 *
 * <p>A record that failed only because the schema registry did not answer is good: it is never
 * parked. Listeners do not even get here with it: their error handler backs off and reads it again
 * for as long as the registry is away ({@link RegistryOutageBackOff}). Should one arrive all the same
 * (a Kafka Streams client's deserialization handler), the recoverer reports the outage
 * ({@link RegistryOutage}) and refuses at once, without waiting on the consumer thread: the Streams
 * client stops and is restarted by its liveness probe, a listener would seek back and retry.
 */
public class DeadLetterRecoverer extends DeadLetterPublishingRecoverer {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterRecoverer.class);

    private final Serializer<Object> originValueSerializer;
    private final RegistryOutage outage;

    /**
     * @param template              sends keys (String or byte[]) and byte[] values
     * @param originValueSerializer re-encodes decoded values for their origin topic
     */
    public DeadLetterRecoverer(KafkaOperations<?, ?> template, Serializer<Object> originValueSerializer) {
        this(template, originValueSerializer, new RegistryOutage());
    }

    /**
     * @param template              sends keys (String or byte[]) and byte[] values
     * @param originValueSerializer re-encodes decoded values for their origin topic
     * @param outage                where a silent registry is reported
     */
    public DeadLetterRecoverer(KafkaOperations<?, ?> template, Serializer<Object> originValueSerializer,
            RegistryOutage outage) {
        // Partition -1: let the producer pick by key; the origin partition is kept in a header.
        super(template, (record, exception) -> new TopicPartition(Topics.DEAD_LETTER.name(), -1));
        this.originValueSerializer = originValueSerializer;
        this.outage = outage;
        setExceptionHeadersCreator(DeadLetterRecoverer::exceptionHeaders);
    }

    @Override
    public void accept(ConsumerRecord<?, ?> record, Consumer<?, ?> consumer, Exception exception) {
        if (SchemaRegistryException.isRegistryUnavailable(exception)) {
            String problem = reason(exception);
            outage.unavailable(problem);
            log.warn("Schema registry unavailable for {}-{}@{}; the record is not dead-lettered and is read "
                    + "again: {}", record.topic(), record.partition(), record.offset(), problem);
            throw new RegistryUnavailableRetry(record.topic() + "-" + record.partition() + "@" + record.offset()
                    + " waits for the schema registry: " + problem, exception);
        }
        log.warn("Dead-lettering record {}-{}@{} to {}: {}", record.topic(), record.partition(), record.offset(),
                Topics.DEAD_LETTER.name(), reason(exception));
        super.accept(record, consumer, exception);
    }

    @Override
    protected ProducerRecord<Object, Object> createProducerRecord(ConsumerRecord<?, ?> record,
            TopicPartition topicPartition, Headers headers, byte[] key, byte[] value) {
        Object outKey = key != null ? key : record.key();
        Object outValue = value != null ? value : originBytes(record);
        Integer partition = topicPartition.partition() < 0 ? null : topicPartition.partition();
        return new ProducerRecord<>(topicPartition.topic(), partition, outKey, outValue, headers);
    }

    private byte[] originBytes(ConsumerRecord<?, ?> record) {
        Object value = record.value();
        if (value == null || value instanceof byte[]) {
            return (byte[]) value;
        }
        return originValueSerializer.serialize(record.topic(), value);
    }

    /**
     * Spring's standard exception headers, except that the message is the root problem ("unknown
     * magic byte ...") rather than the wrapper's ("failed to deserialize"), which tells an operator
     * nothing.
     */
    private static void exceptionHeaders(Headers headers, Exception exception, boolean isKey, HeaderNames names) {
        HeaderNames.ExceptionInfo info = names.getExceptionInfo();
        replace(headers, isKey ? info.getKeyExceptionFqcn() : info.getExceptionFqcn(), exception.getClass().getName());
        if (!isKey && exception.getCause() != null) {
            replace(headers, info.getExceptionCauseFqcn(), exception.getCause().getClass().getName());
        }
        replace(headers, isKey ? info.getKeyExceptionMessage() : info.getExceptionMessage(), reason(exception));
        StringWriter stackTrace = new StringWriter();
        exception.printStackTrace(new PrintWriter(stackTrace));
        replace(headers, isKey ? info.getKeyExceptionStacktrace() : info.getExceptionStacktrace(),
                stackTrace.toString());
    }

    private static void replace(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** The deepest message in the chain: the wrappers only say "listener failed". */
    static String reason(Throwable exception) {
        String reason = String.valueOf(exception);
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null) {
                reason = cause.getMessage();
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return reason;
    }
}
