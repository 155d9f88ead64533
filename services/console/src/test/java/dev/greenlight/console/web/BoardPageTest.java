package dev.greenlight.console.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.greenlight.console.board.domain.Criterion;
import dev.greenlight.console.board.domain.HoldChanged;
import dev.greenlight.console.board.domain.KillSwitchFlipped;
import dev.greenlight.console.board.domain.Pending;
import dev.greenlight.console.board.domain.ReleaseAnnounced;
import dev.greenlight.console.board.domain.StageDecided;
import dev.greenlight.console.board.domain.TrafficMoved;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;

/**
 * The board as a person sees it: every release in flight with its outcome coloured AND labelled,
 * who acts next, kill switch and holds; filters; accessible markup; and 1,000 releases rendered.
 */
class BoardPageTest extends ConsolePageTest {

    static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    static StageDecided decided(String target, String version, String outcome, String who) {
        return new StageDecided(target, version, "canary", outcome, "d-" + target + version,
                List.of(new Criterion("sign-off", "approval", "GO".equals(outcome) ? "PASS" : "PENDING", true, null, null,
                        "missing approval: " + who, List.of())),
                List.of(), List.of(new Pending("sign-off", "missing approval: " + who, List.of(who), null)), null,
                "ict-release", "sha256:aa", T0.plusSeconds(1));
    }

    @Test
    void everyReleaseInFlightWithOutcomeLabelWhoActsNextKillSwitchAndHolds() throws Exception {
        given(new ReleaseAnnounced("board-a", "1.0.0", "STRATEGY", "alice", "r1", "ict-release", T0),
                decided("board-a", "1.0.0", "NO_GO", "founder"),
                new TrafficMoved("board-a", "1.0.0", "canary", TrafficMoved.Kind.STEP_STARTED, 25, null, null, T0),
                new KillSwitchFlipped("board-a", true, "erin", "page", T0),
                new HoldChanged("board-*", "h-1", "incident-4711", true, "erin", "stop", T0));
        MockHttpSession bob = signIn("demo-bob");

        String page = mvc.perform(get("/").session(bob)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();

        assertThat(page).contains("id=\"r-board-a_1_0_0\"", "board-a", "25%", "NO-GO", "outcome-no_go", "founder",
                "KILL SWITCH ON", "hold incident-4711");
        assertThat(page).as("labelled filters and table headers")
                .contains("<label for=\"f-q\">", "<label for=\"f-outcome\">", "<th scope=\"col\">Who acts next</th>",
                        "sse-connect=\"/board/stream\"", "/webjars/htmx-ext-sse/");
    }

    @Test
    void filtersNarrowTheRows() throws Exception {
        given(new ReleaseAnnounced("filter-go", "1.0.0", "STRATEGY", "alice", "r1", "ict-release", T0),
                decided("filter-go", "1.0.0", "GO", "auditor"),
                new ReleaseAnnounced("filter-hold", "1.0.0", "STRATEGY", "alice", "r1", "ict-release", T0),
                decided("filter-hold", "1.0.0", "HOLD", "auditor"));
        MockHttpSession bob = signIn("demo-bob");

        String rows = mvc.perform(get("/board/rows").param("outcome", "HOLD").param("target", "filter-*").session(bob))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(rows).contains("filter-hold").doesNotContain("filter-go").doesNotContain("<html");
    }

    @Test
    void theWebjarsServeHtmxAndItsSseExtension() throws Exception {
        mvc.perform(get("/webjars/htmx.org/dist/htmx.min.js")).andExpect(status().isOk());
        mvc.perform(get("/webjars/htmx-ext-sse/sse.js")).andExpect(status().isOk());
        mvc.perform(get("/css/console.css")).andExpect(status().isOk());
    }

    @Test
    void aBoardOfAThousandReleasesRenders() throws Exception {
        for (int i = 0; i < 1000; i++) {
            String target = "load-" + i;
            given(new ReleaseAnnounced(target, "1.0." + i, "STRATEGY", "alice", "r", "ict-release", T0),
                    decided(target, "1.0." + i, i % 3 == 0 ? "GO" : i % 3 == 1 ? "HOLD" : "NO_GO", "auditor"),
                    new TrafficMoved(target, "1.0." + i, "canary", TrafficMoved.Kind.STEP_STARTED, i % 100, null, null, T0));
        }
        MockHttpSession bob = signIn("demo-bob");
        mvc.perform(get("/").session(bob)).andExpect(status().isOk()); // warm the template cache

        long start = System.nanoTime();
        String page = mvc.perform(get("/").param("target", "load-*").session(bob)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        long millis = (System.nanoTime() - start) / 1_000_000;

        System.out.printf("Board of 1,000 releases rendered in %d ms (%d KB)%n", millis, page.length() / 1024);
        assertThat(page).contains("load-0", "load-999");
        assertThat(page.split("class=\"release-row\"", -1)).hasSize(1001);
    }
}
