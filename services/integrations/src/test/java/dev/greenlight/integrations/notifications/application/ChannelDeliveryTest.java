package dev.greenlight.integrations.notifications.application;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.greenlight.identity.TargetPattern;
import dev.greenlight.integrations.notifications.domain.ConsoleLinks;
import dev.greenlight.integrations.notifications.domain.Fact;
import dev.greenlight.integrations.notifications.domain.Notification;
import dev.greenlight.integrations.notifications.domain.NotificationPlanner;
import dev.greenlight.integrations.notifications.domain.Occurrence;
import dev.greenlight.integrations.notifications.domain.RetryPolicy;
import dev.greenlight.integrations.notifications.http.HttpTransport;
import dev.greenlight.integrations.subscriptions.domain.Channel;
import dev.greenlight.integrations.subscriptions.domain.Endpoint;
import dev.greenlight.integrations.subscriptions.domain.EventKind;
import dev.greenlight.integrations.subscriptions.domain.Subscription;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each channel's wire shape against a local fake receiver (WireMock): the exact Slack Block Kit
 * message, the exact Teams workflow message with its Adaptive Card, the generic webhook's body and its
 * signature computed independently here; then retries with backoff (Retry-After honoured up to the
 * cap), a final 4xx not retried, and a slow endpoint that does not hold up another subscription's delivery.
 */
class ChannelDeliveryTest {

    static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");
    static final Occurrence NO_GO = new Occurrence("d-1:DECISION_CHANGED", EventKind.DECISION_CHANGED, "ict-qm",
            "1.2.3", "canary", "ict-qm 1.2.3 canary: NO_GO", "Blocked: unit-tests: 2 of 3 FAIL",
            List.of(new Fact("Outcome", "NO_GO"), new Fact("Previously", "HOLD")), AT);

    final WireMockServer receiver = new WireMockServer(wireMockConfig().dynamicPort());
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final List<Duration> waits = new ArrayList<>();
    final ExecutorService workers = Executors.newFixedThreadPool(4);
    Deliveries deliveries;

