package dev.greenlight.platform.kafka;

import dev.greenlight.platform.registry.RegistryOutage;
import dev.greenlight.platform.registry.SchemaRegistryException;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Teaches the listeners' {@link DefaultErrorHandler} the one failure it must never give up on: a
 * record that could not be read only because the schema registry did not answer. Such a record is
 * good, so it gets an endless fixed back-off (the handler seeks back and reads it again every
 * {@code retryInterval}; no offset moves past it) and is never handed to the dead-letter recoverer;
 * every failed attempt is reported to {@link RegistryOutage}, which drives the health check.
 *
 * <p>The wait is Spring Kafka's own: the container sleeps in short steps and wakes up when it is
 * stopped, so a service shuts down promptly in the middle of an outage. Any other undecodable record
 * keeps its single attempt before it is dead-lettered (as a fatal {@link DeserializationException}
 * would), and any other listener failure the handler's default back-off.
 */
final class RegistryOutageBackOff implements RetryListener {

    private static final Logger log = LoggerFactory.getLogger(RegistryOutageBackOff.class);
    private static final BackOff NO_RETRY = new FixedBackOff(0, 0);

    private final RegistryOutage outage;
    private final BackOff untilTheRegistryAnswers;

    RegistryOutageBackOff(RegistryOutage outage, Duration retryInterval) {
        this.outage = outage;
        this.untilTheRegistryAnswers = new FixedBackOff(retryInterval.toMillis(), FixedBackOff.UNLIMITED_ATTEMPTS);
    }

    /** Installs the endless back-off for registry outages on {@code handler}. */
    DefaultErrorHandler applyTo(DefaultErrorHandler handler) {
        // Deserialization failures are fatal by default, which would skip the back-off function;
        // NO_RETRY below keeps them a single attempt unless the registry is to blame.
        handler.removeClassification(DeserializationException.class);
        handler.setBackOffFunction(this::backOff);
        handler.setRetryListeners(this);
        return handler;
    }

    /** The back-off for this failure; null: the handler's default. */
    BackOff backOff(ConsumerRecord<?, ?> record, Exception failure) {
        if (SchemaRegistryException.isRegistryUnavailable(failure)) {
            return untilTheRegistryAnswers;
        }
        return causedBy(failure, DeserializationException.class) ? NO_RETRY : null;
    }

    @Override
    public void failedDelivery(ConsumerRecord<?, ?> record, Exception failure, int deliveryAttempt) {
        if (SchemaRegistryException.isRegistryUnavailable(failure)) {
            String problem = DeadLetterRecoverer.reason(failure);
            outage.unavailable(problem);
            log.warn("Schema registry unavailable for {}-{}@{} (attempt {}); the record waits and is read again "
                    + "(not dead-lettered): {}", record.topic(), record.partition(), record.offset(),
                    deliveryAttempt, problem);
        }
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
