package dev.greenlight.ledger.kafka;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Utils;

/**
 * Ledger partition of a recorded event: {@code toPositive(murmur2(UTF-8 key)) % partitions}, the
 * formula of Kafka's default partitioner. All events about one target therefore share one hash chain,
 * in source order; and with equal partition counts, source partition p feeds ledger partition p.
 */
final class LedgerPartitioner {

    private LedgerPartitioner() {
    }

    static int partition(String target, int partitions) {
        return Utils.toPositive(Utils.murmur2(target.getBytes(StandardCharsets.UTF_8))) % partitions;
    }
}
