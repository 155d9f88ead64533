package dev.greenlight.gate.release.web;

import dev.greenlight.events.ReleaseRegistered;
import java.time.Instant;
import java.util.Map;

/**
 * What the evaluator knows about one release. {@code decisions} maps stage name to the current
 * decision for that stage; it stays empty until a policy is attached to the release.
 */
record ReleaseView(String releaseId, String target, String version, String releaseType, String revision,
                   String author, Instant registeredAt, Map<String, Object> decisions) {

    static ReleaseView of(String releaseId, ReleaseRegistered release) {
        return new ReleaseView(releaseId, release.getTarget(), release.getVersion(), release.getReleaseType().name(),
                release.getRevision(), release.getAuthor(), release.getMeta().getOccurredAt(), Map.of());
    }
}
