package dev.greenlight.integrations.github.kafka;

import dev.greenlight.events.GateDecided;
import dev.greenlight.events.ReleaseRegistered;
import dev.greenlight.integrations.github.application.GitHubGate;
import dev.greenlight.integrations.github.domain.ReleaseRevisions;
import dev.greenlight.integrations.notifications.kafka.Occurrences;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Feeds the GitHub integration from its own consumers, apart from the chat deliveries:
 * <ul>
 *   <li>releases, read whole at each start ({@code integrations-view-releases-<uuid>}): each release's revision;</li>
 *   <li>decisions, read whole at each start ({@code integrations-view-decisions-<uuid>}): the latest verdict per
 *       stage, which answers waiting deployments;</li>
 *   <li>decisions in the committed group {@code integrations-github}: a commit status per changed verdict
 *       ({@link GitHubStatusListener}).</li>
 * </ul>
 */
@Component
@ConditionalOnProperty(name = "greenlight.integrations.github.enabled", havingValue = "true")
public class GitHubListeners {

    /** The status listener's id, for tests waiting for its partitions. */
    public static final String STATUS_ID = GitHubStatusListener.ID;

    private final GitHubGate gate;
    private final ReleaseRevisions revisions;

    GitHubListeners(GitHubGate gate, ReleaseRevisions revisions) {
        this.gate = gate;
        this.revisions = revisions;
    }

    @KafkaListener(topics = "#{T(dev.greenlight.platform.topics.Topics).RELEASES.name()}",
            groupId = "integrations-view-releases-#{T(java.util.UUID).randomUUID()}",
            properties = "auto.offset.reset=earliest")
    void release(ReleaseRegistered release) {
        revisions.record(release.getTarget(), release.getVersion(), release.getRevision());
    }

    @KafkaListener(topics = "#{T(dev.greenlight.platform.topics.Topics).DECISIONS.name()}",
            groupId = "integrations-view-decisions-#{T(java.util.UUID).randomUUID()}",
            properties = "auto.offset.reset=earliest")
    void decided(GateDecided decision) {
        gate.decided(Occurrences.decision(decision));
    }
}
