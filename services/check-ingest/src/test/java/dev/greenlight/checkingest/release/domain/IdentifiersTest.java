package dev.greenlight.checkingest.release.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.checkingest.evidence.domain.MetricSample;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The character-by-character checks accept exactly what the regexes they replace accept. */
class IdentifiersTest {

    private static final String ALPHABET = "az09._-Z_ /é\n\u0000";

    @Test
    void targetsAndSnakeCaseNamesAreWhatTheRegexesSay() {
        List<String> edges = List.of("", "a", "0", "_", "-a", ".a", "a.", "a_", "a__b", "a_b", "a1_2b", "1a", "A",
                "ict-qm", "a".repeat(128), "a".repeat(129), "a b", "a\n", "\uD83D\uDE00", "a\uD83D\uDE00", "é");
        Random random = new Random(13);
        for (int n = 0; n < 200_000 + edges.size(); n++) {
            String text = n < edges.size() ? edges.get(n) : randomText(random);
            assertThat(Identifiers.isTarget(text)).as(text).isEqualTo(Identifiers.TARGET.matcher(text).matches());
            assertThat(Identifiers.isSnakeCase(text)).as(text).isEqualTo(MetricSample.NAME.matcher(text).matches());
        }
        assertThat(Identifiers.isTarget(null)).isFalse();
        assertThat(Identifiers.isSnakeCase(null)).isFalse();
    }

    private static String randomText(Random random) {
        int length = random.nextInt(10) == 0 ? 120 + random.nextInt(15) : random.nextInt(8);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }
}
