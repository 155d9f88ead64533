package dev.greenlight.platform.topics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which weaker settings refuse a start (the ledger's) and which only warn (the other topics'). */
class TopicSettingsCheckTest {

    private static Map<String, String> ledgerConfigs() {
        Map<String, String> configs = new HashMap<>(Topics.LEDGER.configs());
        configs.put("min.insync.replicas", "2");
        return configs;
    }

    @Test
    void aLedgerTopicAsTheCatalogueSaysPasses() {
        assertThat(TopicSettingsCheck.check(Topics.LEDGER, new TopicSettings(Topics.LEDGER.name(), 3, 3,
                ledgerConfigs()), 3, 2)).isEmpty();
    }

    @Test
    void aLedgerWithFiniteRetentionCompactionProducerTimestampsOrTooFewReplicasRefusesNamingEachSetting() {
        Map<String, String> weak = ledgerConfigs();
        weak.put("retention.ms", "604800000");
        weak.put("cleanup.policy", "compact,delete");
        weak.put("message.timestamp.type", "CreateTime");
        weak.put("min.insync.replicas", "1");

        List<TopicSettingProblem> problems = TopicSettingsCheck.check(Topics.LEDGER,
                new TopicSettings(Topics.LEDGER.name(), 3, 1, weak), 3, 2);

        assertThat(problems).extracting(TopicSettingProblem::setting).containsExactlyInAnyOrder("retention.ms",
                "cleanup.policy", "message.timestamp.type", "replication.factor", "min.insync.replicas");
        assertThat(problems).allMatch(TopicSettingProblem::refuses);
        assertThat(problems).extracting(TopicSettingProblem::describe)
                .contains("greenlight.ledger: retention.ms is 604800000, must be -1");
    }

    @Test
    void anEventTopicWithFiniteRetentionOrOtherPartitionsOnlyWarns() {
        List<TopicSettingProblem> problems = TopicSettingsCheck.check(Topics.CHECKS,
                new TopicSettings(Topics.CHECKS.name(), 1, 1, Map.of("retention.ms", "1000")), 1, 1);

        assertThat(problems).extracting(TopicSettingProblem::setting).containsExactlyInAnyOrder("retention.ms",
                "partitions");
        assertThat(problems).noneMatch(TopicSettingProblem::refuses);
    }

    @Test
    void moreReplicasAndAHigherMinIsrThanRequiredAreFine() {
        Map<String, String> configs = new HashMap<>(Topics.CHECKS.configs());
        configs.put("min.insync.replicas", "3");
        assertThat(TopicSettingsCheck.check(Topics.CHECKS, new TopicSettings(Topics.CHECKS.name(), 3, 5, configs),
                3, 2)).isEmpty();
    }
}
