package dev.greenlight.ledger.evidence.application;

import static dev.greenlight.ledger.evidence.application.EvidenceFixture.T0;
import static dev.greenlight.ledger.evidence.application.EvidenceFixture.TARGET;
import static dev.greenlight.ledger.evidence.application.EvidenceFixture.VERSION;
import static dev.greenlight.ledger.evidence.application.EvidenceFixture.applied;
import static dev.greenlight.ledger.evidence.application.EvidenceFixture.check;
import static dev.greenlight.ledger.evidence.application.EvidenceFixture.command;
import static dev.greenlight.ledger.evidence.application.EvidenceFixture.killSwitch;
import static dev.greenlight.ledger.evidence.application.EvidenceFixture.pageAlert;
import static dev.greenlight.ledger.evidence.application.EvidenceFixture.registered;
import static dev.greenlight.ledger.evidence.application.EvidenceFixture.rollback;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.greenlight.events.CheckStatus;
import dev.greenlight.events.DeploymentCommand;
import dev.greenlight.events.DeploymentStatus;
import dev.greenlight.ledger.evidence.domain.CheckItem;
import dev.greenlight.ledger.evidence.domain.EvidenceBundle;
import dev.greenlight.ledger.evidence.domain.Gate5Evidence;
import dev.greenlight.ledger.evidence.domain.IncidentItem;
import dev.greenlight.ledger.evidence.domain.LedgerBasis;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Gate5 playbook's evidence items: checks with run URLs, lanes, revision, deployments, rollbacks. */
class Gate5EvidenceTest {

    @Test
    void checksCarryTheirRunUrlsAndLanesTheirOutputSummaries() {
        EvidenceFixture ledger = new EvidenceFixture().record(registered("2.1.0"),
                check("c-1", "contract-governance", CheckStatus.FAIL, "https://ci/run/1", T0),
                check("c-2", "contract-governance", CheckStatus.PASS, "https://ci/run/2", T0.plusSeconds(600)),
                check("c-3", "lane:web", CheckStatus.PASS, "https://ci/run/3", T0),
                check("c-4", "docs-governance", CheckStatus.PASS, null, T0),
                check("c-5", "smoke-check", CheckStatus.PASS, "https://ci/run/5", T0));

        Gate5Evidence gate5 = ledger.assemble().gate5();

        assertThat(gate5.checks()).extracting(CheckItem::name, CheckItem::status, CheckItem::url).containsExactly(
                tuple("contract-governance", "PASS", "https://ci/run/2"),
                tuple("docs-governance", "PASS", null),
                tuple("lane:web", "PASS", "https://ci/run/3"),
                tuple("smoke-check", "PASS", "https://ci/run/5"));
        assertThat(gate5.checks().get(0).source().entry()).isEqualTo(ledger.entryOf("c-2"));
        assertThat(gate5.lanes()).extracting(CheckItem::summary).containsExactly("suite of lane:web");
        assertThat(gate5.smokeCheck().url()).isEqualTo("https://ci/run/5");
        assertThat(gate5.replayGate()).isNull();
        assertThat(gate5.revision()).isEqualTo("5114f85");
    }

    @Test
    void theReplayGatesFieldsAreRecordedAsStructuredDetailsAndShownInTheReport() {
        var replay = check("c-9", "replay-gate", CheckStatus.PASS, "https://ci/run/9", T0);
        replay.setStructuredDetails(Map.of("id", "rg-9", "decision", "blocked", "mergeBlocked", false,
                "releaseBlocked", true, "mergeGateStatus", "pass", "releaseGateStatus", "blocked",
                "reasons", java.util.List.of("candidate EXPERT changes 3 GO decisions")));
        EvidenceFixture ledger = new EvidenceFixture().record(registered("2.1.0"), replay);

        EvidenceBundle bundle = ledger.assemble();

        assertThat(bundle.gate5().replayGate().details()).containsEntry("releaseBlocked", true)
                .containsEntry("mergeBlocked", false).containsEntry("id", "rg-9")
                .containsEntry("reasons", java.util.List.of("candidate EXPERT changes 3 GO decisions"));
        assertThat(EvidenceMarkdown.render(bundle)).contains("| replay-gate | PASS | https://ci/run/9 | suite of replay-gate"
                + " | decision=blocked; id=rg-9; mergeBlocked=false; mergeGateStatus=pass;"
                + " reasons=[candidate EXPERT changes 3 GO decisions]; releaseBlocked=true; releaseGateStatus=blocked |");
    }

