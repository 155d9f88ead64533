package dev.greenlight.integrations.subscriptions.domain;

import dev.greenlight.platform.failures.InvalidFieldException;
import dev.greenlight.policy.model.NotifyRule;
import dev.greenlight.policy.model.Policy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The subscriptions a policy declares in its {@code notify:} section, with their channel credentials
 * resolved by {@code secretRef} from the integrations service's own configuration (a policy text is
 * recorded forever, so it only names its secrets). Every rule becomes one subscription per target
 * pattern, all under one id {@code policy/<policy>/<rule>} (so overlapping patterns notify once, and a
 * new version of the policy keeps the dedupe keys of the old). A rule whose secret is not configured,
 * or whose endpoint would be refused at runtime, is left out and reported in {@link Derived#problems()}.
 */
public final class PolicySubscriptions {

    private PolicySubscriptions() {
    }

    /**
     * What the policies' rules became: the subscriptions, why any rule was left out, and the rules
     * (ids) left out because their {@code secretRef} names no configured secret (a metric counts them).
     */
    public record Derived(List<Subscription> subscriptions, List<String> problems, List<String> unresolvedSecretRefs) {

        public Derived {
            subscriptions = List.copyOf(subscriptions);
            problems = List.copyOf(problems);
            unresolvedSecretRefs = List.copyOf(unresolvedSecretRefs);
        }
    }

    /**
     * @param policies  the latest announced version of each policy
     * @param secrets   secret name -> channel URL and (WEBHOOK) signing secret
     * @param allowHttp whether plain-http URLs are accepted (local receivers only), as for runtime subscriptions
     */
    public static Derived of(Collection<Policy> policies, Map<String, Endpoint> secrets, boolean allowHttp) {
        List<Subscription> out = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<String> unresolved = new ArrayList<>();
        for (Policy policy : policies) {
            for (NotifyRule rule : policy.notifyRules()) {
                String id = "policy/" + policy.name() + "/" + rule.name();
                Endpoint endpoint = secrets.get(rule.secretRef());
                if (endpoint == null) {
                    problems.add(id + ": secretRef " + rule.secretRef()
                            + " is not configured (greenlight.integrations.secrets." + rule.secretRef() + ")");
                    unresolved.add(id);
                    continue;
                }
                List<String> kinds = rule.events().stream().map(Enum::name).sorted().toList();
                for (String target : rule.targets()) {
                    try {
                        SubscriptionRequest request = SubscriptionRequest.of(target, kinds, rule.channel().name(),
                                endpoint.url() == null ? null : endpoint.url().toString(), endpoint.secret(), allowHttp);
                        out.add(new Subscription(id, request.pattern(), request.kinds(), request.channel(),
                                request.endpoint(), "policy " + policy.name() + "@" + policy.version(), Instant.EPOCH,
                                policy.contentHash()));
                    } catch (InvalidFieldException e) {
                        problems.add(id + " (" + target + "): " + e.getMessage());
                    }
                }
            }
        }
        return new Derived(out, problems, unresolved);
    }

    /** Whether a subscription was declared in a policy rather than created at runtime. */
    public static boolean declared(Subscription subscription) {
        return subscription.id().startsWith("policy/");
    }

    /**
     * The policy that declares {@code subscription}, as {@code <name>@<content hash>} (the exact text
     * the rule comes from), or null for a runtime subscription.
     */
    public static String policyOf(Subscription subscription) {
        if (!declared(subscription)) {
            return null;
        }
        String id = subscription.id();
        return id.substring("policy/".length(), id.lastIndexOf('/')) + "@" + subscription.eventId();
    }
}
