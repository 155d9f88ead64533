package dev.greenlight.checkingest.webhook.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.events.CheckStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The documented conclusion table, and check names as gate policies will reference them. */
class GithubConclusionsTest {

    @ParameterizedTest
    @CsvSource({"success,PASS", "failure,FAIL", "timed_out,FAIL", "startup_failure,FAIL", "neutral,WARN",
        "skipped,WARN", "cancelled,ERROR", "stale,ERROR", "action_required,ERROR", "something_new,ERROR"})
    void mapsEveryGithubConclusion(String conclusion, CheckStatus status) {
        assertThat(GithubConclusions.status(conclusion)).isEqualTo(status);
    }

    @ParameterizedTest
    @CsvSource({"Unit Tests,unit-tests", "build (ubuntu-latest),build-ubuntu-latest", "lane:cli,lane:cli",
        "Lane : Web,lane:web", "'  --CI--  ',ci", "'***',github-run"})
    void normalisesRunNamesToCheckNames(String name, String checkName) {
        assertThat(GithubDeliveries.checkName(name)).isEqualTo(checkName);
    }
}
