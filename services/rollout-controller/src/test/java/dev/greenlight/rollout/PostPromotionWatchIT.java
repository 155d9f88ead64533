package dev.greenlight.rollout;

import static dev.greenlight.evidence.EvidenceEvents.metric;
import static dev.greenlight.evidence.EvidenceEvents.release;
import static dev.greenlight.rollout.kafka.RolloutEvents.applied;
import static dev.greenlight.rollout.kafka.RolloutEvents.go;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.greenlight.events.DeploymentCommand;
import dev.greenlight.events.GuardAction;
import dev.greenlight.events.PostPromotionWatchEnded;
import dev.greenlight.events.PostPromotionWatchStarted;
import dev.greenlight.events.ReleaseType;
import dev.greenlight.events.RollbackTriggered;
import dev.greenlight.events.RolloutCompleted;
import dev.greenlight.platform.testing.TopicProbe;
import dev.greenlight.platform.topics.Topics;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.web.client.RestClient;

/**
 * Issue #14 item 1 through the controller's public surface (topics in, topics and REST out): a
 * direct release that went live is still watched, so live errors after promotion roll it back.
 */
@EmbeddedKafka(partitions = 3)
class PostPromotionWatchIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final String TARGET = "ict-qm-watch";

    private ControllerHarness harness;
    private String brokers;

    @BeforeEach
    void connect(EmbeddedKafkaBroker broker) {
        brokers = broker.getBrokersAsString();
        harness = new ControllerHarness(brokers);
    }

    @AfterEach
    void disconnect() {
        harness.close();
    }

    @Test
    void liveErrorsAfterADirectReleaseWentLiveRollItBackToTheVersionItReplaced() {
        try (ConfigurableApplicationContext controller = harness.start()) {
            goLive("2.0.0", 1);
            goLive("2.1.0", 2);
            PostPromotionWatchStarted watch = await().atMost(PATIENCE).until(() -> rolloutEvents(
                    PostPromotionWatchStarted.class).stream().filter(w -> w.getVersion().equals("2.1.0")).findFirst()
                    .orElse(null), w -> w != null);
            assertThat(watch.getStage()).isEqualTo("live-100");
            assertThat(watch.getArmedGuards()).extracting(g -> g.getGuard()).contains("live-errors");

            ControllerHarness.CLOCK.advance(Duration.ofHours(6));
            harness.send(Topics.METRICS, TARGET, metric("m-err", TARGET, "2.1.0", "live_errors_total", 4,
                    ControllerHarness.CLOCK.instant()));

            DeploymentCommand rollback = await().atMost(PATIENCE).until(() -> harness.commands(TARGET).stream()
                    .filter(c -> c.getSequence() == 3).findFirst().orElse(null), c -> c != null);
            assertThat(rollback.getVersion()).isEqualTo("2.1.0");
            assertThat(rollback.getTrafficPercent()).isZero();
            assertThat(rollback.getPreviousVersion()).isEqualTo("2.0.0");
            await().atMost(PATIENCE).untilAsserted(() -> {
                assertThat(rolloutEvents(RollbackTriggered.class)).singleElement().satisfies(r -> {
                    assertThat(r.getAction()).isEqualTo(GuardAction.ROLLBACK);
                    assertThat(r.getGuard()).isEqualTo("live-errors");
                    assertThat(r.getWatchUntil()).isEqualTo(watch.getWatchUntil());
                });
                assertThat(rolloutEvents(PostPromotionWatchEnded.class))
                        .extracting(PostPromotionWatchEnded::getVersion, PostPromotionWatchEnded::getOutcome)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("2.0.0", "SUPERSEDED"),
                                org.assertj.core.groups.Tuple.tuple("2.1.0", "ROLLED_BACK"));
                assertThat(rolloutEvents(RolloutCompleted.class)).extracting(RolloutCompleted::getVersion)
                        .containsExactly("2.0.0");
            });
            int port = Integer.parseInt(controller.getEnvironment().getProperty("local.server.port"));
            String view = await().atMost(PATIENCE).until(() -> RestClient.create("http://localhost:" + port).get()
                    .uri("/api/v1/rollouts/{target}", TARGET).headers(h -> h.setBearerAuth("demo-bob"))
                    .exchange((request, response) -> response.getStatusCode().value() == 200
                            ? response.bodyTo(String.class) : null), body -> body != null);
            assertThat(view).contains("\"stableVersion\":\"2.0.0\"").contains("\"status\":\"ROLLED_BACK\"");
        }
    }

    /** Registers a BUGFIX (a direct release), its GO for live-100, and applies its command. */
    private void goLive(String version, long sequence) {
        harness.send(Topics.RELEASES, TARGET, release("rel-" + version, TARGET, version, ReleaseType.BUGFIX,
                ControllerHarness.CLOCK.instant()));
        harness.send(Topics.DECISIONS, TARGET, go(TARGET, version, "live-100", ControllerHarness.CLOCK.instant()));
        DeploymentCommand command = await().atMost(PATIENCE).until(() -> harness.commands(TARGET).stream()
                .filter(c -> c.getSequence() == sequence).findFirst().orElse(null), c -> c != null);
        assertThat(command.getTrafficPercent()).isEqualTo(100);
        harness.send(Topics.DEPLOYMENT_REPORTS, TARGET, applied(TARGET, command.getCommandId(), sequence,
                ControllerHarness.CLOCK.instant()));
    }

    private <T> List<T> rolloutEvents(Class<T> type) {
        return TopicProbe.readAll(brokers, Topics.ROLLOUTS, ControllerHarness.REGISTRY).stream()
                .filter(r -> r.key().equals(TARGET)).map(r -> r.value()).filter(type::isInstance).map(type::cast)
                .toList();
    }
}
