package dev.greenlight.console.board.web;

import dev.greenlight.console.board.domain.DomIds;
import dev.greenlight.console.board.domain.LedgerRecorded;
import dev.greenlight.console.board.domain.Projection;
import dev.greenlight.console.board.domain.ReleaseView;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * One release ({@code /releases/target@version}): per stage the criteria, people's sign-offs, what
 * is missing and when it next changes, the traffic timeline, the ledger's entries of its target and
 * links to the evidence bundle and attestations. {@code /releases/{id}/live} serves the page's
 * changing part again for the live stream.
 */
@Controller
class ReleaseController {

    private final Projection projection;
    private final Clock clock;

    ReleaseController(Projection projection, Clock clock) {
        this.projection = projection;
        this.clock = clock;
    }

    @GetMapping("/releases/{id}")
    String release(@PathVariable String id, Model model) {
        fill(id, model);
        return "release";
    }

    @GetMapping("/releases/{id}/live")
    String live(@PathVariable String id, Model model) {
        fill(id, model);
        return "release :: live";
    }

    private void fill(String id, Model model) {
        ReleaseView release = projection.release(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no release " + id));
        List<LedgerRecorded> ledger = projection.ledger(release.target());
        model.addAttribute("release", release);
        model.addAttribute("domId", DomIds.of(release.id()));
        model.addAttribute("killSwitch", projection.killSwitchOn(release.target()).orElse(null));
        model.addAttribute("holds", projection.holdsOn(release.target()));
        List<LedgerRecorded> newestFirst = new ArrayList<>(ledger);
        Collections.reverse(newestFirst);
        model.addAttribute("ledger", newestFirst);
        model.addAttribute("chart", TimelineChart.svg(release.timeline(), clock.instant()));
        model.addAttribute("now", clock.instant());
        model.addAttribute("checkpoint", projection.checkpoint().orElse(null));
    }
}
