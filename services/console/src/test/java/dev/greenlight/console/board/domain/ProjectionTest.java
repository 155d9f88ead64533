package dev.greenlight.console.board.domain;

import static dev.greenlight.console.board.domain.ReleaseFoldTest.T0;
import static dev.greenlight.console.board.domain.ReleaseFoldTest.decided;
import static dev.greenlight.console.board.domain.ReleaseFoldTest.registered;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The console's read model: which rows the board shows, filtered, with kill switches and holds. */
class ProjectionTest {

    private final Projection projection = new Projection();

    private void given(ConsoleEvent... events) {
        for (ConsoleEvent event : events) {
            projection.apply(event);
        }
    }

    @Test
    void theBoardListsReleasesInFlightWithTheirOutcomeAgeAndWhoMustAct() {
        given(registered("ict-qm", "2.1.0"),
                decided("ict-qm", "2.1.0", "canary", "HOLD", "PENDING",
                        List.of(new Pending("sign-off", "missing approval: founder", List.of("founder"), null)),
                        T0.plusSeconds(30)),
                registered("payments-api", "1.0.0"),
                new TrafficMoved("payments-api", "1.0.0", "production", TrafficMoved.Kind.COMPLETED, 100, null, null,
                        T0.plusSeconds(40)));

        List<BoardRow> rows = projection.board(BoardFilter.NONE, T0.plus(Duration.ofMinutes(125)));

        assertThat(rows).extracting(BoardRow::id).containsExactly("ict-qm@2.1.0");
        BoardRow row = rows.get(0);
        assertThat(row.outcome()).isEqualTo("HOLD");
        assertThat(row.nextActor()).isEqualTo("founder");
        assertThat(row.ageText()).isEqualTo("2h 5m");
        assertThat(row.domId()).isEqualTo("r-ict-qm_2_1_0");
    }

    @Test
    void filtersByPolicyOutcomeTargetPatternAndSearch() {
        given(registered("payments-api", "1.0.0"), registered("payments-web", "2.0.0"), registered("ict-qm", "2.1.0"),
                decided("payments-api", "1.0.0", "canary", "GO", "PASS", List.of(), T0),
                decided("payments-web", "2.0.0", "canary", "NO_GO", "FAIL", List.of(), T0),
                decided("ict-qm", "2.1.0", "canary", "GO", "PASS", List.of(), T0));

        assertThat(ids(new BoardFilter(null, "GO", null, null))).containsExactlyInAnyOrder("payments-api@1.0.0",
                "ict-qm@2.1.0");
        assertThat(ids(new BoardFilter(null, null, "payments-*", null))).containsExactlyInAnyOrder(
                "payments-api@1.0.0", "payments-web@2.0.0");
        assertThat(ids(new BoardFilter(null, "GO", "payments-*", null))).containsExactly("payments-api@1.0.0");
        assertThat(ids(new BoardFilter(null, null, null, "2.1"))).containsExactly("ict-qm@2.1.0");
        assertThat(ids(new BoardFilter("other-policy", null, null, null))).isEmpty();
        assertThat(ids(new BoardFilter("ict-release", null, "Payments Web", null)))
                .as("a target filter that is not a pattern is a plain substring").isEmpty();
    }

    @Test
    void anOrgWideKillSwitchAndAHoldOnAPatternShowOnEveryCoveredRowAndGoAwayWhenLifted() {
        given(registered("payments-api", "1.0.0"), registered("ict-qm", "2.1.0"));

        assertThat(projection.apply(new KillSwitchFlipped("payments-*", true, "erin", "incident", T0)))
                .containsExactly("payments-api@1.0.0");
        assertThat(projection.apply(new HoldChanged("*", "h1", "incident-4711", true, "erin", "stop", T0)))
                .containsExactlyInAnyOrder("payments-api@1.0.0", "ict-qm@2.1.0");

        BoardRow payments = projection.row("payments-api@1.0.0", T0).orElseThrow();
        BoardRow ict = projection.row("ict-qm@2.1.0", T0).orElseThrow();
        assertThat(payments.killSwitch()).isTrue();
        assertThat(ict.killSwitch()).isFalse();
        assertThat(payments.holds()).containsExactly("incident-4711");

        given(new KillSwitchFlipped("payments-*", false, "dave", "over", T0),
                new HoldChanged("*", "h1", "incident-4711", false, "erin", null, T0));
        assertThat(projection.row("payments-api@1.0.0", T0).orElseThrow().killSwitch()).isFalse();
        assertThat(projection.row("payments-api@1.0.0", T0).orElseThrow().holds()).isEmpty();
    }

    @Test
    void theLatestCheckpointKeepsOnlyItsOwnCosignatures_andLedgerEntriesAreKeptPerTarget() {
        given(new CheckpointSigned("ledger", 10, "aa", "k1", T0),
                new CheckpointCosigned("ledger", 10, "witness-a", T0),
                new CheckpointSigned("ledger", 20, "bb", "k1", T0.plusSeconds(60)),
                new CheckpointCosigned("ledger", 10, "witness-b", T0.plusSeconds(61)),
                new CheckpointCosigned("ledger", 20, "witness-a", T0.plusSeconds(62)),
                new LedgerRecorded("ict-qm", 0, 1, "ReleaseRegistered", "e1", "00", T0),
                new LedgerRecorded("other", 1, 1, "ReleaseRegistered", "e2", "01", T0));

        assertThat(projection.checkpoint().orElseThrow().treeSize()).isEqualTo(20);
        assertThat(projection.cosignatures()).extracting(CheckpointCosigned::witnessKey).containsExactly("witness-a");
        assertThat(projection.ledger("ict-qm")).extracting(LedgerRecorded::sourceEventId).containsExactly("e1");
    }

    @Test
    void aVerdictBeforeItsRegistrationIsKept_andTheRowAppearsWhenTheRegistrationArrives() {
        given(decided("ict-qm", "2.1.0", "canary", "HOLD", "PENDING", List.of(), T0));
        assertThat(projection.board(BoardFilter.NONE, T0)).hasSize(1);
        given(registered("ict-qm", "2.1.0"));
        assertThat(projection.release("ict-qm@2.1.0").orElseThrow().type()).isEqualTo("MINOR");
        assertThat(projection.release("ict-qm@2.1.0").orElseThrow().lastOutcome()).isEqualTo("HOLD");
    }

    private List<String> ids(BoardFilter filter) {
        return projection.board(filter, T0).stream().map(BoardRow::id).toList();
    }
}
