package dev.greenlight.console.policies.web;

import dev.greenlight.console.actions.application.Actions;
import dev.greenlight.console.actions.application.ApiAnswer;
import dev.greenlight.console.board.domain.PolicyAnnounced;
import dev.greenlight.console.board.domain.Projection;
import dev.greenlight.console.board.domain.ReleaseView;
import dev.greenlight.console.signin.web.CurrentUser;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The policies page: every policy the gate announced, by content hash, with its text and the
 * releases it governs (those whose latest verdict was made under that hash), and a what-if form
 * that posts a candidate policy to the ledger's what-if API as the person and lists the flips.
 */
@Controller
class PoliciesPage {

    private final Projection projection;
    private final Actions actions;
    private final CurrentUser users;

    PoliciesPage(Projection projection, Actions actions, CurrentUser users) {
        this.projection = projection;
        this.actions = actions;
        this.users = users;
    }

    @GetMapping("/policies")
    String policies(Model model) {
        Map<String, List<String>> governed = new LinkedHashMap<>();
        for (PolicyAnnounced policy : projection.policies()) {
            governed.put(policy.contentHash(), projection.releases().stream()
                    .filter(r -> policy.contentHash().equals(r.policyHash())).map(ReleaseView::id).toList());
        }
        model.addAttribute("policies", projection.policies());
        model.addAttribute("governed", governed);
        return "policies";
    }

    @PostMapping("/policies/what-if")
    String whatIf(@RequestParam String candidate, @RequestParam(required = false) String release,
            Authentication auth, Model model) {
        ApiAnswer answer = actions.whatIf(users.of(auth), candidate, release);
        model.addAttribute("candidate", candidate);
        if (answer.ok() && answer.json() != null) {
            model.addAttribute("whatIf", answer.json());
        } else {
            model.addAttribute("refused", "Refused (" + answer.status() + "): " + answer.reason());
        }
        return policies(model);
    }
}
