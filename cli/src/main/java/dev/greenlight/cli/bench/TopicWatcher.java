package dev.greenlight.cli.bench;

import dev.greenlight.platform.registry.SchemaRegistryClient;
import dev.greenlight.platform.registry.SchemaRegistryClients;
import dev.greenlight.platform.serde.AvroDeserializer;
import dev.greenlight.platform.topics.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.ObjLongConsumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Watches one catalogue topic from its current end as a {@code read_committed} consumer would —
 * what a deployer or a dashboard sees — and hands each new event, with the monotonic time it
 * became visible here, to a callback. "Visible" is the end of every latency the benchmark reports.
 */
final class TopicWatcher<V> implements AutoCloseable {

    private final KafkaConsumer<String, V> consumer;
    private final Thread thread;
    private final CountDownLatch positioned = new CountDownLatch(1);
    private volatile boolean running = true;

    TopicWatcher(Map<String, Object> superUser, String registryUrl, Topic<V> topic, ObjLongConsumer<V> onEvent) {
        SchemaRegistryClient registry = SchemaRegistryClients.fromConfig(Map.of("schema.registry.url", registryUrl));
        Map<String, Object> config = new HashMap<>(superUser);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new AvroDeserializer<>(registry, topic.valueSchema()));
        List<TopicPartition> partitions = new ArrayList<>();
        for (int p = 0; p < topic.partitions(); p++) {
            partitions.add(new TopicPartition(topic.name(), p));
        }
        thread = new Thread(() -> run(partitions, onEvent), "bench-watch-" + topic.name());
        thread.setDaemon(true);
        thread.start();
        try {
            if (!positioned.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("could not position a consumer on " + topic.name());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void run(List<TopicPartition> partitions, ObjLongConsumer<V> onEvent) {
        try {
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            positioned.countDown();
            while (running) {
                for (ConsumerRecord<String, V> record : consumer.poll(Duration.ofMillis(20))) {
                    if (record.value() != null) {
                        onEvent.accept(record.value(), System.nanoTime());
                    }
                }
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close();
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(TimeUnit.SECONDS.toMillis(10));
    }
}
