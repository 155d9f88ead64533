package dev.greenlight.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A publisher's target scope ({@code payments-*}) grants exactly the targets its glob names, no more. */
class ActorTargetScopeTest {

    private static Actor scopedTo(String... targets) {
        return new Actor("ci", Set.of("publisher"), List.of(targets));
    }

    @Test
    void aStarStandsForAnyRunOfCharactersAndNothingElseIsAWildcard() {
        Actor payments = scopedTo("payments-*");
        assertThat(payments.mayPublishFor("payments-api")).isTrue();
        assertThat(payments.mayPublishFor("payments-")).isTrue();
        assertThat(payments.mayPublishFor("payments")).isFalse();
        assertThat(payments.mayPublishFor("xpayments-api")).isFalse();
        assertThat(scopedTo("a.b").mayPublishFor("axb")).isFalse();
        assertThat(scopedTo("*-api").mayPublishFor("orders-api")).isTrue();
        assertThat(scopedTo("*-api").mayPublishFor("orders-api-v2")).isFalse();
        assertThat(scopedTo("*").mayPublishFor("anything")).isTrue();
        assertThat(scopedTo("a*b*c").mayPublishFor("abbbc")).isTrue();
        assertThat(scopedTo("a*b*c").mayPublishFor("acb")).isFalse();
        assertThat(scopedTo().mayPublishFor("orders")).isFalse();
        assertThat(scopedTo("orders", "pay*").mayPublishFor("payroll")).isTrue();
    }

    @Test
    void aStarNeverSpansALineBreakAsBefore() {
        assertThat(scopedTo("a*").mayPublishFor("a\nb")).isFalse();
        assertThat(scopedTo("a*").mayPublishFor("ab")).isTrue();
    }

    @Test
    void matchesExactlyWhatTheRegexTranslationMatched() {
        Random random = new Random(13);
        String alphabet = "ab*-";
        for (int i = 0; i < 20_000; i++) {
            String pattern = randomText(random, alphabet, 6);
            String text = randomText(random, "ab-", 8);
            assertThat(Actor.globMatches(pattern, text)).as("%s ~ %s", pattern, text)
                    .isEqualTo(regex(pattern).matcher(text).matches());
        }
    }

    private static String randomText(Random random, String alphabet, int maxLength) {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(maxLength + 1); i > 0; i--) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    private static Pattern regex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (String part : glob.split("\\*", -1)) {
            regex.append(regex.isEmpty() ? "" : ".*").append(Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }
}
