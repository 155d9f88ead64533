package dev.greenlight.rollout.kafka;

import dev.greenlight.evidence.policies.PolicyDirectory;
import dev.greenlight.policy.catalog.LoadedPolicy;
import dev.greenlight.policy.catalog.PolicyCatalog;
import dev.greenlight.policy.model.Policy;
import java.time.Duration;
import java.util.Optional;

/**
 * The policies a rollout may be bound to: exactly the texts the gate announced, looked up by the
 * content hash its decisions carry. The controller has no other policy source — no directory, no
 * file — so it cannot ramp by a text the gate did not decide with.
 */
public interface RolloutPolicies {

    /** The announced policy with this content hash, as known now. */
    Optional<Policy> byHash(String contentHash);

    /** As {@link #byHash}, waiting a bounded time for an announcement not read yet (a decision can overtake it). */
    Optional<Policy> awaitHash(String contentHash);

    /** From the announcements on {@code greenlight.policies}. */
    static RolloutPolicies announced(PolicyDirectory directory, Duration patience) {
        return new RolloutPolicies() {
            @Override
            public Optional<Policy> byHash(String contentHash) {
                return directory.byHash(contentHash).map(LoadedPolicy::policy);
            }

            @Override
            public Optional<Policy> awaitHash(String contentHash) {
                return directory.awaitHash(contentHash, patience).map(LoadedPolicy::policy);
            }
        };
    }

    /** A fixed catalogue, for tests that run the topology without a policies topic. */
    static RolloutPolicies of(PolicyCatalog catalog) {
        return new RolloutPolicies() {
            @Override
            public Optional<Policy> byHash(String contentHash) {
                return catalog.byHash(contentHash).map(LoadedPolicy::policy);
            }

            @Override
            public Optional<Policy> awaitHash(String contentHash) {
                return byHash(contentHash);
            }
        };
    }
}
