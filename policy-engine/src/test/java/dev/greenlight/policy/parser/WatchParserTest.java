package dev.greenlight.policy.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.policy.model.GuardAction;
import dev.greenlight.policy.model.Policy;
import dev.greenlight.policy.model.ReleaseType;
import dev.greenlight.policy.model.WatchGuard;
import dev.greenlight.policy.model.WatchRule;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The optional {@code watch} section: the post-promotion watch every release type gets. */
class WatchParserTest {

    private static final String HEAD = """
            name: p
            version: "1"
            stages:
              - name: live-25
                traffic: 25
                guards:
                  - {name: ramp-only, when: {alert: WARNING}, action: PAUSE}
              - name: live-100
                traffic: 100
                guards:
                  - {name: live-errors, when: {metric: live_errors_total, comparator: ">", threshold: 3}, action: ROLLBACK}
                  - {name: contract-regression, when: {metric: contract_failures_total, comparator: ">", threshold: 0}, action: ROLLBACK}
                  - {name: page, when: {alert: PAGE}, action: KILL}
            """;

    private final PolicyParser parser = new PolicyParser();

    private Policy parse(String watch) {
        return parser.parse("p.yaml", HEAD + watch);
    }

    @Test
    void givenNoSection_thenNoReleaseTypeIsWatched() {
        Policy policy = parser.parse("p.yaml", HEAD);

        for (ReleaseType type : ReleaseType.values()) {
            assertThat(policy.watch().forType(type)).as(type.name()).isEmpty();
        }
    }

    @Test
    void givenADefaultWatch_thenEveryReleaseTypeGetsItWithTheGuardsOwnActions() {
        Policy policy = parse("""
                watch:
                  duration: 7d
                  guards: [live-errors, page]
                """);

        WatchRule expected = new WatchRule(Duration.ofDays(7),
                java.util.List.of(new WatchGuard("live-errors", GuardAction.ROLLBACK),
                        new WatchGuard("page", GuardAction.KILL)));
        for (ReleaseType type : ReleaseType.values()) {
            assertThat(policy.watch().forType(type)).as(type.name()).contains(expected);
        }
        assertThat(expected.armed("contract-regression")).isEmpty();
    }

    @Test
    void givenAnActionOnAnEntry_thenTheWatchActsSoInsteadOfTheGuardsAction() {
        Policy policy = parse("""
                watch:
                  duration: 24h
                  guards: [{name: contract-regression, action: PAUSE}, live-errors]
                """);

        WatchRule rule = policy.watch().forType(ReleaseType.BUGFIX).orElseThrow();
        assertThat(rule.armed("contract-regression")).contains(new WatchGuard("contract-regression", GuardAction.PAUSE));
        assertThat(rule.armed("live-errors")).contains(new WatchGuard("live-errors", GuardAction.ROLLBACK));
    }

    @Test
    void givenAReleaseTypeOverride_thenOnlyThatTypeDiffersAndItKeepsWhatItLeavesOut() {
        Policy policy = parse("""
                watch:
                  duration: 7d
                  guards: [live-errors]
                  releaseTypes:
                    HOTFIX: {duration: 14d}
                    config: {guards: [page]}
                """);

        assertThat(policy.watch().forType(ReleaseType.HOTFIX).orElseThrow().duration()).isEqualTo(Duration.ofDays(14));
        assertThat(policy.watch().forType(ReleaseType.HOTFIX).orElseThrow().armed("live-errors")).isPresent();
        WatchRule config = policy.watch().forType(ReleaseType.CONFIG).orElseThrow();
        assertThat(config.duration()).isEqualTo(Duration.ofDays(7));
        assertThat(config.guards()).containsExactly(new WatchGuard("page", GuardAction.KILL));
        assertThat(policy.watch().forType(ReleaseType.STRATEGY).orElseThrow().duration()).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void givenNoDuration_thenTheErrorNamesTheField() {
        assertThatThrownBy(() -> parse("""
                watch:
                  guards: [live-errors]
                """)).isInstanceOf(PolicyParseException.class).hasMessageContaining("watch")
                .hasMessageContaining("'duration'");
    }

    @Test
    void givenAZeroOrMalformedDuration_thenTheErrorNamesTheField() {
        assertThatThrownBy(() -> parse("""
                watch:
                  duration: 0s
                  guards: [live-errors]
                """)).isInstanceOf(PolicyParseException.class).hasMessageContaining("'duration'")
                .hasMessageContaining("longer than zero");
        assertThatThrownBy(() -> parse("""
                watch:
                  duration: a week
                  guards: [live-errors]
                """)).isInstanceOf(PolicyParseException.class).hasMessageContaining("'duration'")
                .hasMessageContaining("a week");
    }

    @Test
    void givenNoOrAnEmptyGuardList_thenTheErrorNamesTheField() {
        assertThatThrownBy(() -> parse("""
                watch:
                  duration: 7d
                """)).isInstanceOf(PolicyParseException.class).hasMessageContaining("'guards'");
        assertThatThrownBy(() -> parse("""
                watch:
                  duration: 7d
                  guards: []
                """)).isInstanceOf(PolicyParseException.class).hasMessageContaining("'guards'")
                .hasMessageContaining("at least one guard");
    }

    @Test
    void givenAGuardTheFinalStageDoesNotHave_thenTheErrorNamesItAndTheStage() {
        assertThatThrownBy(() -> parse("""
                watch:
                  duration: 7d
                  guards: [ramp-only]
                """)).isInstanceOf(PolicyParseException.class).hasMessageContaining("guards")
                .hasMessageContaining("'ramp-only'").hasMessageContaining("live-100")
                .hasMessageContaining("live-errors");
    }

    @Test
    void givenAnUnknownActionReleaseTypeOrKey_thenTheErrorNamesIt() {
        assertThatThrownBy(() -> parse("""
                watch:
                  duration: 7d
                  guards: [{name: page, action: ALERT}]
                """)).isInstanceOf(PolicyParseException.class).hasMessageContaining("action")
                .hasMessageContaining("ALERT");
        assertThatThrownBy(() -> parse("""
                watch:
                  duration: 7d
                  guards: [page]
                  releaseTypes:
                    PATCH: {duration: 1d}
                """)).isInstanceOf(PolicyParseException.class).hasMessageContaining("release type")
                .hasMessageContaining("PATCH");
        assertThatThrownBy(() -> parse("""
                watch:
                  duration: 7d
                  guards: [page]
                  armed: [page]
                """)).isInstanceOf(PolicyParseException.class).hasMessageContaining("'armed'");
        assertThatThrownBy(() -> parse("""
                watch:
                  duration: 7d
                  guards: [page, page]
                """)).isInstanceOf(PolicyParseException.class).hasMessageContaining("twice");
    }
}
