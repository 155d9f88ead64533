package dev.greenlight.integrations.notifications.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.identity.TargetPattern;
import dev.greenlight.integrations.common.domain.PatternOverlap;
import dev.greenlight.integrations.subscriptions.domain.Channel;
import dev.greenlight.integrations.subscriptions.domain.Endpoint;
import dev.greenlight.integrations.subscriptions.domain.EventKind;
import dev.greenlight.integrations.subscriptions.domain.Subscription;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which subscriptions hear about what, and the dedupe key that survives a redelivery. */
class NotificationPlannerTest {

    @Test
    void onlySubscriptionsOfTheKindWhosePatternConcernsTheTargetAreNotified() {
        Occurrence hold = occurrence(EventKind.HOLD_PLACED, "payments-*");
        List<Subscription> subscriptions = List.of(
                subscription("a", "payments-eu", EventKind.HOLD_PLACED),
                subscription("b", "*", EventKind.HOLD_PLACED),
                subscription("c", "payments-*", EventKind.DECISION_CHANGED),
                subscription("d", "shop-*", EventKind.HOLD_PLACED));

        assertThat(NotificationPlanner.plan(hold, subscriptions)).extracting(n -> n.subscription().id())
                .containsExactly("a", "b");
    }

    @Test
    void theDedupeKeyIsTheSameForTheSameFactAndSubscriptionOnly() {
        Subscription a = subscription("a", "*", EventKind.HOLD_PLACED);
        Subscription b = subscription("b", "*", EventKind.HOLD_PLACED);
        Occurrence once = occurrence(EventKind.HOLD_PLACED, "svc");

        String first = NotificationPlanner.plan(once, List.of(a)).get(0).dedupeKey();

        assertThat(NotificationPlanner.plan(once, List.of(a)).get(0).dedupeKey()).isEqualTo(first);
        assertThat(NotificationPlanner.plan(once, List.of(b)).get(0).dedupeKey()).isNotEqualTo(first);
    }

    @Test
    void patternsConcernEachOtherWhenSomeTargetMatchesBoth() {
        assertThat(PatternOverlap.overlaps(new TargetPattern("payments-eu"), "payments-*")).isTrue();
        assertThat(PatternOverlap.overlaps(new TargetPattern("payments-*"), "*")).isTrue();
        assertThat(PatternOverlap.overlaps(new TargetPattern("*-eu"), "payments-*")).isTrue();
        assertThat(PatternOverlap.overlaps(new TargetPattern("payments"), "payments-*")).isFalse();
        assertThat(PatternOverlap.overlaps(new TargetPattern("shop-*"), "payments-*")).isFalse();
        assertThat(PatternOverlap.overlaps(new TargetPattern("payments-*"), "payments-eu")).isTrue();
        assertThat(PatternOverlap.overlaps(new TargetPattern("payments-*"), "Payments-EU")).isFalse();
    }

    private static Occurrence occurrence(EventKind kind, String target) {
        return new Occurrence("e-1", kind, target, null, null, "t", "x", List.of(), Instant.EPOCH);
    }

    private static Subscription subscription(String id, String pattern, EventKind kind) {
        return new Subscription(id, new TargetPattern(pattern), Set.of(kind), Channel.SLACK,
                new Endpoint(URI.create("https://hooks.slack.com/services/x"), null), "erin", Instant.EPOCH, "e-" + id);
    }
}
