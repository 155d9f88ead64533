package dev.greenlight.checkingest.release.application;

import dev.greenlight.checkingest.evidence.application.IngestProperties;
import dev.greenlight.checkingest.release.domain.InvalidFieldException;
import dev.greenlight.checkingest.release.domain.ReleaseCandidate;
import dev.greenlight.evidence.policies.PolicyDirectory;
import dev.greenlight.platform.security.Actor;
import dev.greenlight.policy.catalog.LoadedPolicy;
import dev.greenlight.policy.catalog.PolicyCatalog;
import dev.greenlight.policy.model.Policy;
import dev.greenlight.policy.model.ReleaseType;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * Decides, before anything is published, whether a registration may be bound to the policy it
 * would be gated by. The governing policy follows from the policies' {@code governs} rules alone,
 * judged against the policies the gate announced (never a local file):
 *
 * <ul>
 *   <li>a named {@code policy} that does not govern the target and release type is refused (400,
 *       field {@code policy}) — a publisher cannot pick a laxer policy meant for other releases;</li>
 *   <li>naming a governing policy other than the default needs the configured override role
 *       ({@code greenlight.ingest.policy-override-role}, default {@code release-captain}), else 403;</li>
 *   <li>a policy's {@code registration} section may restrict a release type to holders of some
 *       roles (e.g. HOTFIX to founder and release captain), else 403.</li>
 * </ul>
 *
 * The gate applies the first rule again when it evaluates, so a registration that bypassed this
 * service is still gated by its governing policy.
 */
@Component
public class PolicyBinding {

    private final PolicyDirectory directory;
    private final IngestProperties properties;

    PolicyBinding(PolicyDirectory directory, IngestProperties properties) {
        this.directory = directory;
        this.properties = properties;
    }

    /** The policy that will gate {@code candidate}; empty when none governs it. Throws if the caller may not register it so. */
    public Optional<Policy> authorize(ReleaseCandidate candidate, Actor actor) {
        // No policy announced at all means the gate has not started yet (it always gates with the
        // policies packaged in its jar): registering now would skip every registration rule.
        if (!directory.awaitPolicies(properties.releaseLookupTimeout())) {
            throw new PoliciesNotLoadedException();
        }
        PolicyCatalog catalog = directory.current();
        String target = candidate.target();
        ReleaseType type = ReleaseType.valueOf(candidate.type().name());
        Optional<Policy> byDefault = catalog.defaultFor(target, type);
        Optional<String> named = candidate.policy();
        if (named.isPresent() && !catalog.governs(named.get(), target, type)) {
            throw new InvalidFieldException("policy", "'" + named.get() + "' does not govern " + type
                    + " releases of " + target + "; governing policies: " + governingNames(catalog, target, type));
        }
        if (named.isPresent() && !named.equals(byDefault.map(Policy::name))
                && !actor.hasRole(properties.policyOverrideRole())) {
            throw new NotPermittedException(actor.name() + " may not choose policy '" + named.get() + "' for "
                    + target + ": the default is '" + byDefault.map(Policy::name).orElse("none")
                    + "', and choosing another governing policy needs role " + properties.policyOverrideRole());
        }
        Optional<Policy> governing = catalog.governing(target, type, named.orElse(null));
        governing.ifPresent(policy -> policy.registration().requiredRoles(type).ifPresent(roles -> {
            if (roles.stream().noneMatch(actor::hasRole)) {
                throw new NotPermittedException(actor.name() + " may not register " + type + " releases of "
                        + target + ": policy " + policy.name() + " allows that only to holders of "
                        + new TreeSet<>(roles));
            }
        }));
        governing.ifPresent(policy -> {
            if (!policy.registration().versionTagged(type, candidate.version().toString())) {
                String tag = policy.registration().requiredVersionTag(type).orElseThrow();
                throw new InvalidFieldException("version", "'" + candidate.version() + "' is not tagged as a "
                        + type + ": policy " + policy.name() + " requires " + type + " versions like 1.2.4-" + tag
                        + " or 1.2.4-" + tag + ".1");
            }
        });
        return governing;
    }

    private static Set<String> governingNames(PolicyCatalog catalog, String target, ReleaseType type) {
        List<String> names = catalog.all().stream().map(LoadedPolicy::policy)
                .filter(policy -> policy.governs().matches(target, type)).map(Policy::name).toList();
        return new TreeSet<>(names);
    }
}
