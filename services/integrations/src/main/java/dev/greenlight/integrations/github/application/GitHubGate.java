package dev.greenlight.integrations.github.application;

import dev.greenlight.integrations.github.domain.CommitStatus;
import dev.greenlight.integrations.github.domain.ProtectionRequest;
import dev.greenlight.integrations.github.domain.ProtectionReview;
import dev.greenlight.integrations.github.domain.ReleaseRevisions;
import dev.greenlight.integrations.github.domain.RepositoryMap;
import dev.greenlight.integrations.notifications.domain.ConsoleLinks;
import dev.greenlight.integrations.notifications.domain.DecisionFacts;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Greenlight as seen from GitHub. Commit statuses: each stage decision of a release becomes the
 * status {@code greenlight/<stage>} on the release's revision (from the delivery path, at least once).
 * Deployment protection rules: a waiting deployment is answered as soon as its stage decides (GO →
 * approved, NO-GO → rejected); if the stage had already decided when GitHub asked, at once. The
 * latest decision per release stage comes from a view that reads every decision, and requests and
 * decisions meet under one lock, so none is missed between the two.
 *
 * <p>Waiting requests are recorded ({@link ReviewRecord}: the request before the webhook is answered
 * 202, the answer once GitHub accepted it) and handed back at start ({@link #restore}), so a restart
 * between the webhook and the decision still answers the deployment, once.
 */
public class GitHubGate {

    private static final Logger log = LoggerFactory.getLogger(GitHubGate.class);

    private final GitHubApi api;
    private final RepositoryMap map;
    private final ReleaseRevisions revisions;
    private final ConsoleLinks links;
    private final MeterRegistry meters;
    private final ReviewRecord record;
    private final Map<String, DecisionFacts> latest = new HashMap<>();
    private final List<ProtectionRequest> waiting = new ArrayList<>();

    public GitHubGate(GitHubApi api, RepositoryMap map, ReleaseRevisions revisions, ConsoleLinks links,
                      MeterRegistry meters) {
        this(api, map, revisions, links, meters, ReviewRecord.none());
    }

    public GitHubGate(GitHubApi api, RepositoryMap map, ReleaseRevisions revisions, ConsoleLinks links,
                      MeterRegistry meters, ReviewRecord record) {
        this.api = api;
        this.map = map;
        this.revisions = revisions;
        this.links = links;
        this.meters = meters;
        this.record = record;
    }

    /** From the delivery consumer: the stage's commit status, kept current with each changed decision. */
    public void postStatus(DecisionFacts decision) {
        Optional<String> repository = map.repository(decision.target());
        Optional<String> sha = revisions.revision(decision.target(), decision.version());
        if (repository.isEmpty() || sha.isEmpty()) {
            meters.counter("greenlight.github.statuses", "outcome", "skipped").increment();
            return;
        }
        try {
            api.createStatus(CommitStatus.of(repository.get(), sha.get(), decision,
                    links.release(decision.target(), decision.version())));
            meters.counter("greenlight.github.statuses", "outcome", "posted").increment();
        } catch (RuntimeException e) {
            meters.counter("greenlight.github.statuses", "outcome", "failed").increment();
            log.warn("commit status for {} {} {} not posted: {}", decision.target(), decision.version(),
                    decision.stageLabel(), e.getMessage());
        }
    }

    /** From the decisions view: remember the stage's latest verdict and answer deployments waiting for it. */
    public void decided(DecisionFacts decision) {
        if (decision.checkpoint() != null) {
            return;
        }
        List<ProtectionRequest> due = new ArrayList<>();
        synchronized (this) {
            latest.put(key(decision.target(), decision.version(), decision.stage()), decision);
            if (ProtectionReview.of(decision, "").isEmpty()) {
                return;
            }
            Optional<String> sha = revisions.revision(decision.target(), decision.version());
            for (Iterator<ProtectionRequest> it = waiting.iterator(); it.hasNext(); ) {
                ProtectionRequest request = it.next();
                if (request.target().equals(decision.target()) && request.stage().equals(decision.stage())
                        && sha.isPresent() && sha.get().equals(request.sha())) {
                    due.add(request);
                    it.remove();
                }
            }
        }
        due.forEach(request -> answer(request, decision));
    }

    /**
     * From the webhook: answer now if the stage already decided, else record the request (returns once
     * Kafka stored it, so the 202 means it survives a restart) and answer when the stage decides.
     */
    public boolean requested(ProtectionRequest request) {
        if (decidedFor(request).isEmpty()) {
            record.waiting(request);
        }
        return match(request);
    }

    /** At start: a deployment recorded as waiting and not answered before the restart. */
    public void restore(ProtectionRequest request) {
        match(request);
    }

    private boolean match(ProtectionRequest request) {
        DecisionFacts decided;
        synchronized (this) {
            if (waiting.stream().anyMatch(w -> w.key().equals(request.key()))) {
                return false;
            }
            decided = decidedFor(request).orElse(null);
            if (decided == null) {
                waiting.add(request);
                return false;
            }
        }
        answer(request, decided);
        return true;
    }

    private synchronized Optional<DecisionFacts> decidedFor(ProtectionRequest request) {
        return latest.values().stream()
                .filter(d -> d.target().equals(request.target()) && d.stage().equals(request.stage()))
                .filter(d -> revisions.revision(d.target(), d.version()).filter(request.sha()::equals).isPresent())
                .filter(d -> ProtectionReview.of(d, "").isPresent())
                .findFirst();
    }

    /** How many deployments wait for a decision. */
    public synchronized int waitingCount() {
        return waiting.size();
    }

    private void answer(ProtectionRequest request, DecisionFacts decision) {
        ProtectionReview review = ProtectionReview.of(decision, links.release(decision.target(), decision.version()))
                .orElseThrow();
        try {
            api.review(request, review);
            meters.counter("greenlight.github.reviews", "state", review.state()).increment();
        } catch (RuntimeException e) {
            meters.counter("greenlight.github.reviews", "state", "failed").increment();
            log.warn("deployment protection review for {} {} not posted: {}", request.target(), request.stage(),
                    e.getMessage());
            return;
        }
        try {
            record.answered(request, review, decision.decisionId());
        } catch (RuntimeException e) {
            log.warn("review of {} {} posted but not recorded (a restart may post it again): {}", request.target(),
                    request.stage(), e.getMessage());
        }
    }

    private static String key(String target, String version, String stage) {
        return target + "\u0000" + version + "\u0000" + stage;
    }
}
