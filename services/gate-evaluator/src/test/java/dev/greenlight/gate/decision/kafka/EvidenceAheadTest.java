package dev.greenlight.gate.decision.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

/**
 * Evidence other than samples is read as if produced {@code ahead} earlier, so Kafka Streams (which
 * takes a task's buffered record with the lowest timestamp first) hands it over before a sample
 * produced up to {@code ahead} before it — and still after an older sample.
 */
class EvidenceAheadTest {

    private final EvidenceAhead ahead = new EvidenceAhead(Duration.ofMinutes(5));

    private static ConsumerRecord<Object, Object> at(long timestamp) {
        return new ConsumerRecord<>("t", 0, 0, timestamp, TimestampType.CREATE_TIME, 0, 0, "k", "v",
                new RecordHeaders(), Optional.empty());
    }

    @Test
    void aCheckProducedDuringABurstGoesBeforeTheSamplesOfTheLastFiveMinutes_notBeforeOlderOnes() {
        long check = 1_000_000_000L;
        long read = ahead.extract(at(check), -1);

        assertThat(read).isLessThan(check - Duration.ofMinutes(4).toMillis()) // a sample 4 min older: after
                .isGreaterThan(check - Duration.ofMinutes(6).toMillis()); // a sample 6 min older: before
    }

    @Test
    void aRecordWithoutATimestampKeepsTheStreamTime_andNoneGoesBelowZero() {
        assertThat(ahead.extract(at(-1), 42)).isEqualTo(42);
        assertThat(ahead.extract(at(1_000), 42)).isZero();
    }
}
