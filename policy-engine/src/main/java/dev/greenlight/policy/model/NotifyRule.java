package dev.greenlight.policy.model;

import java.util.List;
import java.util.Set;

/**
 * One entry of a policy's optional {@code notify:} section: a subscription declared with the policy
 * rather than created at runtime. A policy is recorded forever (announced with its text and kept by
 * the ledger), so it names its channel's credentials only by {@code secretRef}: the integrations
 * service resolves that name in its own configuration; a URL or secret never appears in the text.
 *
 * @param name      the rule's name, unique in the policy (part of the derived subscription's id)
 * @param targets   target patterns; the policy's {@code governs.targets} when the rule names none
 * @param events    what it is told about, at least one
 * @param channel   how
 * @param secretRef name of the channel's URL (and signing secret) in the integrations service's configuration
 */
public record NotifyRule(String name, List<String> targets, Set<NotifyEvent> events, NotifyChannel channel,
                         String secretRef) {

    public NotifyRule {
        targets = List.copyOf(targets);
        events = Set.copyOf(events);
    }
}
