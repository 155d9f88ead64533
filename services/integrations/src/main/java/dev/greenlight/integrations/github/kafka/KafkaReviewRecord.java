package dev.greenlight.integrations.github.kafka;

import dev.greenlight.events.DeploymentReviewAnswered;
import dev.greenlight.events.DeploymentReviewRequested;
import dev.greenlight.events.EventMetadata;
import dev.greenlight.integrations.github.application.ReviewRecord;
import dev.greenlight.integrations.github.domain.ProtectionRequest;
import dev.greenlight.integrations.github.domain.ProtectionReview;
import dev.greenlight.platform.kafka.EventPublisher;
import dev.greenlight.platform.topics.Topics;
import java.time.Clock;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Records waiting deployments and their answers on the compacted {@link Topics#DEPLOYMENT_REVIEWS}
 * topic, keyed by the review key, and waits for Kafka's acknowledgement.
 */
@Component
@ConditionalOnProperty(name = "greenlight.integrations.github.enabled", havingValue = "true")
class KafkaReviewRecord implements ReviewRecord {

    private final EventPublisher publisher;
    private final Clock clock;

    KafkaReviewRecord(EventPublisher publisher, Clock clock) {
        this.publisher = publisher;
        this.clock = clock;
    }

    @Override
    public void waiting(ProtectionRequest request) {
        publisher.publish(Topics.DEPLOYMENT_REVIEWS, request.key(), DeploymentReviewRequested.newBuilder()
                .setMeta(meta("github"))
                .setTarget(request.target())
                .setReviewKey(request.key())
                .setStage(request.stage())
                .setEnvironment(request.environment())
                .setSha(request.sha())
                .setCallbackUrl(request.callbackUrl().toString())
                .setInstallationId(request.installationId())
                .build());
    }

    @Override
    public void answered(ProtectionRequest request, ProtectionReview review, String decisionId) {
        publisher.publish(Topics.DEPLOYMENT_REVIEWS, request.key(), DeploymentReviewAnswered.newBuilder()
                .setMeta(meta("integrations"))
                .setTarget(request.target())
                .setReviewKey(request.key())
                .setState(review.state())
                .setDecisionId(decisionId)
                .build());
    }

    private EventMetadata meta(String principal) {
        return EventMetadata.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(clock.instant())
                .setPrincipal(principal).build();
    }
}
