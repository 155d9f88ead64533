package dev.greenlight.registry.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.LeaderNotAvailableException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Waits until freshly created topics are usable. {@code CreateTopics} is acknowledged by the
 * controller before every broker's metadata cache knows the topic, so a describe (or a Streams
 * start) right after creation can get {@code UnknownTopicOrPartitionException} — a race that only
 * shows on a loaded machine. Every create-then-use path goes through here: it retries the describe
 * until each topic is known and every partition has a leader, or the deadline passes.
 */
public final class TopicReadiness {

    private static final long BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private TopicReadiness() {
    }

    /**
     * Describes {@code topics} until all of them are known with a leader on every partition.
     *
     * @return the descriptions, by topic name
     * @throws TimeoutException when the topics are not all usable within {@code timeout}
     */
    public static Map<String, TopicDescription> await(Admin admin, Collection<String> topics, Duration timeout)
            throws ExecutionException, TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new TimeoutException("topics " + topics + " not usable within " + timeout);
            }
            try {
                Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames()
                        .get(left, TimeUnit.NANOSECONDS);
                if (described.values().stream().allMatch(TopicReadiness::led)) {
                    return described;
                }
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException
                        || e.getCause() instanceof LeaderNotAvailableException)) {
                    throw e;
                }
            }
            LockSupport.parkNanos(BACKOFF_NANOS);
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted waiting for topics " + topics);
            }
        }
    }

    private static boolean led(TopicDescription description) {
        return description.partitions().stream().map(TopicPartitionInfo::leader)
                .allMatch(leader -> leader != null && !leader.isEmpty());
    }
}
