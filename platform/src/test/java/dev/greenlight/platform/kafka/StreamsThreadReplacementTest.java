package dev.greenlight.platform.kafka;

import static org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
import static org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.streams.errors.StreamsException;
import org.junit.jupiter.api.Test;

/**
 * Which dead stream thread is replaced and which stops the client: the exceptions are built the way
 * Kafka Streams 4.x wraps them ({@code StreamsProducer}: a {@code StreamsException} around the
 * producer's {@code KafkaException} around the broker's error).
 */
class StreamsThreadReplacementTest {

    private final AtomicLong now = new AtomicLong();
    private final StreamsThreadReplacement handler = new StreamsThreadReplacement("test", now::get);

    @Test
    void aBrokerFailureAfterTwoBrokersWereLostReplacesTheThread() {
        // What gate-evaluator met after kafka-2 and kafka-3 were killed and restarted.
        assertThat(handler.handle(new StreamsException("Error encountered trying to commit a transaction",
                new KafkaException("Cannot execute transactional method because we are in an error state",
                        new OutOfOrderSequenceException("out of order sequence on greenlight-gate-evidence-changelog")))))
                .isEqualTo(REPLACE_THREAD);
        assertThat(handler.handle(new StreamsException("Error encountered trying to send record",
                new TimeoutException("Expiring 3 record(s): 120000 ms has passed since batch creation"))))
                .isEqualTo(REPLACE_THREAD);
        assertThat(handler.handle(new StreamsException(new NotEnoughReplicasException("min.insync.replicas 2"))))
                .isEqualTo(REPLACE_THREAD);
    }

    @Test
    void aBugAnErrorOrAnAuthorizationFailureStopsTheClient() {
        assertThat(handler.handle(new StreamsException("Exception caught in process",
                new IllegalStateException("a processor bug")))).isEqualTo(SHUTDOWN_CLIENT);
        assertThat(handler.handle(new OutOfMemoryError("Java heap space"))).isEqualTo(SHUTDOWN_CLIENT);
        assertThat(handler.handle(new StreamsException(new KafkaException(
                new TopicAuthorizationException("not authorized to write greenlight.decisions")))))
                .isEqualTo(SHUTDOWN_CLIENT);
        // A silent registry or a poison record: a new thread would read the same record again at once.
        assertThat(handler.handle(new StreamsException("Deserialization exception handler is set to fail",
                new SerializationException("registry unavailable", new TimeoutException("read timed out")))))
                .isEqualTo(SHUTDOWN_CLIENT);
        assertThat(handler.handle(new StreamsException(new KafkaException("no cause given"))))
                .isEqualTo(SHUTDOWN_CLIENT);
    }

    @Test
    void aFailureThatKeepsComingBackIsNotTransientAndStopsTheClient() {
        StreamsException outage = new StreamsException(new TimeoutException("no broker"));
        for (int i = 0; i < StreamsThreadReplacement.MAX_REPLACEMENTS; i++) {
            assertThat(handler.handle(outage)).as("replacement %d", i + 1).isEqualTo(REPLACE_THREAD);
        }
        assertThat(handler.handle(outage)).isEqualTo(SHUTDOWN_CLIENT);

        // Once the window has passed, the old replacements no longer count.
        now.addAndGet(StreamsThreadReplacement.WINDOW.toNanos() + 1);
        assertThat(handler.handle(outage)).isEqualTo(REPLACE_THREAD);
    }
}
