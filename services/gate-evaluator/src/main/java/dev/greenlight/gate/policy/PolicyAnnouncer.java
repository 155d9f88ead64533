package dev.greenlight.gate.policy;

import dev.greenlight.events.EventMetadata;
import dev.greenlight.events.PolicyActivated;
import dev.greenlight.evidence.GateDecisions;
import dev.greenlight.platform.kafka.EventPublisher;
import dev.greenlight.platform.topics.Topics;
import dev.greenlight.policy.catalog.LoadedPolicy;
import dev.greenlight.policy.catalog.PolicyCatalog;
import dev.greenlight.policy.model.Policy;
import java.time.Clock;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Records every policy this instance gates with on {@link Topics#POLICIES} before it serves, so a
 * decision's {@code policy.contentHash} can always be resolved to the document. The event id is
 * the content hash: every restart re-announces, and consumers drop the repeats. If the broker
 * cannot store the announcement, startup fails — deciding with an unrecorded policy would make
 * those decisions unreplayable.
 */
@Component
class PolicyAnnouncer implements ApplicationRunner {

    private final PolicyCatalog policies;
    private final EventPublisher publisher;
    private final Clock clock;

    PolicyAnnouncer(PolicyCatalog policies, EventPublisher publisher, Clock clock) {
        this.policies = policies;
        this.publisher = publisher;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (LoadedPolicy loaded : policies.all()) {
            publisher.publish(Topics.POLICIES, loaded.policy().name(), activated(loaded));
        }
    }

    private PolicyActivated activated(LoadedPolicy loaded) {
        Policy policy = loaded.policy();
        return new PolicyActivated(new EventMetadata(policy.contentHash(), clock.instant(), GateDecisions.PRINCIPAL),
                policy.name(), policy.name(), policy.version(), policy.contentHash(), loaded.text());
    }
}
