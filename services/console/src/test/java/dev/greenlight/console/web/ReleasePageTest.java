package dev.greenlight.console.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.greenlight.console.board.domain.Criterion;
import dev.greenlight.console.board.domain.KillSwitchFlipped;
import dev.greenlight.console.board.domain.LedgerRecorded;
import dev.greenlight.console.board.domain.Pending;
import dev.greenlight.console.board.domain.PersonActed;
import dev.greenlight.console.board.domain.ReleaseAnnounced;
import dev.greenlight.console.board.domain.StageDecided;
import dev.greenlight.console.board.domain.TrafficMoved;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;

/** One release's page: criteria per stage, people, what is missing, the timeline, the ledger and links. */
class ReleasePageTest extends ConsolePageTest {

    static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void showsCriteriaPeopleMissingTimelineWithTheKillMarkedLedgerAndLinks() throws Exception {
        given(new ReleaseAnnounced("page-qm", "2.1.0", "STRATEGY", "alice", "abc123", "ict-release", T0),
                new StageDecided("page-qm", "2.1.0", "canary", "HOLD", "dec-1",
                        List.of(new Criterion("error-rate", "metric", "PASS", true, "0.4%", "< 1%", "within threshold",
                                List.of("ev-9")),
                                new Criterion("auditor-approval", "approval", "PENDING", true, null, null,
                                        "missing approval: auditor", List.of())),
                        List.of("auditor-approval"),
                        List.of(new Pending("auditor-approval", "missing approval: auditor", List.of("auditor"), null)),
                        T0.plusSeconds(3600), "ict-release", "sha256:aa", T0.plusSeconds(10)),
                new PersonActed("page-qm", "2.1.0", "APPROVE", "risk", "carol", null, "ok", T0.plusSeconds(20)),
                new TrafficMoved("page-qm", "2.1.0", "canary", TrafficMoved.Kind.STEP_STARTED, 10, null, null,
                        T0.plusSeconds(30)),
                new KillSwitchFlipped("page-qm", true, "erin", "page alert", T0.plusSeconds(40)),
                new TrafficMoved("page-qm", "2.1.0", "canary", TrafficMoved.Kind.PAUSED, 0, "kill-switch", "kill switch",
                        T0.plusSeconds(41)),
                new LedgerRecorded("page-qm", 1, 7, "dev.greenlight.events.GateDecided", "dec-1", "ff", T0.plusSeconds(11)));
        MockHttpSession bob = signIn("demo-bob");

        String page = mvc.perform(get("/releases/page-qm@2.1.0").session(bob)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("data-criterion=\"error-rate\"", "0.4%", "&lt; 1%", "ev-9", "missing approval: auditor",
                "Still missing:", "who can act: auditor", "Next review:", "carol", "APPROVE");
        assertThat(page).as("the timeline with the kill marked").contains("<svg class=\"timeline\"", "KILL",
                "kill switch on by erin: page alert", "id=\"traffic\">0%");
        assertThat(page).contains("1/7", "dec-1", "/attestations/dec-1", "/releases/page-qm@2.1.0/evidence?format=html",
                "/ledger/export?release=page-qm@2.1.0");
        assertThat(page).as("bob may sign off in his roles").contains("<option value=\"auditor\">auditor</option>");
        assertThat(page).as("the token never reaches a page").doesNotContain("demo-bob");
    }

    @Test
    void anUnknownReleaseIsNotFound() throws Exception {
        mvc.perform(get("/releases/nothing@1.0.0").session(signIn("demo-bob"))).andExpect(status().isNotFound());
    }
}
