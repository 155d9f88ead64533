package dev.greenlight.console.policies.web;

import dev.greenlight.console.actions.application.Actions;
import dev.greenlight.console.actions.application.ApiAnswer;
import dev.greenlight.console.board.domain.PolicyAnnounced;
import dev.greenlight.console.board.domain.Projection;
import dev.greenlight.console.board.domain.ReleaseView;
import dev.greenlight.console.policies.domain.PolicyOutline;
import dev.greenlight.console.policies.domain.PolicyOutlines;
import dev.greenlight.console.signin.web.CurrentUser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.JsonNode;

/**
 * The policies page: every policy the gate announced, by content hash, as a table of its stages and
 * criteria (kind, rule, who approves, who may waive) with the raw text behind a disclosure, and the
 * releases it governs (those whose latest verdict was made under that hash); and a what-if form
 * that posts a candidate policy to the ledger's what-if API as the person and lists the decisions
 * it flips.
 */
@Controller
class PoliciesPage {

    private final Projection projection;
    private final Actions actions;
    private final CurrentUser users;
    private final Map<String, Optional<PolicyOutline>> outlines = new ConcurrentHashMap<>();

    PoliciesPage(Projection projection, Actions actions, CurrentUser users) {
        this.projection = projection;
        this.actions = actions;
        this.users = users;
    }

    @GetMapping("/policies")
    String policies(Model model) {
        Map<String, List<String>> governed = new LinkedHashMap<>();
        Map<String, PolicyOutline> outlines = new LinkedHashMap<>();
        for (PolicyAnnounced policy : projection.policies()) {
            governed.put(policy.contentHash(), projection.releases().stream()
                    .filter(r -> policy.contentHash().equals(r.policyHash())).map(ReleaseView::id).toList());
            outline(policy).ifPresent(outline -> outlines.put(policy.contentHash(), outline));
        }
        model.addAttribute("policies", projection.policies());
        model.addAttribute("governed", governed);
        model.addAttribute("outlines", outlines);
        return "policies";
    }

    /** Parsed once per content hash: the text behind a hash never changes. */
    private Optional<PolicyOutline> outline(PolicyAnnounced policy) {
        return outlines.computeIfAbsent(policy.contentHash(), hash -> PolicyOutlines.of(policy.content()));
    }

    @PostMapping("/policies/what-if")
    String whatIf(@RequestParam String candidate, @RequestParam(required = false) String release,
            Authentication auth, Model model) {
        ApiAnswer answer = actions.whatIf(users.of(auth), candidate, release);
        model.addAttribute("candidate", candidate);
        JsonNode json = answer.json();
        if (answer.ok() && json != null) {
            List<JsonNode> flips = new ArrayList<>();
            json.path("results").forEach(result -> {
                if (!result.path("baseline").asString("").equals(result.path("candidate").asString(""))) {
                    flips.add(result);
                }
            });
            model.addAttribute("whatIf", json);
            model.addAttribute("flips", flips);
            model.addAttribute("tried", json.path("results").size());
        } else {
            model.addAttribute("refused", "Refused (" + answer.status() + "): " + answer.reason());
        }
        return policies(model);
    }
}
