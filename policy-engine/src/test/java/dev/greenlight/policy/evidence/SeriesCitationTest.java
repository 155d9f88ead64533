package dev.greenlight.policy.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Both written forms of a series citation read back to what was written; the current one carries
 * how far the samples had been read and counts only samples read at or below it, the first form
 * (recorded before) counts every sample in range; ordinary event ids are not citations.
 */
class SeriesCitationTest {

    private static final String DIGEST = "ab".repeat(32);

    @Test
    void theCurrentFormRoundTripsWithItsArrivalBound_andAMetricNameMayHoldSlashes() {
        SeriesCitation cited = new SeriesCitation("http/errors", Instant.ofEpochMilli(1_000), Instant.ofEpochMilli(5_000),
                3, DIGEST, new SourceOffset(2, 41));

        assertThat(cited.id()).isEqualTo("series@2:41/1000/5000/3/" + DIGEST + "/http/errors");
        assertThat(SeriesCitation.parse(cited.id())).contains(cited);
        assertThat(cited.arrivedBy(new SourceOffset(2, 41))).isTrue();
        assertThat(cited.arrivedBy(new SourceOffset(2, 42))).as("read after the decision").isFalse();
        assertThat(cited.arrivedBy(new SourceOffset(1, 3))).as("another partition").isFalse();
        assertThat(cited.arrivedBy(null)).as("position not known").isFalse();
    }

    @Test
    void theFirstFormIsStillReadAndCountsEverySampleInRange() {
        SeriesCitation first = SeriesCitation.parse("series/-/5000/3/" + DIGEST + "/error_rate").orElseThrow();

        assertThat(first.through()).isNull();
        assertThat(first.after()).isNull();
        assertThat(first.arrivedBy(null)).isTrue();
        assertThat(first.id()).isEqualTo("series/-/5000/3/" + DIGEST + "/error_rate");
    }

    @Test
    void ordinaryIdsAndMalformedCitationsAreNotCitations() {
        assertThat(SeriesCitation.parse("m-123")).isEmpty();
        assertThat(SeriesCitation.parse("series@2:x/1/2/3/d/m")).isEmpty();
        assertThat(SeriesCitation.parse("series@2:4")).isEmpty();
        assertThat(SeriesCitation.parse("series/1/2/3")).isEmpty();
    }
}
