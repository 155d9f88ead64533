package dev.greenlight.console.board.kafka;

import dev.greenlight.platform.registry.SchemaRegistryException;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One daemon thread that follows Kafka with a consumer of its own, for the console's projector and
 * its checkpoint tail: started and stopped with the application, started again a second after a
 * failure, and one rule for records that do not decode — while the schema registry is unreachable
 * the record is read again until it answers (a skipped fact would leave a view wrong), and only a
 * record that can never decode is passed over. Keeps the thread's life and that rule in one place.
 */
final class ConsumerLoop {

    /** What the thread runs until it is stopped; it hands its consumer to {@link #follow} first. */
    interface Body {
        void run() throws Exception;
    }

    private static final Logger log = LoggerFactory.getLogger(ConsumerLoop.class);
    private static final Duration RESTART_AFTER = Duration.ofSeconds(1);
    private static final Duration REGISTRY_RETRY = Duration.ofSeconds(1);

    private final String name;
    private final Object pause = new Object();
    private volatile boolean running;
    private volatile KafkaConsumer<?, ?> consumer;
    private Thread thread;

    ConsumerLoop(String name) {
        this.name = name;
    }

    void start(Body body) {
        running = true;
        thread = new Thread(() -> runForever(body), name);
        thread.setDaemon(true);
        thread.start();
    }

    void stop() {
        running = false;
        synchronized (pause) {
            pause.notifyAll(); // ends a wait for the registry or before a restart
        }
        KafkaConsumer<?, ?> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        Thread t = thread;
        if (t != null) {
            try {
                t.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    boolean running() {
        return running;
    }

    /** The consumer the body polls now ({@code null} once closed), woken up by {@link #stop}. */
    void follow(KafkaConsumer<?, ?> current) {
        consumer = current;
    }

    /**
     * One poll; a record that does not decode yields an empty poll: read again after a pause while
     * the registry is unreachable, passed over (and logged) when it can never decode.
     */
    <K, V> ConsumerRecords<K, V> poll(KafkaConsumer<K, V> c, Duration timeout) throws InterruptedException {
        try {
            return c.poll(timeout);
        } catch (RecordDeserializationException poison) {
            if (SchemaRegistryException.isRegistryUnavailable(poison)) {
                log.warn("{}: cannot decode {}@{} while the schema registry is unavailable, retrying: {}", name,
                        poison.topicPartition(), poison.offset(), poison.getMessage());
                c.seek(poison.topicPartition(), poison.offset());
                pause(REGISTRY_RETRY);
            } else {
                log.warn("{}: skipping an undecodable record at {}@{}: {}", name, poison.topicPartition(),
                        poison.offset(), poison.getMessage());
                c.seek(poison.topicPartition(), poison.offset() + 1);
            }
            return ConsumerRecords.empty();
        }
    }

    private void runForever(Body body) {
        while (running) {
            try {
                body.run();
            } catch (WakeupException | InterruptedException stopping) {
                return;
            } catch (Exception e) {
                if (!running) {
                    return;
                }
                log.warn("{} stopped, starting again: {}", name, e.toString());
                try {
                    pause(RESTART_AFTER);
                } catch (InterruptedException interrupted) {
                    return;
                }
            } finally {
                consumer = null;
            }
        }
    }

    private void pause(Duration duration) throws InterruptedException {
        synchronized (pause) {
            if (running) {
                pause.wait(duration.toMillis());
            }
        }
    }
}
