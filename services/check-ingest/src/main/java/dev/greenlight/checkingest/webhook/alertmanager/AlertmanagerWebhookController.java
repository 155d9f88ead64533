package dev.greenlight.checkingest.webhook.alertmanager;

import dev.greenlight.checkingest.webhook.WebhookAnswer;
import dev.greenlight.platform.security.Actor;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Alertmanager's webhook receiver. Authenticated with a bearer token like the API (Alertmanager's
 * {@code webhook_configs.http_config.authorization.credentials}) that must belong to the
 * Alertmanager integration principal (role {@code alertmanager}); the token's publisher scopes
 * bound the targets it may raise alerts for.
 */
@RestController
class AlertmanagerWebhookController {

    private final AlertmanagerDeliveries deliveries;

    AlertmanagerWebhookController(AlertmanagerDeliveries deliveries) {
        this.deliveries = deliveries;
    }

    @PostMapping("/webhooks/alertmanager")
    WebhookAnswer receive(@RequestBody JsonNode payload, Actor actor) {
        return deliveries.receive(payload, actor);
    }
}
