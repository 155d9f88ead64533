package dev.greenlight.console.board.web;

import dev.greenlight.console.board.domain.BoardFilter;
import dev.greenlight.console.board.domain.BoardRow;
import dev.greenlight.console.board.domain.PolicyAnnounced;
import dev.greenlight.console.board.domain.Projection;
import dev.greenlight.console.board.domain.ReleaseView;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The board: every release in flight, filtered and searched, served whole ({@code /}) and as its
 * rows only ({@code /board/rows}, what the live page fetches again when the stream says something
 * changed). Any signed-in person may look.
 */
@Controller
class BoardController {

    static final List<String> OUTCOMES = List.of("GO", "NO_GO", "HOLD");

    private final Projection projection;
    private final Clock clock;

    BoardController(Projection projection, Clock clock) {
        this.projection = projection;
        this.clock = clock;
    }

    @GetMapping("/")
    String board(@RequestParam(required = false) String policy, @RequestParam(required = false) String outcome,
            @RequestParam(required = false) String target, @RequestParam(required = false) String q, Model model) {
        rows(policy, outcome, target, q, model);
        model.addAttribute("policies", projection.releases().stream().map(ReleaseView::policy)
                .filter(Objects::nonNull).distinct().sorted().toList());
        model.addAttribute("announcedPolicies", projection.policies().stream().map(PolicyAnnounced::name).distinct().toList());
        model.addAttribute("outcomes", OUTCOMES);
        model.addAttribute("filter", new BoardFilter(policy, outcome, target, q));
        return "board";
    }

    @GetMapping("/board/rows")
    String rows(@RequestParam(required = false) String policy, @RequestParam(required = false) String outcome,
            @RequestParam(required = false) String target, @RequestParam(required = false) String q, Model model) {
        List<BoardRow> rows = projection.board(new BoardFilter(policy, outcome, target, q), clock.instant());
        model.addAttribute("rows", rows);
        return "board :: rows";
    }
}