    @Test
    void deploymentsRollbacksAndIncidentsOfTheReleaseAreListedWithTheirReasons() {
        EvidenceFixture ledger = new EvidenceFixture().record(registered("2.1.0"),
                command("cmd-1", "k-1", 25, 1, "GO at live-25"),
                applied("app-1", "k-1", 1, DeploymentStatus.APPLIED),
                pageAlert("al-1", T0.plus(Duration.ofHours(2))),
                rollback("rb-1", "live-25", "live-errors", "5", "> 3", "Live errors > 3 -> immediate rollback",
                        T0.plus(Duration.ofHours(2))),
                killSwitch("ks-1", "page alert at T+30"));

        Gate5Evidence gate5 = ledger.assemble().gate5();

        assertThat(gate5.deployments()).singleElement().satisfies(d -> {
            assertThat(d.trafficPercent()).isEqualTo(25);
            assertThat(d.appliedStatus()).isEqualTo("APPLIED");
            assertThat(d.appliedSource().entry()).isEqualTo(ledger.entryOf("app-1"));
        });
        assertThat(gate5.rollbacks()).singleElement().satisfies(r -> {
            assertThat(r.guard()).isEqualTo("live-errors");
            assertThat(r.observed()).isEqualTo("5");
            assertThat(r.reason()).isEqualTo("Live errors > 3 -> immediate rollback");
            assertThat(r.restoredVersion()).isEqualTo("2.0.0");
            assertThat(r.source().entry()).isEqualTo(ledger.entryOf("rb-1"));
        });
        assertThat(gate5.incidents()).extracting(IncidentItem::kind)
                .containsExactly("alert fired", "kill switch activated");
    }

    @Test
    void anotherVersionsFactsAndTargetWideEventsAfterItsRegistrationStayOut() {
        EvidenceFixture ledger = new EvidenceFixture().record(
                killSwitch("ks-before", "before the release existed"),
                registered("2.1.0"),
                killSwitch("ks-during", "during the release"),
                registered("2.2.0"),
                DeploymentCommand.newBuilder(command("cmd-other", "k-9", 25, 9, "the next version"))
                        .setVersion("2.2.0").build(),
                killSwitch("ks-after", "the next release's problem"));

        EvidenceBundle bundle = ledger.assemble();

        assertThat(bundle.release()).isEqualTo(TARGET + "@" + VERSION);
        assertThat(bundle.gate5().incidents()).extracting(i -> i.source().eventId()).containsExactly("ks-during");
        assertThat(bundle.gate5().deployments()).isEmpty();
    }

    @Test
    void anUnregisteredReleaseHasNoBundle() {
        EvidenceFixture ledger = new EvidenceFixture().record(registered("2.2.0"));

        assertThat(new EvidenceAssembler().assemble(TARGET, VERSION, ledger.events(),
                new LedgerBasis(0, null, null, null, Map.of(), 1), T0)).isEmpty();
    }

    @Test
    void entriesAfterTheCheckpointAreMarkedAsNotYetProvable() {
        EvidenceFixture ledger = new EvidenceFixture().record(registered("2.1.0")).checkpointHere()
                .record(check("c-late", "smoke-check", CheckStatus.PASS, "https://ci/run/9", T0));

        EvidenceBundle bundle = ledger.assemble();

        assertThat(bundle.facts().source().checkpointed()).isTrue();
        assertThat(bundle.gate5().smokeCheck().source().checkpointed()).isFalse();
        assertThat(bundle.basis().covers(0, 0)).isTrue();
        assertThat(bundle.basis().covers(0, 1)).isFalse();
    }
}
