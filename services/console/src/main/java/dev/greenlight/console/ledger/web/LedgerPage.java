package dev.greenlight.console.ledger.web;

import dev.greenlight.console.actions.application.Actions;
import dev.greenlight.console.actions.application.ApiAnswer;
import dev.greenlight.console.board.domain.Projection;
import dev.greenlight.console.signin.web.CurrentUser;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The ledger page: the latest signed checkpoint and its witnesses' cosignatures (from the
 * projection), search by release (its entries, as the release page lists them), "verify now"
 * (the ledger's own verification, run as the person) and the export download.
 */
@Controller
class LedgerPage {

    private final Projection projection;
    private final Actions actions;
    private final CurrentUser users;

    LedgerPage(Projection projection, Actions actions, CurrentUser users) {
        this.projection = projection;
        this.actions = actions;
        this.users = users;
    }

    @GetMapping("/ledger")
    String ledger(@RequestParam(required = false) String release, Model model) {
        model.addAttribute("checkpoint", projection.checkpoint().orElse(null));
        model.addAttribute("cosignatures", projection.cosignatures());
        model.addAttribute("release", release);
        if (release != null && !release.isBlank()) {
            String target = release.contains("@") ? release.substring(0, release.lastIndexOf('@')) : release;
            model.addAttribute("entries", projection.ledger(target.strip()));
        }
        return "ledger";
    }

    @PostMapping("/ledger/verify")
    String verify(Authentication auth, Model model) {
        ApiAnswer answer = actions.verifyLedger(users.of(auth));
        model.addAttribute("verifyStatus", answer.status());
        model.addAttribute("verifyOk", answer.ok() && answer.json() != null && answer.json().path("ok").asBoolean(false));
        model.addAttribute("verifyBody", answer.ok() ? answer.text() : answer.reason());
        return ledger(null, model);
    }
}
