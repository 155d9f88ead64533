package dev.greenlight.checkingest.evidence.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Content-derived ids must never change between versions (a client retrying across an upgrade
 * would otherwise store its sample twice): the fast computation gives exactly the id the original
 * one — {@link UUID#nameUUIDFromBytes} of the parts' {@code toString()}, one per line — gave.
 */
class ContentIdsTest {

    @Test
    void idIsTheVersionThreeUuidOfThePartsOnePerLine() {
        Instant observedAt = Instant.parse("2026-11-22T10:15:30.120Z");
        Map<String, String> labels = new TreeMap<>(Map.of("region", "eu", "pod", "a-1"));

        String id = ContentIds.of("metric", "payments-api", null, "live_errors_total", 12.5, observedAt, labels);

        assertThat(id).isEqualTo(original("metric", "payments-api", null, "live_errors_total", 12.5, observedAt, labels));
    }

    @Test
    void instantsAreWrittenExactlyAsInstantToString() {
        Random random = new Random(13);
        for (int i = 0; i < 200_000; i++) {
            long seconds = random.nextLong(-100_000_000_000L, 300_000_000_000L);
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(seconds, nanos);
            StringBuilder written = new StringBuilder();

            ContentIds.appendInstant(written, instant);

            assertThat(written.toString()).as("epoch second %d, nanos %d", seconds, nanos).isEqualTo(instant.toString());
        }
    }

    @Test
    void edgesOfTheFastRangeAreWrittenAsInstantToString() {
        for (Instant instant : new Instant[] {Instant.EPOCH, Instant.ofEpochSecond(-1), Instant.ofEpochSecond(0, 1),
                Instant.parse("2000-02-29T23:59:59.999999999Z"), Instant.parse("9999-12-31T23:59:59.999Z"),
                Instant.parse("+10000-01-01T00:00:00Z"), Instant.MIN, Instant.MAX}) {
            StringBuilder written = new StringBuilder();
            ContentIds.appendInstant(written, instant);
            assertThat(written.toString()).isEqualTo(instant.toString());
        }
    }

    private static String original(Object... parts) {
        StringBuilder content = new StringBuilder();
        for (Object part : parts) {
            content.append(part == null ? "" : part).append('\n');
        }
        return UUID.nameUUIDFromBytes(content.toString().getBytes(StandardCharsets.UTF_8)).toString();
    }
}
