package dev.greenlight.console.ledger.web;

import dev.greenlight.console.board.domain.Projection;
import dev.greenlight.console.ledger.application.LedgerVerification;
import dev.greenlight.console.signin.web.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The ledger page: the latest signed checkpoint and its witnesses' cosignatures (from the
 * projection), search by release (its entries, as the release page lists them), "verify now"
 * with progress ({@link LedgerVerification}: the export streamed and verified as the person, then
 * the ledger's own verification; htmx polls the progress fragment) and the export download.
 */
@Controller
class LedgerPage {

    private final Projection projection;
    private final LedgerVerification verification;
    private final CurrentUser users;

    LedgerPage(Projection projection, LedgerVerification verification, CurrentUser users) {
        this.projection = projection;
        this.verification = verification;
        this.users = users;
    }

    @GetMapping("/ledger")
    String ledger(@RequestParam(required = false) String release, @RequestParam(required = false) String verification,
            Authentication auth, Model model) {
        if (verification != null) {
            this.verification.progress(verification, users.of(auth)).ifPresent(p -> model.addAttribute("verification", p));
        }
        model.addAttribute("checkpoint", projection.checkpoint().orElse(null));
        model.addAttribute("cosignatures", projection.cosignatures());
        model.addAttribute("release", release);
        if (release != null && !release.isBlank()) {
            String target = release.contains("@") ? release.substring(0, release.lastIndexOf('@')) : release;
            model.addAttribute("entries", projection.ledger(target.strip()));
        }
        return "ledger";
    }

    /** Starts a verification and shows the page following its progress (post, redirect, get). */
    @PostMapping("/ledger/verify")
    String verify(Authentication auth) {
        return "redirect:/ledger?verification=" + verification.start(users.of(auth));
    }

    /** The progress fragment htmx polls until the verification is done. */
    @GetMapping("/ledger/verify/{id}")
    String progress(@PathVariable String id, Authentication auth, Model model) {
        model.addAttribute("verification", verification.progress(id, users.of(auth))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such verification of yours")));
        return "ledger :: verification";
    }
}
