package dev.greenlight.gate.policy;

import dev.greenlight.events.EventMetadata;
import dev.greenlight.events.PolicyActivated;
import dev.greenlight.evidence.GateDecisions;
import dev.greenlight.platform.kafka.EventNotStoredException;
import dev.greenlight.platform.kafka.EventPublisher;
import dev.greenlight.platform.time.Pause;
import dev.greenlight.platform.topics.Topics;
import dev.greenlight.policy.catalog.LoadedPolicy;
import dev.greenlight.policy.catalog.PolicyCatalog;
import dev.greenlight.policy.model.Policy;
import java.time.Clock;
import java.time.Duration;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Records every policy this instance gates with on {@link Topics#POLICIES} before it serves, so a
 * decision's {@code policy.contentHash} can always be resolved to the document. The event id is
 * the content hash: every restart re-announces, and consumers drop the repeats. A runner, so the
 * service reports ready only once every policy is recorded. When the broker cannot store an
 * announcement (on a loaded machine the topic may not be in the producer's metadata within its
 * 5 s), it tries again after a doubling pause ({@link PolicyAnnouncementProperties}) and the
 * health endpoint says so ({@link PolicyAnnouncementHealthIndicator}); only when the bound is spent
 * does the start-up fail — deciding with an unrecorded policy would make those decisions
 * unreplayable.
 */
@Component
class PolicyAnnouncer implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(PolicyAnnouncer.class);

    /** Where the announcement stands, for the health endpoint. */
    enum State { NOT_STARTED, ANNOUNCING, ANNOUNCED, GAVE_UP }

    /** A snapshot of the announcement: {@code lastError} is null until an attempt failed. */
    record Progress(State state, int announced, int policies, int failedAttempts, String lastError) {
    }

    private final PolicyCatalog policies;
    private final EventPublisher publisher;
    private final Clock clock;
    private final PolicyAnnouncementProperties retry;
    private final LongSupplier nanoTime;
    private final Pause pause;
    private volatile Progress progress;

    /**
     * The one Spring uses: real elapsed time, and a pause that blocks the start-up thread on purpose,
     * since the service must not serve before its policies are recorded.
     */
    @Autowired
    PolicyAnnouncer(PolicyCatalog policies, EventPublisher publisher, Clock clock,
                    PolicyAnnouncementProperties retry) {
        this(policies, publisher, clock, retry, System::nanoTime, Pause.blocking());
    }

    /**
     * @param nanoTime the monotonic clock the give-up bound is measured on (real elapsed time in
     *                 production, not the injected {@link Clock}: tests fix that one)
     * @param pause    the wait between two attempts
     */
    PolicyAnnouncer(PolicyCatalog policies, EventPublisher publisher, Clock clock,
                    PolicyAnnouncementProperties retry, LongSupplier nanoTime, Pause pause) {
        this.policies = policies;
        this.publisher = publisher;
        this.clock = clock;
        this.retry = retry;
        this.nanoTime = nanoTime;
        this.pause = pause;
        this.progress = new Progress(State.NOT_STARTED, 0, policies.all().size(), 0, null);
    }

    @Override
    public void run(ApplicationArguments args) {
        int total = policies.all().size();
        int announced = 0;
        int failures = 0;
        String lastError = null;
        progress = new Progress(State.ANNOUNCING, 0, total, 0, null);
        long giveUpAt = nanoTime.getAsLong() + retry.giveUpAfter().toNanos();
        Duration backoff = retry.firstBackoff();
        for (LoadedPolicy loaded : policies.all()) {
            while (true) {
                try {
                    publisher.publish(Topics.POLICIES, loaded.policy().name(), activated(loaded));
                    backoff = retry.firstBackoff();
                    break;
                } catch (EventNotStoredException e) {
                    failures++;
                    lastError = e.getMessage();
                    if (nanoTime.getAsLong() + backoff.toNanos() - giveUpAt > 0) {
                        progress = new Progress(State.GAVE_UP, announced, total, failures, lastError);
                        log.error("Gave up announcing policy {} after {} failed attempts in {}; start-up fails",
                                loaded.policy().name(), failures, retry.giveUpAfter());
                        throw e;
                    }
                    progress = new Progress(State.ANNOUNCING, announced, total, failures, lastError);
                    log.warn("Announcing policy {} failed (attempt {}), retrying in {}: {}",
                            loaded.policy().name(), failures, backoff, lastError);
                    await(backoff);
                    backoff = min(backoff.multipliedBy(2), retry.maxBackoff());
                }
            }
            announced++;
            progress = new Progress(State.ANNOUNCING, announced, total, failures, lastError);
        }
        progress = new Progress(State.ANNOUNCED, announced, total, failures, lastError);
    }

    Progress progress() {
        return progress;
    }

    private void await(Duration backoff) {
        try {
            pause.pause(backoff);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to announce the policies again", e);
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private PolicyActivated activated(LoadedPolicy loaded) {
        Policy policy = loaded.policy();
        return new PolicyActivated(new EventMetadata(policy.contentHash(), clock.instant(), GateDecisions.PRINCIPAL),
                policy.name(), policy.name(), policy.version(), policy.contentHash(), loaded.text());
    }
}
