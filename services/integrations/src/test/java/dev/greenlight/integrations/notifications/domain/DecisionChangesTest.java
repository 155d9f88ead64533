package dev.greenlight.integrations.notifications.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.integrations.subscriptions.domain.EventKind;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The gate repeats itself; people hear about changed verdicts and newly needed sign-offs only. */
class DecisionChangesTest {

    final DecisionChanges changes = new DecisionChanges();

    @Test
    void aRepeatedVerdictIsNotNews_aChangedOneIs() {
        assertThat(kinds(changes.on(decision("d1", "HOLD", List.of())))).containsExactly(EventKind.DECISION_CHANGED);
        assertThat(changes.on(decision("d2", "HOLD", List.of()))).isEmpty();
        List<Occurrence> go = changes.on(decision("d3", "GO", List.of()));

        assertThat(kinds(go)).containsExactly(EventKind.DECISION_CHANGED);
        assertThat(go.get(0).title()).isEqualTo("ict-qm 1.2.3 canary: GO");
        assertThat(go.get(0).facts()).contains(new Fact("Previously", "HOLD"));
        assertThat(go.get(0).id()).isEqualTo("d3:DECISION_CHANGED");
    }

    @Test
    void aHoldWaitingForASignOffNamesWhoCanGiveIt_againOnlyWhenTheOpenRolesChange() {
        List<Occurrence> first = changes.on(decision("d1", "HOLD", List.of(
                new PendingNeed("founder-approval", "missing approval: founder", List.of("founder")),
                new PendingNeed("validation-48h", "window still running", List.of()))));

        assertThat(kinds(first)).containsExactly(EventKind.DECISION_CHANGED, EventKind.APPROVAL_NEEDED);
        Occurrence needed = first.get(1);
        assertThat(needed.text()).isEqualTo("Waiting for a sign-off from a holder of: founder.");
        assertThat(needed.facts()).containsExactly(new Fact("Who can approve", "founder"),
                new Fact("founder-approval", "missing approval: founder"));
        assertThat(changes.on(decision("d2", "HOLD", List.of(
                new PendingNeed("founder-approval", "missing approval: founder", List.of("founder")))))).isEmpty();
        assertThat(kinds(changes.on(decision("d3", "HOLD", List.of(
                new PendingNeed("risk-approval", "missing approval: risk", List.of("risk")))))))
                .containsExactly(EventKind.APPROVAL_NEEDED);
    }

    @Test
    void stagesAndCheckpointsAreTrackedApart() {
        changes.on(decision("d1", "GO", List.of()));
        DecisionFacts checkpoint = new DecisionFacts("ict-qm", "1.2.3", "canary", "t+30", "c1", "NO_GO",
                List.of("error-rate FAIL"), List.of("error-rate: 3 % > 1 %"), List.of(), Instant.EPOCH);

        List<Occurrence> out = changes.on(checkpoint);

        assertThat(kinds(out)).containsExactly(EventKind.DECISION_CHANGED);
        assertThat(out.get(0).title()).isEqualTo("ict-qm 1.2.3 canary t+30: NO_GO");
        assertThat(out.get(0).text()).isEqualTo("Blocked: error-rate: 3 % > 1 %");
    }

    private static DecisionFacts decision(String id, String outcome, List<PendingNeed> pending) {
        return new DecisionFacts("ict-qm", "1.2.3", "canary", null, id, outcome, List.of(), List.of(), pending, Instant.EPOCH);
    }

    private static List<EventKind> kinds(List<Occurrence> occurrences) {
        return occurrences.stream().map(Occurrence::kind).toList();
    }
}
