package dev.greenlight.checkingest.webhook.github;

import dev.greenlight.checkingest.webhook.WebhookAnswer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * GitHub's webhook endpoint. Public (GitHub sends no bearer token); authenticity comes from the
 * body's HMAC signature, which is why the body is taken as raw bytes: re-serialised JSON would not
 * match the signature GitHub computed.
 */
@RestController
class GithubWebhookController {

    private final GithubDeliveries deliveries;

    GithubWebhookController(GithubDeliveries deliveries) {
        this.deliveries = deliveries;
    }

    // JSON only, as the integration guide configures it: a signed body declared as text or XML was
    // processed anyway (found by the hostile-input corpus); it is now a 415.
    @PostMapping(path = "/webhooks/github", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    WebhookAnswer receive(@RequestHeader(name = "X-GitHub-Event", required = false) String event,
            @RequestHeader(name = "X-GitHub-Delivery", required = false) String delivery,
            @RequestHeader(name = "X-Hub-Signature-256", required = false) String signature,
            @RequestBody(required = false) byte[] body) {
        return deliveries.receive(event, delivery, signature, body == null ? new byte[0] : body);
    }
}
