package dev.greenlight.integrations.subscriptions.web;

import dev.greenlight.integrations.IntegrationsProperties;
import dev.greenlight.integrations.subscriptions.application.CreateSubscription;
import dev.greenlight.integrations.subscriptions.application.DeleteSubscription;
import dev.greenlight.integrations.subscriptions.domain.SubscriptionRequest;
import dev.greenlight.integrations.subscriptions.domain.Subscriptions;
import dev.greenlight.platform.security.Actor;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Notification subscriptions. {@code GET} lists them (any authenticated caller; hosts only, never
 * credentials), {@code POST} creates one (a subscribing role), {@code DELETE} ends one (its creator or
 * the authority role). 2xx only once Kafka stored the event.
 */
@RestController
@RequestMapping("/api/v1/subscriptions")
class SubscriptionController {

    private final CreateSubscription create;
    private final DeleteSubscription delete;
    private final Subscriptions subscriptions;
    private final boolean allowHttp;

    SubscriptionController(CreateSubscription create, DeleteSubscription delete, Subscriptions subscriptions,
                           IntegrationsProperties properties) {
        this.create = create;
        this.delete = delete;
        this.subscriptions = subscriptions;
        this.allowHttp = properties.subscriptions().allowHttp();
    }

    @GetMapping
    List<SubscriptionResponse> list(Actor actor) {
        return subscriptions.all().stream().map(SubscriptionResponse::of).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    SubscriptionResponse create(@RequestBody SubscriptionBody body, Actor actor) {
        return SubscriptionResponse.of(create.create(SubscriptionRequest.of(body.target(), body.kinds(),
                body.channel(), body.url(), body.secret(), allowHttp), actor));
    }

    @DeleteMapping("/{id}")
    Map<String, Object> delete(@PathVariable String id, Actor actor) {
        return Map.of("subscriptionId", id, "deleted", true, "eventId", delete.delete(id, actor));
    }
}
