package dev.greenlight.integrations.notifications.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.identity.TargetPattern;
import dev.greenlight.integrations.notifications.domain.ConsoleLinks;
import dev.greenlight.integrations.notifications.domain.NotificationPlanner;
import dev.greenlight.integrations.notifications.domain.RetryPolicy;
import dev.greenlight.integrations.subscriptions.domain.Channel;
import dev.greenlight.integrations.subscriptions.domain.Endpoint;
import dev.greenlight.integrations.subscriptions.domain.EventKind;
import dev.greenlight.integrations.subscriptions.domain.Subscription;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the console's deliveries page gets for a notification given up on: subscription, channel kind,
 * target, release, event, attempts, last error and time — and never the URL (a Slack URL is a
 * credential), even when the connection error quotes it.
 */
class DeliveryFailuresTest {

    static final String URL = "https://hooks.slack.com/services/T0/B0/S3CR3T-T0KEN";

    final ExecutorService workers = Executors.newFixedThreadPool(2);
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @AfterEach
    void stop() {
        workers.shutdownNow();
    }

    @Test
    void aFailureNamesWhatAPageNeedsWithoutTheUrl() {
        Transport refusing = (url, headers, body, timeout) -> {
            throw new IOException("connect to " + url + " failed: Connection refused");
        };
        Deliveries deliveries = new Deliveries(refusing, wait -> { },
                new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(2)), Duration.ofSeconds(1),
                new ConsoleLinks(URI.create("https://greenlight.example.com/")), workers, meters,
                Clock.fixed(ChannelDeliveryTest.AT, ZoneOffset.UTC));
        Subscription declared = new Subscription("policy/payments/team-x", new TargetPattern("ict-*"),
                Set.of(EventKind.DECISION_CHANGED), Channel.SLACK, new Endpoint(URI.create(URL), null),
                "policy payments@1", ChannelDeliveryTest.AT, "hash");

        deliveries.deliver(NotificationPlanner.plan(ChannelDeliveryTest.NO_GO, List.of(declared)));

        assertThat(deliveries.recentFailures()).singleElement().satisfies(failure -> {
            assertThat(failure.subscriptionId()).isEqualTo("policy/payments/team-x");
            assertThat(failure.declared()).isTrue();
            assertThat(failure.channel()).isEqualTo("SLACK");
            assertThat(failure.host()).isEqualTo("hooks.slack.com");
            assertThat(failure.kind()).isEqualTo("DECISION_CHANGED");
            assertThat(failure.target()).isEqualTo("ict-qm");
            assertThat(failure.version()).isEqualTo("1.2.3");
            assertThat(failure.stage()).isEqualTo("canary");
            assertThat(failure.event()).isEqualTo("ict-qm 1.2.3 canary: NO_GO");
            assertThat(failure.attempts()).isEqualTo(3);
            assertThat(failure.failedAt()).isEqualTo(ChannelDeliveryTest.AT);
            assertThat(failure.lastError()).contains("Connection refused").contains("hooks.slack.com")
                    .doesNotContain("S3CR3T").doesNotContain("/services/");
        });
        assertThat(deliveries.recentFailures().toString()).doesNotContain("S3CR3T");
        assertThat(meters.counter("greenlight.notifications.failed", "channel", "SLACK", "kind", "DECISION_CHANGED")
                .count()).isEqualTo(1.0);
    }
}
