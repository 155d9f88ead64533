package dev.greenlight.cli.e2e;

import static dev.greenlight.cli.e2e.RunbookSteps.approve;
import static dev.greenlight.cli.e2e.RunbookSteps.awaitDecision;
import static dev.greenlight.cli.e2e.RunbookSteps.checks;
import static dev.greenlight.cli.e2e.RunbookSteps.criterion;
import static dev.greenlight.cli.e2e.RunbookSteps.register;
import static dev.greenlight.cli.e2e.WholeStack.stage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.events.GateDecided;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The live view is current, through the public APIs only: sign-offs given at the approval
 * service show in the gate's REST view at once — two of three sign-offs leave only the third role
 * pending — and each is recorded as a decision on the decisions topic (read back from the ledger),
 * so the trail shows when each sign-off counted, and every recorded decision still replays.
 */
@ExtendWith(WholeStack.class)
class LiveDecisionRecordE2eTest {

    private static final String TARGET = "agent-orchestration-ops-e2e-live";
    private static final String VERSION = "1.4.1";

    private static String observed(JsonNode view) {
        return criterion(stage(view, "production"), "release-approvals").path("observed").asString("");
    }

    @Test
    void eachSignOffIsVisibleAndRecordedAtOnceAndTheHoldNamesOnlyTheRoleStillMissing() {
        register(TARGET, VERSION, "BUGFIX", "11fe001", "1.4.0");
        checks(TARGET, VERSION, "11fe001", "PASS", "readiness:agents", "alerts:validate", "runbooks:index",
                "security-scan", "changelog", "operational-validation", "tabletop-drill");

        approve("erin", TARGET, VERSION, "platform");
        awaitDecision(TARGET, VERSION, v -> observed(v).startsWith("1 of 3 approvers"));
        approve("bob", TARGET, VERSION, "security");
        JsonNode view = awaitDecision(TARGET, VERSION, v -> observed(v).startsWith("2 of 3 approvers"));

        JsonNode production = stage(view, "production");
        assertThat(production.path("outcome").asString()).isNotEqualTo("GO");
        assertThat(criterion(production, "release-approvals").path("status").asString()).isEqualTo("PENDING");
        assertThat(criterion(production, "release-approvals").path("reason").asString())
                .contains("operations").doesNotContain("platform").doesNotContain("security");
        List<String> pendingRoles = new ArrayList<>();
        for (JsonNode item : production.path("pendingOn")) {
            if ("release-approvals".equals(item.path("criterion").asString())) {
                item.path("roles").forEach(r -> pendingRoles.add(r.asString()));
            }
        }
        assertThat(pendingRoles).containsExactly("operations");
        List<String> makers = new ArrayList<>();
        production.path("decisionMakers").forEach(m -> makers.add(m.path("who").asString()));
        assertThat(makers).contains("gate-evaluator", "erin", "bob");
        assertThat(production.path("nextReviewAt").isNull()).as("a HOLD has a review date").isFalse();

        List<GateDecided> trail = new ArrayList<>();
        LedgerEvents.awaitRecorded(TARGET, GateDecided.class, d -> d.getStage().equals("production")
                && observedIn(d).startsWith("2 of 3"));
        LedgerEvents.recorded(TARGET, GateDecided.class).stream()
                .filter(d -> d.getStage().equals("production")).forEach(trail::add);
        assertThat(trail).extracting(LiveDecisionRecordE2eTest::observedIn)
                .as("the ledger shows when each sign-off counted")
                .anyMatch(o -> o.startsWith("0 of 3")).anyMatch(o -> o.startsWith("1 of 3"))
                .anyMatch(o -> o.startsWith("2 of 3"));
        WholeStack.ledgerVerifiesAndReplaysEveryDecision(TARGET);
    }

    private static String observedIn(GateDecided decided) {
        return decided.getCriteria().stream().filter(c -> c.getName().equals("release-approvals")).findFirst()
                .map(c -> String.valueOf(c.getObserved())).orElse("");
    }
}
