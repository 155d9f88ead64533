package dev.greenlight.console.notifications.web;

import dev.greenlight.console.actions.application.Actions;
import dev.greenlight.console.actions.application.ApiAnswer;
import dev.greenlight.console.signin.web.CurrentUser;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import tools.jackson.databind.JsonNode;

/**
 * Notifications that could not be delivered (Slack, Teams, webhooks the integrations service gave
 * up on after its retries): people learn that a release's channel missed a message. Read from the
 * integrations service's {@code GET /api/v1/deliveries/failures} as the signed-in person, like
 * every other call of the console; when that service refuses or is down the page says so.
 */
@Controller
class NotificationsPage {

    private final Actions actions;
    private final CurrentUser users;

    NotificationsPage(Actions actions, CurrentUser users) {
        this.actions = actions;
        this.users = users;
    }

    @GetMapping("/notifications")
    String notifications(Authentication auth, Model model) {
        ApiAnswer answer = actions.deliveryFailures(users.of(auth));
        JsonNode json = answer.ok() ? answer.json() : null;
        if (json != null && json.isArray()) {
            List<JsonNode> failures = new ArrayList<>();
            json.forEach(failures::add);
            model.addAttribute("failures", failures);
        } else {
            model.addAttribute("refused", "Could not read delivery failures (" + answer.status() + "): "
                    + answer.reason());
        }
        return "notifications";
    }
}
