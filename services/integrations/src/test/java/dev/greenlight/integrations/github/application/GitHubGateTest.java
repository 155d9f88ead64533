package dev.greenlight.integrations.github.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.integrations.github.domain.CommitStatus;
import dev.greenlight.integrations.github.domain.ProtectionRequest;
import dev.greenlight.integrations.github.domain.ProtectionReview;
import dev.greenlight.integrations.github.domain.ReleaseRevisions;
import dev.greenlight.integrations.github.domain.RepositoryMap;
import dev.greenlight.integrations.notifications.domain.ConsoleLinks;
import dev.greenlight.integrations.notifications.domain.DecisionFacts;
import dev.greenlight.integrations.notifications.domain.PendingNeed;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** When GitHub hears what: statuses per stage, reviews once the stage decides (or at once if it had). */
class GitHubGateTest {

    static final String SHA = "0123456789abcdef0123456789abcdef01234567";

    final List<CommitStatus> statuses = new ArrayList<>();
    final List<ProtectionReview> reviews = new ArrayList<>();
    final ReleaseRevisions revisions = new ReleaseRevisions();
    GitHubGate gate;

    @BeforeEach
    void setUp() {
        GitHubApi api = new GitHubApi() {
            @Override
            public void createStatus(CommitStatus status) {
                statuses.add(status);
            }

            @Override
            public void review(ProtectionRequest request, ProtectionReview review) {
                reviews.add(review);
            }
        };
        gate = new GitHubGate(api, new RepositoryMap(Map.of("ict-qm", "acme/ict-qm"), Map.of("production", "live-100")),
                revisions, new ConsoleLinks(URI.create("http://console")), new SimpleMeterRegistry());
        revisions.record("ict-qm", "1.2.3", SHA.toUpperCase());
    }

    @Test
    void aNoGoRejectsTheWaitingDeploymentNamingTheFailingCriteria_aHoldKeepsItWaiting() {
        assertThat(gate.requested(request())).isFalse();

        gate.decided(decision("HOLD", List.of(), List.of(new PendingNeed("founder-approval", "missing approval: founder",
                List.of("founder")))));
        assertThat(reviews).isEmpty();
        assertThat(gate.waitingCount()).isEqualTo(1);

        gate.decided(decision("NO_GO", List.of("unit-tests: 2 of 3 FAIL"), List.of()));

        assertThat(reviews).singleElement().satisfies(review -> {
            assertThat(review.state()).isEqualTo("rejected");
            assertThat(review.comment()).isEqualTo("Greenlight NO-GO for ict-qm 1.2.3 live-100. Failing: unit-tests: "
                    + "2 of 3 FAIL. Criteria: unit-tests FAIL. Decision d-NO_GO: http://console/releases/ict-qm/1.2.3");
        });
        assertThat(gate.waitingCount()).isZero();
    }

    @Test
    void aStageThatAlreadyDecidedAnswersTheRequestAtOnce_anotherCommitWaits() {
        gate.decided(decision("GO", List.of(), List.of()));

        assertThat(gate.requested(new ProtectionRequest("ict-qm", "live-100", "f".repeat(40), "production",
                URI.create("https://api.github.com/x"), 1))).isFalse();
        assertThat(gate.requested(request())).isTrue();
        assertThat(reviews).extracting(ProtectionReview::state).containsExactly("approved");
    }

    @Test
    void statusesGoOnTheRevisionPerStage_aTargetWithoutRepositoryIsSkipped() {
        gate.postStatus(decision("HOLD", List.of(), List.of(new PendingNeed("founder-approval",
                "missing approval: founder", List.of("founder")))));
        gate.postStatus(new DecisionFacts("other", "1.0.0", "canary", null, "x", "GO", List.of(), List.of(), List.of(),
                Instant.EPOCH));

        assertThat(statuses).containsExactly(new CommitStatus("acme/ict-qm", SHA, "pending",
                "HOLD: waiting for founder-approval: missing approval: founder", "greenlight/live-100",
                "http://console/releases/ict-qm/1.2.3"));
    }

    private static ProtectionRequest request() {
        return new ProtectionRequest("ict-qm", "live-100", SHA, "production",
                URI.create("https://api.github.com/repos/acme/ict-qm/actions/runs/1/deployment_protection_rule"), 42);
    }

    private static DecisionFacts decision(String outcome, List<String> failing, List<PendingNeed> pending) {
        List<String> criteria = outcome.equals("NO_GO") ? List.of("unit-tests FAIL") : List.of("unit-tests PASS");
        return new DecisionFacts("ict-qm", "1.2.3", "live-100", null, "d-" + outcome, outcome, criteria, failing,
                pending, Instant.EPOCH);
    }
}
