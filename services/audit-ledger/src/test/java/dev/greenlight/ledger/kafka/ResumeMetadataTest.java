package dev.greenlight.ledger.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.ledger.domain.ResumePoint;
import dev.greenlight.ledger.verify.PartitionHead;
import dev.greenlight.platform.topics.Topics;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The resume point rides on a committed offset's metadata, which the broker refuses beyond 4,096
 * characters by default: it must fit for any ledger length, read back as written, and a string that is
 * not one (an operator's reset, an older writer's empty metadata, a damaged one) must mean "restore from
 * the beginning", never a failure.
 */
class ResumeMetadataTest {

    @Test
    void aResumePointReadsBackAsWrittenAndFitsTheBrokersLimitForAnyLedgerLength() {
        long largest = Long.MAX_VALUE; // 63 peaks: the most a tree can have
        List<PartitionHead> heads = new ArrayList<>();
        long[] offsets = new long[Topics.LEDGER.partitions()];
        for (int p = 0; p < offsets.length; p++) {
            heads.add(new PartitionHead(p, Long.MAX_VALUE / 4, filled(p + 1)));
            offsets[p] = Long.MAX_VALUE / 2;
        }
        ResumePoint point = new ResumePoint(Long.MAX_VALUE / 3, largest,
                new ArrayList<>(Collections.nCopies(Long.bitCount(largest), filled(9))), heads, offsets);

        String metadata = ResumeMetadata.encode(point);

        assertThat(metadata.length()).isLessThanOrEqualTo(ResumeMetadata.LIMIT);
        assertThat(ResumeMetadata.decode(metadata)).contains(point);
    }

    @Test
    void anythingElseMeansNoResumePoint() {
        assertThat(ResumeMetadata.decode("")).isEmpty();
        assertThat(ResumeMetadata.decode(null)).isEmpty();
        assertThat(ResumeMetadata.decode("greenlight-ledger-resume-v1:AAAA")).isEmpty();
        assertThat(ResumeMetadata.decode("greenlight-ledger-resume-v1:not base64!")).isEmpty();
    }

    private static byte[] filled(int value) {
        byte[] bytes = new byte[32];
        java.util.Arrays.fill(bytes, (byte) value);
        return bytes;
    }
}
