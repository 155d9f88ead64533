package dev.greenlight.integrations.subscriptions.web;

import dev.greenlight.integrations.IntegrationsProperties;
import dev.greenlight.integrations.subscriptions.application.CreateSubscription;
import dev.greenlight.integrations.subscriptions.application.DeclaredSubscriptions;
import dev.greenlight.integrations.subscriptions.application.DeleteSubscription;
import dev.greenlight.integrations.subscriptions.domain.SubscriptionRequest;
import dev.greenlight.integrations.subscriptions.domain.Subscriptions;
import dev.greenlight.platform.security.Actor;
import java.util.ArrayList;
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
 * credentials): the runtime ones, then those the announced policies declare ({@code notify:}, marked
 * {@code "source": "policy"} with the policy's name and content hash), {@code POST} creates one (a
 * subscribing role), {@code DELETE} ends one (its creator or the authority role) — never one a policy
 * declares (409 naming the policy; its id {@code policy/<policy>/<rule>} has its own route, since a
 * path variable holds no slash). 2xx only once Kafka stored the event.
 */
@RestController
@RequestMapping("/api/v1/subscriptions")
class SubscriptionController {

    private final CreateSubscription create;
    private final DeleteSubscription delete;
    private final Subscriptions subscriptions;
    private final DeclaredSubscriptions declared;
    private final boolean allowHttp;

    SubscriptionController(CreateSubscription create, DeleteSubscription delete, Subscriptions subscriptions,
                           DeclaredSubscriptions declared, IntegrationsProperties properties) {
        this.create = create;
        this.delete = delete;
        this.subscriptions = subscriptions;
        this.declared = declared;
        this.allowHttp = properties.subscriptions().allowHttp();
    }

    @GetMapping
    List<SubscriptionResponse> list(Actor actor) {
        List<SubscriptionResponse> all = new ArrayList<>();
        subscriptions.all().forEach(s -> all.add(SubscriptionResponse.of(s)));
        declared.all().forEach(s -> all.add(SubscriptionResponse.of(s)));
        return all;
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

    /** A policy's subscription: refused by {@link DeleteSubscription} with the policy it comes from. */
    @DeleteMapping("/policy/{policy}/{rule}")
    Map<String, Object> deleteDeclared(@PathVariable String policy, @PathVariable String rule, Actor actor) {
        return delete("policy/" + policy + "/" + rule, actor);
    }
}
