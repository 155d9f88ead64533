package dev.greenlight.integrations.github.kafka;

import dev.greenlight.events.GateDecided;
import dev.greenlight.integrations.github.application.GitHubGate;
import dev.greenlight.integrations.notifications.domain.DecisionChanges;
import dev.greenlight.integrations.notifications.domain.DecisionFacts;
import dev.greenlight.integrations.notifications.kafka.DecisionHistory;
import dev.greenlight.integrations.notifications.kafka.Occurrences;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;

/**
 * Commit statuses from the committed group {@code integrations-github}: one per changed stage verdict, at
 * least once, never replayed from the beginning. When assigned its partitions it first reads the decisions
 * it already handled ({@link DecisionHistory}), so after a restart an unchanged verdict is not posted again.
 */
@Component
@ConditionalOnProperty(name = "greenlight.integrations.github.enabled", havingValue = "true")
class GitHubStatusListener implements ConsumerSeekAware {

    static final String ID = "github-statuses";

    private final GitHubGate gate;
    private final DecisionHistory history;
    private final DecisionChanges changes = new DecisionChanges();

    GitHubStatusListener(GitHubGate gate, DecisionHistory history) {
        this.gate = gate;
        this.history = history;
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        history.replayBefore(assignments, decision -> changes.on(Occurrences.decision(decision)));
    }

    @KafkaListener(id = ID, topics = "#{T(dev.greenlight.platform.topics.Topics).DECISIONS.name()}",
            groupId = "integrations-github")
    void status(GateDecided decision) {
        DecisionFacts facts = Occurrences.decision(decision);
        if (!changes.on(facts).isEmpty()) {
            gate.postStatus(facts);
        }
    }
}
