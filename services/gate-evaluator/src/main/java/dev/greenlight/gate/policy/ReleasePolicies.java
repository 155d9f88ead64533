package dev.greenlight.gate.policy;

import dev.greenlight.events.ReleaseRegistered;
import dev.greenlight.policy.catalog.PolicyCatalog;
import dev.greenlight.policy.model.Policy;
import dev.greenlight.policy.model.ReleaseType;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the shared catalogue which policy gates a recorded release: the catalogue lives in the
 * pure policy-engine module and does not know the Avro events.
 */
public final class ReleasePolicies {

    private static final Logger log = LoggerFactory.getLogger(ReleasePolicies.class);

    private ReleasePolicies() {
    }

    /**
     * The policy that gates {@code release}; empty when none governs it. A named policy counts only
     * if it governs the release too (check-ingest refuses any other; this is the same rule again,
     * for a registration that bypassed it): otherwise the release is gated by its default
     * governing policy, never by the named one, and a warning says so. Its decisions name the
     * policy they were computed with, so the ledger shows which one gated it.
     */
    public static Optional<Policy> governing(PolicyCatalog catalog, ReleaseRegistered release) {
        ReleaseType type = ReleaseType.valueOf(release.getReleaseType().name());
        String named = release.getPolicy();
        if (named != null && !catalog.governs(named, release.getTarget(), type)) {
            log.warn("Release {}@{} names policy '{}', which does not govern {} releases of it; gated by its "
                    + "governing policy instead", release.getTarget(), release.getVersion(), named, type);
        }
        return catalog.governing(release.getTarget(), type, named);
    }
}
