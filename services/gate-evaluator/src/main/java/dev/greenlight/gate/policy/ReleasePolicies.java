package dev.greenlight.gate.policy;

import dev.greenlight.events.ReleaseRegistered;
import dev.greenlight.policy.catalog.PolicyCatalog;
import dev.greenlight.policy.model.Policy;
import dev.greenlight.policy.model.ReleaseType;
import java.util.Optional;

/**
 * Asks the shared catalogue which policy gates a recorded release: the catalogue lives in the
 * pure policy-engine module and does not know the Avro events.
 */
public final class ReleasePolicies {

    private ReleasePolicies() {
    }

    /** The policy that gates {@code release}; empty when none is named or governs it. */
    public static Optional<Policy> governing(PolicyCatalog catalog, ReleaseRegistered release) {
        return catalog.governing(release.getTarget(), ReleaseType.valueOf(release.getReleaseType().name()),
                release.getPolicy());
    }
}
