package dev.greenlight.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TargetPatternTest {

    @Test
    void anExactTargetCoversOnlyItself_notLongerOrLookAlikeNames() {
        TargetPattern payments = new TargetPattern("payments");

        assertThat(payments.covers("payments")).isTrue();
        assertThat(payments.covers("payments-v2")).isFalse();
        assertThat(payments.covers("payments2")).isFalse();
        assertThat(payments.covers("xpayments")).isFalse();
        assertThat(payments.covers("p\u0430yments")).as("Cyrillic a").isFalse();
        assertThat(payments.covers("PAYMENTS")).as("not a canonical target").isFalse();
        assertThat(payments.covers("payments\u200b")).as("zero-width space").isFalse();
    }

    @Test
    void aStarStandsForAnyRunOfTargetCharacters_andTheWholeTargetMustMatch() {
        TargetPattern pattern = new TargetPattern("payments-*");

        assertThat(pattern.covers("payments-eu")).isTrue();
        assertThat(pattern.covers("payments-")).isTrue();
        assertThat(pattern.covers("payments")).isFalse();
        assertThat(pattern.covers("paymentsx")).isFalse();
        assertThat(pattern.covers("old-payments-eu")).isFalse();
        assertThat(new TargetPattern("*-eu").covers("payments-eu")).isTrue();
        assertThat(new TargetPattern("*-eu").covers("payments-eu2")).isFalse();
    }

    @Test
    void aDotIsLiteral() {
        assertThat(new TargetPattern("ict.*").covers("ict.alpha")).isTrue();
        assertThat(new TargetPattern("ict.*").covers("ictxalpha")).isFalse();
    }

    @Test
    void everythingCoversEveryCanonicalTargetButNothingElse() {
        assertThat(TargetPattern.EVERYTHING.covers("rl-policy")).isTrue();
        assertThat(TargetPattern.EVERYTHING.covers("Rl-Policy")).isFalse();
        assertThat(TargetPattern.EVERYTHING.covers("")).isFalse();
        assertThat(TargetPattern.EVERYTHING.exact()).isFalse();
    }

    @Test
    void lookAlikeUpperCaseInvisibleOrDoubleStarPatternsAreRefusedNotNormalised() {
        assertThat(TargetPattern.problem("Payments-*")).isPresent();
        assertThat(TargetPattern.problem("p\u0430yments")).isPresent();
        assertThat(TargetPattern.problem("\uff50ayments")).as("fullwidth p").isPresent();
        assertThat(TargetPattern.problem("payments\u200b")).isPresent();
        assertThat(TargetPattern.problem("pay**")).isPresent();
        assertThat(TargetPattern.problem("pay?")).isPresent();
        assertThat(TargetPattern.problem("")).isPresent();
        assertThat(TargetPattern.problem("a".repeat(129))).isPresent();
        assertThat(TargetPattern.problem("a".repeat(128))).isEmpty();
        assertThatThrownBy(() -> new TargetPattern("-payments")).isInstanceOf(IllegalArgumentException.class);
    }
}
