package dev.greenlight.integrations.github.kafka;

import dev.greenlight.events.DeploymentReviewRequested;
import dev.greenlight.integrations.github.application.GitHubGate;
import dev.greenlight.integrations.github.domain.ProtectionRequest;
import dev.greenlight.platform.kafka.TopicFollower;
import dev.greenlight.platform.registry.SchemaRegistryClient;
import dev.greenlight.platform.topics.Topics;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Hands the GitHub gate the deployments that were waiting when the service stopped: reads the whole
 * {@link Topics#DEPLOYMENT_REVIEWS} topic at start, keeps per review key the latest fact (requested or
 * answered), and once it reached the end gives every still-requested one to {@link GitHubGate#restore},
 * which answers it as soon as (or if already) its stage decides. Restoring only after the end is what
 * keeps an answered deployment from being answered again; records after that are this instance's own.
 *
 * <p>One instance answers GitHub: run the integrations service with GitHub enabled on one instance
 * (several would each restore, and each answer, every waiting deployment).
 */
public class WaitingDeployments implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WaitingDeployments.class);

    private final GitHubGate gate;
    private final TopicFollower<SpecificRecord> follower;
    private final Map<String, DeploymentReviewRequested> open = new LinkedHashMap<>();
    private volatile boolean restored;

    public WaitingDeployments(GitHubGate gate, Map<String, Object> clientConfig, SchemaRegistryClient registry) {
        this(gate, TopicFollower.consumers(clientConfig, "integrations-deployment-reviews", Topics.DEPLOYMENT_REVIEWS,
                registry));
    }

    WaitingDeployments(GitHubGate gate, Supplier<Consumer<String, SpecificRecord>> consumers) {
        this.gate = gate;
        this.follower = new TopicFollower<>("deployment-reviews", Topics.DEPLOYMENT_REVIEWS, consumers, this::apply,
                this::restore);
    }

    private void apply(ConsumerRecord<String, SpecificRecord> record) {
        if (restored) {
            return;
        }
        if (record.value() instanceof DeploymentReviewRequested requested) {
            open.put(record.key(), requested);
        } else {
            open.remove(record.key());
        }
    }

    private void restore() {
        restored = true;
        log.info("{} GitHub deployment(s) waiting on a decision restored", open.size());
        for (DeploymentReviewRequested r : open.values()) {
            gate.restore(new ProtectionRequest(r.getTarget(), r.getStage(), r.getSha(), r.getEnvironment(),
                    URI.create(r.getCallbackUrl()), r.getInstallationId()));
        }
        open.clear();
    }

    /** Whether the waiting deployments recorded before the start were handed to the gate. */
    public boolean isRestored() {
        return restored;
    }

    @Override
    public void start() {
        follower.start();
    }

    @Override
    public void stop() {
        follower.stop();
    }

    @Override
    public boolean isRunning() {
        return follower.isRunning();
    }
}
