package dev.greenlight.gate.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.platform.kafka.EventNotStoredException;
import dev.greenlight.platform.kafka.EventPublisher;
import dev.greenlight.platform.topics.Topic;
import dev.greenlight.platform.topics.Topics;
import dev.greenlight.policy.catalog.PolicyCatalog;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * The start-up announcement's back-off schedule with the shipped settings (500 ms doubling to 15 s,
 * give up after 5 min), driven without real time: the pause records what it was asked for and moves
 * a fake monotonic clock, and a publisher stands in for a broker that refuses a given number of
 * times. The health endpoint is read during each pause, as an operator would see it.
 */
class PolicyAnnouncerTest {

    private static final PolicyCatalog CATALOG = PolicyCatalog.load(Path.of("src/test/resources/test-policies"));
    private static final PolicyAnnouncementProperties SHIPPED = new PolicyAnnouncementProperties(
            Duration.ofMillis(500), Duration.ofSeconds(15), Duration.ofMinutes(5));

    private final List<Duration> pauses = new ArrayList<>();
    private final List<Status> healthWhilePausing = new ArrayList<>();
    private long nanos = 1_000_000_000L;
    private PolicyAnnouncer announcer;

    @Test
    void aBrokerThatNeverStoresIsRetriedDoublingTo15SecondsThenStartUpFailsAfter5MinutesWithHealthDown() {
        RefusingPublisher broker = new RefusingPublisher(Integer.MAX_VALUE, Duration.ZERO);
        announceThrough(broker);

        assertThatThrownBy(() -> announcer.run(null)).isInstanceOf(EventNotStoredException.class)
                .hasMessageContaining(Topics.POLICIES.name());

        List<Duration> expected = Stream.concat(
                Stream.of(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
                        Duration.ofSeconds(8)),
                // 15.5 s so far; eighteen more pauses of 15 s end at 285.5 s, a nineteenth would pass 5 min.
                Collections.nCopies(18, Duration.ofSeconds(15)).stream()).toList();
        assertThat(pauses).isEqualTo(expected);
        assertThat(broker.attempts).isEqualTo(expected.size() + 1);
        assertThat(healthWhilePausing).containsOnly(Status.OUT_OF_SERVICE).hasSize(expected.size());
        Health health = health();
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("announced", 0)
                .containsEntry("failedAttempts", expected.size() + 1);
    }

    @Test
    void theTimeEachAttemptTakesCountsAgainstTheBound() {
        // The producer blocks for its max.block.ms (5 s) before each refusal.
        announceThrough(new RefusingPublisher(Integer.MAX_VALUE, Duration.ofSeconds(5)));

        assertThatThrownBy(() -> announcer.run(null)).isInstanceOf(EventNotStoredException.class);

        // 5 attempts + 15.5 s of pauses = 40.5 s, then 20 s a round: 13 rounds end at 300.5 s, so 12.
        assertThat(pauses).hasSize(5 + 12).endsWith(Duration.ofSeconds(15));
        assertThat(health().getStatus()).isEqualTo(Status.DOWN);
    }

    @Test
    void onceTheBrokerStoresEveryPolicyIsAnnouncedAndTheNextFailureStartsAgainAt500Milliseconds() {
        assertThat(CATALOG.all()).hasSizeGreaterThan(1);
        // Three refusals before the first policy is stored, the fourth refusal hits the second policy.
        RefusingPublisher broker = new RefusingPublisher(3, Duration.ZERO).thenRefusingOnceMore();
        announceThrough(broker);
        assertThat(health().getStatus()).isEqualTo(Status.UNKNOWN);

        announcer.run(null);

        assertThat(pauses).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofMillis(500));
        assertThat(healthWhilePausing).containsOnly(Status.OUT_OF_SERVICE);
        assertThat(broker.stored).isEqualTo(CATALOG.all().size());
        Health health = health();
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("announced", CATALOG.all().size())
                .containsEntry("failedAttempts", 4);
    }

    @Test
    void anInterruptedPauseFailsTheStartUpAndKeepsTheInterrupt() {
        PolicyAnnouncer interrupted = new PolicyAnnouncer(CATALOG, new RefusingPublisher(1, Duration.ZERO),
                Clock.systemUTC(), SHIPPED, () -> nanos, duration -> {
                    throw new InterruptedException();
                });

        assertThatThrownBy(() -> interrupted.run(null)).isInstanceOf(IllegalStateException.class);
        assertThat(Thread.interrupted()).isTrue();
    }

    /** The announcer under test, with the shipped settings, writing through {@code broker}. */
    private void announceThrough(EventPublisher broker) {
        announcer = new PolicyAnnouncer(CATALOG, broker, Clock.systemUTC(), SHIPPED, () -> nanos, duration -> {
            pauses.add(duration);
            healthWhilePausing.add(health().getStatus());
            nanos += duration.toNanos();
        });
    }

    /** What the health endpoint says about the announcer right now. */
    private Health health() {
        return new PolicyAnnouncementHealthIndicator(announcer).health();
    }

    /** A broker that refuses the first {@code refusals} events, then stores; each attempt costs {@code cost}. */
    private final class RefusingPublisher extends EventPublisher {

        private final Duration cost;
        private int refusals;
        private boolean refuseAfterFirstStored;
        int attempts;
        int stored;

        RefusingPublisher(int refusals, Duration cost) {
            super(null, Duration.ZERO);
            this.refusals = refusals;
            this.cost = cost;
        }

        RefusingPublisher thenRefusingOnceMore() {
            refuseAfterFirstStored = true;
            return this;
        }

        @Override
        public <V> RecordMetadata publish(Topic<V> topic, String target, V value) {
            attempts++;
            nanos += cost.toNanos();
            if (refusals > 0) {
                refusals--;
                throw new EventNotStoredException(topic.name(), new IllegalStateException("no metadata"));
            }
            stored++;
            if (refuseAfterFirstStored) {
                refuseAfterFirstStored = false;
                refusals = 1;
            }
            return null;
        }
    }
}
