package dev.greenlight.integrations.subscriptions.kafka;

import dev.greenlight.evidence.policies.PolicyDirectory;
import dev.greenlight.integrations.subscriptions.application.DeclaredSubscriptions;
import dev.greenlight.integrations.subscriptions.domain.Endpoint;
import dev.greenlight.integrations.subscriptions.domain.PolicySubscriptions;
import dev.greenlight.integrations.subscriptions.domain.Subscription;
import dev.greenlight.policy.catalog.LoadedPolicy;
import dev.greenlight.policy.catalog.PolicyCatalog;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The policies' {@code notify:} rules as subscriptions, from the one policy source every service but
 * the gate uses: the texts the gate announced on {@code greenlight.policies} (each verified against
 * its content hash by the {@link PolicyDirectory}), latest version per policy name. Derived again only
 * when that catalogue changes; a rule left out (its secret not configured, its URL refused) is logged
 * once per change, never delivered half-configured. The rules whose {@code secretRef} names no
 * configured secret are also the gauge {@value #UNRESOLVED_METER}, so a forgotten secret pages
 * someone instead of only filling a log.
 */
public class AnnouncedPolicySubscriptions implements DeclaredSubscriptions {

    private static final Logger log = LoggerFactory.getLogger(AnnouncedPolicySubscriptions.class);

    /** Notify rules of the announced policies not delivered because their {@code secretRef} is not configured. */
    public static final String UNRESOLVED_METER = "greenlight.notifications.rules.unresolved";

    private final PolicyDirectory directory;
    private final Map<String, Endpoint> secrets;
    private final boolean allowHttp;
    private PolicyCatalog derivedFrom;
    private List<Subscription> derived = List.of();
    private List<String> unresolved = List.of();

    public AnnouncedPolicySubscriptions(PolicyDirectory directory, Map<String, Endpoint> secrets, boolean allowHttp,
                                        MeterRegistry meters) {
        this.directory = directory;
        this.secrets = Map.copyOf(secrets);
        this.allowHttp = allowHttp;
        Gauge.builder(UNRESOLVED_METER, this, declared -> declared.unresolvedSecretRefs().size())
                .description("policy notify rules not delivered: their secretRef names no configured secret")
                .register(meters);
    }

    /** The ids ({@code policy/<policy>/<rule>}) of the rules whose secretRef is not configured, as the policies say now. */
    public synchronized List<String> unresolvedSecretRefs() {
        all();
        return unresolved;
    }

    @Override
    public synchronized List<Subscription> all() {
        PolicyCatalog current = directory.current();
        if (current != derivedFrom) {
            PolicySubscriptions.Derived result = PolicySubscriptions.of(
                    current.all().stream().map(LoadedPolicy::policy).toList(), secrets, allowHttp);
            result.problems().forEach(problem -> log.error("policy notify rule not delivered: {}", problem));
            derived = result.subscriptions();
            unresolved = result.unresolvedSecretRefs();
            derivedFrom = current;
        }
        return derived;
    }
}