    @BeforeEach
    void start() {
        receiver.start();
        deliveries = new Deliveries(new HttpTransport(Duration.ofSeconds(2)), waits::add,
                new RetryPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(30)), Duration.ofSeconds(2),
                new ConsoleLinks(URI.create("https://greenlight.example.com/")), workers, meters,
                Clock.fixed(AT, ZoneOffset.UTC));
    }

    @AfterEach
    void stop() {
        receiver.stop();
        workers.shutdownNow();
    }

    @Test
    void slackGetsBlockKitWithAFallbackText() {
        receiver.stubFor(post(urlEqualTo("/services/T1/B2/x")).willReturn(aResponse().withStatus(200).withBody("ok")));
        Notification n = notification(Channel.SLACK, "/services/T1/B2/x", null);

        deliveries.deliver(List.of(n));

        receiver.verify(postRequestedFor(urlEqualTo("/services/T1/B2/x"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("X-Greenlight-Delivery", equalTo(n.dedupeKey()))
                .withHeader("X-Greenlight-Event", equalTo("DECISION_CHANGED"))
                .withRequestBody(equalToJson("""
                        {"text": "ict-qm 1.2.3 canary: NO_GO — Blocked: unit-tests: 2 of 3 FAIL",
                         "blocks": [
                          {"type": "header", "text": {"type": "plain_text", "text": "ict-qm 1.2.3 canary: NO_GO"}},
                          {"type": "section", "text": {"type": "mrkdwn", "text": "Blocked: unit-tests: 2 of 3 FAIL"}},
                          {"type": "section", "fields": [
                            {"type": "mrkdwn", "text": "*Outcome*\\nNO_GO"},
                            {"type": "mrkdwn", "text": "*Previously*\\nHOLD"}]},
                          {"type": "context", "elements": [
                            {"type": "mrkdwn", "text": "Greenlight · DECISION_CHANGED · 2026-12-01T10:00:00Z"}]},
                          {"type": "actions", "elements": [
                            {"type": "button", "text": {"type": "plain_text", "text": "Open in Greenlight"},
                             "url": "https://greenlight.example.com/releases/ict-qm/1.2.3"}]}
                         ]}""")));
        assertThat(meters.counter("greenlight.notifications.delivered", "channel", "SLACK", "kind", "DECISION_CHANGED")
                .count()).isEqualTo(1.0);
    }

    @Test
    void teamsGetsAWorkflowMessageWithOneAdaptiveCard() {
        receiver.stubFor(post(urlEqualTo("/workflows/abc")).willReturn(aResponse().withStatus(202)));

        deliveries.deliver(List.of(notification(Channel.TEAMS, "/workflows/abc", null)));

        receiver.verify(postRequestedFor(urlEqualTo("/workflows/abc")).withRequestBody(equalToJson("""
                {"type": "message",
                 "attachments": [{
                   "contentType": "application/vnd.microsoft.card.adaptive",
                   "contentUrl": null,
                   "content": {
                     "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
                     "type": "AdaptiveCard",
                     "version": "1.4",
                     "body": [
                       {"type": "TextBlock", "text": "ict-qm 1.2.3 canary: NO_GO", "weight": "Bolder", "size": "Medium", "wrap": true},
                       {"type": "TextBlock", "text": "Blocked: unit-tests: 2 of 3 FAIL", "wrap": true},
                       {"type": "FactSet", "facts": [{"title": "Outcome", "value": "NO_GO"}, {"title": "Previously", "value": "HOLD"}]}
                     ],
                     "actions": [{"type": "Action.OpenUrl", "title": "Open in Greenlight",
                                  "url": "https://greenlight.example.com/releases/ict-qm/1.2.3"}]
                   }}]}""")));
    }

    @Test
    void aGenericWebhookIsSignedLikeGitHubsWebhooks() throws Exception {
        receiver.stubFor(post(urlEqualTo("/hook")).willReturn(aResponse().withStatus(204)));
        String secret = "0123456789abcdef-secret";
        Notification n = notification(Channel.WEBHOOK, "/hook", secret);

        deliveries.deliver(List.of(n));

        var request = receiver.findAll(postRequestedFor(urlEqualTo("/hook"))).get(0);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        assertThat(request.getHeader("X-Greenlight-Signature-256"))
                .isEqualTo("sha256=" + HexFormat.of().formatHex(mac.doFinal(request.getBody())));
        receiver.verify(postRequestedFor(urlEqualTo("/hook")).withRequestBody(equalToJson("""
                {"id": "%s", "kind": "DECISION_CHANGED", "subscriptionId": "sub-WEBHOOK", "target": "ict-qm",
                 "version": "1.2.3", "stage": "canary", "title": "ict-qm 1.2.3 canary: NO_GO",
                 "text": "Blocked: unit-tests: 2 of 3 FAIL", "facts": {"Outcome": "NO_GO", "Previously": "HOLD"},
                 "occurredAt": "2026-12-01T10:00:00Z", "url": "https://greenlight.example.com/releases/ict-qm/1.2.3"}
                """.formatted(n.dedupeKey()))));
        assertThat(n.dedupeKey()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest("sub-WEBHOOK\nd-1:DECISION_CHANGED".getBytes(StandardCharsets.UTF_8))).substring(0, 32));
    }

    @Test
    void aFailingEndpointIsRetriedWithExponentialBackoffHonouringRetryAfter_thenDelivered() {
        receiver.stubFor(post(urlEqualTo("/flaky")).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("second"));
        receiver.stubFor(post(urlEqualTo("/flaky")).inScenario("flaky").whenScenarioStateIs("second")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")).willSetStateTo("third"));
        receiver.stubFor(post(urlEqualTo("/flaky")).inScenario("flaky").whenScenarioStateIs("third")
                .willReturn(aResponse().withStatus(200)));

        deliveries.deliver(List.of(notification(Channel.SLACK, "/flaky", null)));

        assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(7));
        assertThat(receiver.findAll(postRequestedFor(urlEqualTo("/flaky")))).hasSize(3);
        var dedupeKeys = receiver.findAll(postRequestedFor(urlEqualTo("/flaky"))).stream()
                .map(r -> r.getHeader("X-Greenlight-Delivery")).distinct().toList();
        assertThat(dedupeKeys).as("every retry carries the same dedupe key").hasSize(1);
        assertThat(meters.counter("greenlight.notifications.retried", "channel", "SLACK", "kind", "DECISION_CHANGED")
                .count()).isEqualTo(2.0);
    }

    @Test
    void boundedRetriesThenFailed_aRejectedRequestIsNotRetried_andOtherSubscriptionsStillGetTheirs() {
        receiver.stubFor(post(urlEqualTo("/down")).willReturn(aResponse().withStatus(500)));
        receiver.stubFor(post(urlEqualTo("/gone")).willReturn(aResponse().withStatus(404)));
        receiver.stubFor(post(urlEqualTo("/slow")).willReturn(aResponse().withStatus(200).withFixedDelay(5_000)));
        receiver.stubFor(post(urlEqualTo("/fine")).willReturn(aResponse().withStatus(200)));

        deliveries.deliver(List.of(notification(Channel.SLACK, "/down", null), notification(Channel.TEAMS, "/gone", null),
                notification(Channel.SLACK, "/slow", null), notification(Channel.TEAMS, "/fine", null)));

        assertThat(receiver.findAll(postRequestedFor(urlEqualTo("/down")))).hasSize(4);
        assertThat(receiver.findAll(postRequestedFor(urlEqualTo("/gone")))).hasSize(1);
        assertThat(receiver.findAll(postRequestedFor(urlEqualTo("/slow")))).as("timed out each time").hasSize(4);
        assertThat(receiver.findAll(postRequestedFor(urlEqualTo("/fine")))).hasSize(1);
        assertThat(deliveries.recentFailures()).extracting(DeliveryFailure::subscriptionId)
                .containsExactlyInAnyOrder("sub-SLACK", "sub-TEAMS", "sub-SLACK");
        assertThat(deliveries.recentFailures()).allSatisfy(f -> assertThat(f.host()).isEqualTo("localhost"));
        assertThat(meters.counter("greenlight.notifications.failed", "channel", "SLACK", "kind", "DECISION_CHANGED")
                .count()).isEqualTo(2.0);
        assertThat(meters.counter("greenlight.notifications.delivered", "channel", "TEAMS", "kind", "DECISION_CHANGED")
                .count()).isEqualTo(1.0);
        assertThat(waits).as("backoff doubles: 1s, 2s, 4s per failing notification")
                .containsOnly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
    }

    private Notification notification(Channel channel, String path, String secret) {
        Subscription s = new Subscription("sub-" + channel, new TargetPattern("ict-*"),
                Set.of(EventKind.DECISION_CHANGED), channel, new Endpoint(URI.create(receiver.baseUrl() + path), secret),
                "erin", AT, "e-1");
        return NotificationPlanner.plan(NO_GO, List.of(s)).get(0);
    }
}
