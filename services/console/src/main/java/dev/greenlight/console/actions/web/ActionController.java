package dev.greenlight.console.actions.web;

import dev.greenlight.console.actions.application.Actions;
import dev.greenlight.console.actions.application.ApiAnswer;
import dev.greenlight.console.board.web.ReleaseIds;
import dev.greenlight.console.signin.application.ConsoleUser;
import dev.greenlight.console.signin.web.CurrentUser;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The forms of the release page, each turned into one call of an existing API with the signed-in
 * person's own token ({@link Actions}). The answer comes back to the page as a flash message: what
 * was done, or the service's reason for refusing it. Every form carries a CSRF token (Spring
 * Security's default); any signed-in person may submit, and the called service decides.
 */
@Controller
class ActionController {

    private final Actions actions;
    private final CurrentUser users;

    ActionController(Actions actions, CurrentUser users) {
        this.actions = actions;
        this.users = users;
    }

    @PostMapping("/releases/{id}/sign-off")
    String signOff(@PathVariable String id, @RequestParam String role, @RequestParam String verdict,
            @RequestParam(required = false) String comment, Authentication auth, RedirectAttributes flash) {
        ReleaseIds release = release(id);
        return answer(id, flash, verdict.equals("REJECT") ? "Rejected as " + role : "Approved as " + role,
                () -> actions.signOff(user(auth), release.target(), release.version(), role, verdict, comment));
    }

    @PostMapping("/releases/{id}/waive")
    String waive(@PathVariable String id, @RequestParam String criterion, @RequestParam String rationale,
            Authentication auth, RedirectAttributes flash) {
        ReleaseIds release = release(id);
        return answer(id, flash, "Waived " + criterion,
                () -> actions.waive(user(auth), release.target(), release.version(), criterion, rationale));
    }

    @PostMapping("/releases/{id}/kill-switch")
    String killSwitch(@PathVariable String id, @RequestParam String action, @RequestParam String reason,
            Authentication auth, RedirectAttributes flash) {
        ReleaseIds release = release(id);
        return answer(id, flash, "Kill switch " + ("ACTIVATE".equals(action) ? "on" : "off") + " for " + release.target(),
                () -> actions.killSwitch(user(auth), release.target(), action, reason));
    }

    @PostMapping("/releases/{id}/rollout/{command}")
    String rollout(@PathVariable String id, @PathVariable String command, @RequestParam String reason,
            Authentication auth, RedirectAttributes flash) {
        ReleaseIds release = release(id);
        if (!Actions.ROLLOUT_COMMANDS.contains(command)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no rollout command " + command);
        }
        return answer(id, flash, "Rollout " + command + " requested",
                () -> actions.rollout(user(auth), release.target(), release.version(), command, reason));
    }

    @PostMapping("/releases/{id}/holds")
    String placeHold(@PathVariable String id, @RequestParam String name, @RequestParam String target,
            @RequestParam String reason, Authentication auth, RedirectAttributes flash) {
        release(id);
        return answer(id, flash, "Hold " + name + " placed on " + target,
                () -> actions.placeHold(user(auth), name, target, reason));
    }

    @PostMapping("/releases/{id}/holds/{holdId}/lift")
    String liftHold(@PathVariable String id, @PathVariable String holdId,
            @RequestParam(required = false) String reason, Authentication auth, RedirectAttributes flash) {
        release(id);
        if (isDotSegment(holdId)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no hold " + holdId);
        }
        return answer(id, flash, "Hold lifted", () -> actions.liftHold(user(auth), holdId, reason));
    }

    private String answer(String id, RedirectAttributes flash, String done, Supplier<ApiAnswer> call) {
        ApiAnswer answer = call.get();
        if (answer.ok()) {
            flash.addFlashAttribute("done", done + ".");
        } else {
            flash.addFlashAttribute("refused", "Refused (" + answer.status() + "): " + answer.reason());
        }
        return "redirect:/releases/" + id;
    }

    private ConsoleUser user(Authentication auth) {
        ConsoleUser user = users.of(auth);
        if (user == null) {
            throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "sign in first");
        }
        return user;
    }

    /**
     * The release a form is about. A target or version of {@code .} or {@code ..} is no release: it
     * would become a path segment of the API call, which the called server resolves to another path
     * (the hostile-input sweep sent {@code ..@2.1.0}).
     */
    private static ReleaseIds release(String id) {
        ReleaseIds release = ReleaseIds.parse(id);
        if (release == null || isDotSegment(release.target()) || isDotSegment(release.version())) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "not a release: " + id);
        }
        return release;
    }

    private static boolean isDotSegment(String segment) {
        return segment.equals(".") || segment.equals("..");
    }
}
