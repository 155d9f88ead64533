package dev.greenlight.platform.kafka;

import dev.greenlight.platform.topics.TopicSettingProblem;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A service refuses to start: a topic it owns is weaker than Greenlight relies on. The message names
 * every such setting, e.g. {@code greenlight.ledger: retention.ms is 1000, must be -1}.
 */
public class WeakTopicSettingsException extends IllegalStateException {

    private final transient List<TopicSettingProblem> problems;

    public WeakTopicSettingsException(String service, List<TopicSettingProblem> problems) {
        super(service + " refuses to start on weaker topic settings than the catalogue requires ("
                + problems.stream().map(TopicSettingProblem::describe).collect(Collectors.joining("; "))
                + "); fix the topic or the environment's greenlight.topics.* requirements (docs/operations.md)");
        this.problems = List.copyOf(problems);
    }

    /** The settings that refused the start. */
    public List<TopicSettingProblem> problems() {
        return problems;
    }
}
